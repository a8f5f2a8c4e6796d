"use client";

import { useTranslations } from "next-intl";
import {
  type KeyboardEvent,
  type SyntheticEvent,
  type TextareaHTMLAttributes,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { Textarea } from "@/lib/ui/components/textarea";
import { type ActiveMention, activeMention, insertMention, type MentionScope } from "./mention-query";
import { useMentionSuggestions } from "./use-mention-suggestions";

const noSubscription = () => () => {};

/**
 * The composer's text box, offering members to mention while "@Na…" is typed (the ARIA combobox
 * pattern on a textarea: the list is announced, arrow keys move, Enter or Tab inserts "@Full Name",
 * Escape closes). Without JavaScript it is a plain textarea, and typing the name works as before.
 */
export function MentionTextarea({
  mentionScope,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & {
  id: string;
  /**
   * The thread or category written in: only members who may read it are offered. Without one (a new
   * thread before its category is chosen) none are, and the box says to choose a category.
   */
  mentionScope: MentionScope | null;
}) {
  const t = useTranslations("forum.composer");
  const [mention, setMention] = useState<ActiveMention | null>(null);
  const [active, setActive] = useState(0);
  // The "@" whose list was picked from or closed with Escape: it stays closed while the caret is there.
  const dismissed = useRef<number | null>(null);
  const { suggestions, loaded } = useMentionSuggestions(mention?.query ?? null, mentionScope);
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const listId = `${props.id}-mentions`;
  const optionId = (i: number) => `${listId}-${i}`;
  const open = mention !== null && suggestions.length > 0;
  // A new thread's suggestions depend on who may read its category: none is chosen yet.
  const needsCategory = mention !== null && mentionScope === null;
  const current = Math.min(active, suggestions.length - 1);

  const follow = (field: HTMLTextAreaElement) => {
    const found =
      field.selectionStart === field.selectionEnd ? activeMention(field.value, field.selectionEnd) : null;
    if (found?.start !== dismissed.current) dismissed.current = null;
    const next = found && found.start !== dismissed.current ? found : null;
    if (next?.query !== mention?.query) setActive(0);
    if (next?.start !== mention?.start || next?.end !== mention?.end || next?.query !== mention?.query)
      setMention(next);
  };

  const close = () => {
    dismissed.current = mention?.start ?? null;
    setMention(null);
  };

  const pick = (field: HTMLTextAreaElement | null, index: number) => {
    const person = suggestions[index];
    if (!field || !mention || !person) return;
    const result = insertMention(field.value, mention, person.name);
    dismissed.current = mention.start;
    field.value = result.text;
    field.focus();
    field.setSelectionRange(result.caret, result.caret);
    setMention(null);
    // The reply draft (use-reply-draft.ts) and a live preview hear of it as if it had been typed.
    field.dispatchEvent(new Event("input", { bubbles: true }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    props.onKeyDown?.(event);
    if (!open || event.nativeEvent.isComposing || event.defaultPrevented) return;
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step) {
      event.preventDefault();
      const next = (current + step + suggestions.length) % suggestions.length;
      setActive(next);
      // The list grows with its (at most eight) entries instead of scrolling inside itself, where a
      // keyboard could not follow; on a small screen the page brings the chosen one into view.
      document.getElementById(optionId(next))?.scrollIntoView({ block: "nearest" });
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey) {
      event.preventDefault();
      pick(event.currentTarget, current);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  };

  const onFollow = (event: SyntheticEvent<HTMLTextAreaElement>) => follow(event.currentTarget);

  return (
    <div className="relative">
      <Textarea
        {...props}
        {...(hydrated
          ? {
              "aria-autocomplete": "list" as const,
              "aria-controls": open ? listId : undefined,
              "aria-activedescendant": open ? optionId(current) : undefined,
            }
          : {})}
        onKeyDown={onKeyDown}
        onInput={(event) => {
          props.onInput?.(event);
          onFollow(event);
        }}
        onSelect={onFollow}
        onBlur={(event) => {
          props.onBlur?.(event);
          setMention(null);
        }}
      />
      {open ? (
        <div
          id={listId}
          role="listbox"
          aria-label={t("mentionList")}
          className="absolute inset-x-0 top-full z-20 mt-1 rounded-md border border-gray-500 bg-white py-1 text-start shadow-lg"
        >
          {suggestions.map((person, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the text box's (aria-activedescendant)
            <div
              key={person.id}
              id={optionId(i)}
              role="option"
              tabIndex={-1}
              aria-selected={i === current}
              // The text box keeps the focus (and its caret) while a suggestion is clicked or tapped.
              onPointerDown={(event) => event.preventDefault()}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(document.getElementById(props.id) as HTMLTextAreaElement | null, i)}
              onMouseMove={() => i !== current && setActive(i)}
              className={`flex min-h-11 cursor-pointer flex-col justify-center px-3 py-1 ${
                i === current ? "bg-brand text-white" : "text-gray-900"
              }`}
            >
              <bdi className="font-semibold">{person.name}</bdi>
              {person.detail ? (
                <bdi className={`text-sm ${i === current ? "text-white" : "text-muted"}`}>
                  {person.detail}
                </bdi>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
      {/* One live region: the hint to choose a category is shown, the count of suggestions only announced. */}
      <p role="status" className={needsCategory ? "mt-1 text-sm text-muted" : "sr-only"}>
        {needsCategory
          ? t("mentionNeedsCategory")
          : mention && loaded
            ? t("mentionCount", { count: suggestions.length })
            : ""}
      </p>
    </div>
  );
}
