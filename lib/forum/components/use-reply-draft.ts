"use client";

import { type FormEvent, type RefObject, useEffect } from "react";
import type { ComposerState } from "../actions";

const bodyOf = (form: RefObject<HTMLFormElement | null>) => {
  const field = form.current?.elements.namedItem("body");
  return field instanceof HTMLTextAreaElement ? field : null;
};

/**
 * Keeps a reply's unsent text in the tab's sessionStorage: "Zitieren", "Reagieren" and a reaction each
 * load the page anew, which would otherwise empty the box. On load the draft comes back, a quote added
 * below it; sending clears it, and a form that comes back (an error, a preview) stores its text again.
 */
export function useReplyDraft(
  key: string | undefined,
  form: RefObject<HTMLFormElement | null>,
  initialBody: string,
  state: ComposerState,
) {
  useEffect(() => {
    const field = bodyOf(form);
    const draft = key ? sessionStorage.getItem(key)?.trim() : undefined;
    // Text typed before the script arrived (kept by Textarea) wins over an older draft.
    if (!key || !field || !draft || field.value !== field.defaultValue) return;
    const quote = initialBody.trim();
    field.value = !quote || draft.includes(quote) ? draft : `${draft}\n\n${initialBody}`;
    sessionStorage.setItem(key, field.value);
  }, [key, form, initialBody]);
  useEffect(() => {
    if (key && (state.status === "error" || state.status === "preview"))
      sessionStorage.setItem(key, state.values.body ?? "");
  }, [key, state]);
  if (!key) return {};
  return {
    onInput: () => sessionStorage.setItem(key, bodyOf(form)?.value ?? ""),
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      if (!(submitter instanceof HTMLButtonElement && submitter.value === "preview"))
        sessionStorage.removeItem(key);
    },
  };
}
