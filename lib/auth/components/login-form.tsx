"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { errorMessage, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { requestSignInLinkAction } from "../actions";

/** `next`: the page to return to after sign-in, already checked by the page (safeNextPath). */
export function LoginForm({ next }: { next: string | null }) {
  const t = useTranslations("login");
  const te = useTranslations("errors");
  const [state, action] = useActionState(requestSignInLinkAction, IDLE);
  const { errors, text } = formView(state);
  // A fragment (#post-40) never reaches the server; the browser keeps it across the redirect to here.
  const [fragment, setFragment] = useState("");
  useEffect(() => setFragment(window.location.hash), []);
  return (
    <form action={action} noValidate className="max-w-md">
      {next ? <input type="hidden" name="next" value={next.includes("#") ? next : next + fragment} /> : null}
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{te(state.formError, state.formErrorValues)}</FormAlert>
      ) : null}
      <TextField
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        label={t("email")}
        hint={t("emailHint")}
        error={errorMessage(te, errors.email)}
        defaultValue={text("email")}
      />
      <SubmitButton pendingLabel={t("sending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
