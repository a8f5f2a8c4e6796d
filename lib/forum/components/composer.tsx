"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import type { FieldError } from "@/lib/forms/state";
import { SubmissionKey } from "@/lib/submissions/components/submission-key";
import { SUBMISSION_FIELD } from "@/lib/submissions/constants";
import { inputStyle, secondaryButton } from "@/lib/ui/components/button-styles";
import { Field } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { KeptFiles } from "@/lib/ui/components/kept-files";
import { markdownTags } from "@/lib/ui/components/markdown-sample";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { useFileLimits } from "@/lib/ui/components/use-file-limits";
import type { ComposerState } from "../actions";
import { ATTACHMENT_LIMIT_ERRORS, ATTACHMENT_LIMITS, ATTACHMENT_NOT_ACCEPTED } from "../constants";
import { MentionTextarea } from "./mention-textarea";
import { useReplyDraft } from "./use-reply-draft";

type Mode = "thread" | "reply" | "edit";

/**
 * The editor for a new thread, a reply or an edit. "Vorschau" sends the text to the server, which
 * renders it exactly as it will be shown; without JavaScript the page simply comes back with it.
 * Files chosen before are kept on the server and listed below the file field, ticked, to go with the post.
 */
export function Composer({
  mode,
  action,
  hidden,
  initialBody = "",
  categories,
  defaultCategoryId = "",
  threadId,
  acceptedTypes,
  submissionKey,
}: {
  mode: Mode;
  action: (state: ComposerState, formData: FormData) => Promise<ComposerState>;
  hidden: Record<string, string>;
  initialBody?: string;
  categories?: { id: string; name: string }[];
  defaultCategoryId?: string;
  /** The thread a reply or an edit is in (a new thread's "@" suggestions follow its chosen category). */
  threadId?: number;
  acceptedTypes?: string;
  /** A new thread's or a reply's one-time key, drawn for this rendering (lib/submissions). */
  submissionKey?: string;
}) {
  const t = useTranslations("forum.composer");
  const te = useTranslations("errors");
  const tfe = useTranslations("forum.errors");
  const [state, formAction] = useActionState(action, { status: "idle" } as ComposerState);
  const files = useFileLimits(ATTACHMENT_LIMITS, state);
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useReplyDraft(
    mode === "reply" ? `forum-reply-draft:${hidden.threadId}` : undefined,
    formRef,
    initialBody,
    state,
  );
  const values = state.status === "error" || state.status === "preview" ? state.values : {};
  // Files sent with a preview or a refused post, kept on the server: ticked, they go with the post.
  const kept = state.status === "error" || state.status === "preview" ? state.attachments : undefined;
  // A preview also says which chosen files were refused (the others are kept, listed below).
  const errors = state.status === "error" || state.status === "preview" ? state.fieldErrors : {};
  const refused = state.status === "error" || state.status === "preview" ? (state.refusedFiles ?? []) : [];
  const message = (error: FieldError | undefined) =>
    error
      ? error.key === ATTACHMENT_NOT_ACCEPTED
        ? tfe(ATTACHMENT_NOT_ACCEPTED, { names: refused.join(", "), count: refused.length })
        : tfe.has(error.key)
          ? tfe(error.key, error.values)
          : (te as unknown as (k: string, v?: Record<string, number>) => string)(error.key, error.values)
      : undefined;
  const value = (name: string, fallback = "") => values[name] ?? fallback;
  const [chosenCategory, setChosenCategory] = useState<string | null>(null);
  const categoryId = chosenCategory ?? value("categoryId", defaultCategoryId);
  const mentionScope = threadId ? { thread: threadId } : categoryId ? { category: categoryId } : null;
  const id = (name: string) => `${mode}-${name}`;
  // A reply's form sits under the thread's "Antworten" heading; a new thread's and an edit's under the h1.
  const PreviewHeading = mode === "reply" ? "h3" : "h2";

  return (
    <form ref={formRef} action={formAction} noValidate encType="multipart/form-data" {...draft}>
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {submissionKey ? <SubmissionKey fresh={submissionKey} kept={values[SUBMISSION_FIELD]} /> : null}
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">
          {tfe.has(state.formError) ? tfe(state.formError) : te(state.formError as never)}
        </FormAlert>
      ) : null}
      {state.status === "preview" ? (
        <section
          aria-labelledby={id("preview-heading")}
          className="mb-5 rounded-lg border-2 border-dashed border-brand bg-blue-50 p-4"
        >
          <PreviewHeading id={id("preview-heading")} className="mb-2 text-lg font-bold">
            {t("previewHeading")}
          </PreviewHeading>
          <div
            className="forum-body prose-legal"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and sanitised on the server
            dangerouslySetInnerHTML={{ __html: state.previewHtml ?? "" }}
          />
        </section>
      ) : null}
      {mode === "thread" && categories ? (
        <Field id={id("category")} label={t("category")} error={message(errors.categoryId)}>
          {(aria) => (
            <select
              key={value("categoryId", defaultCategoryId)}
              {...aria}
              name="categoryId"
              defaultValue={value("categoryId", defaultCategoryId)}
              onChange={(event) => setChosenCategory(event.target.value)}
              className={inputStyle}
            >
              <option value="">{t("chooseCategory")}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {mode === "thread" ? (
        <Field id={id("title")} label={t("threadTitle")} error={message(errors.title)}>
          {(aria) => (
            <input
              key={value("title")}
              {...aria}
              name="title"
              defaultValue={value("title")}
              className={inputStyle}
              maxLength={150}
            />
          )}
        </Field>
      ) : null}
      <Field
        id={id("body")}
        label={t(mode === "reply" ? "replyBody" : "body")}
        hint={t.rich("markdownHint", markdownTags)}
        error={message(errors.body)}
      >
        {(aria) => (
          <MentionTextarea
            key={`${state.status}-${value("body", initialBody).length}`}
            {...aria}
            name="body"
            mentionScope={mentionScope}
            rows={mode === "reply" ? 6 : 10}
            defaultValue={value("body", initialBody)}
            className={inputStyle}
          />
        )}
      </Field>
      {mode !== "edit" && acceptedTypes ? (
        <Field
          id={id("attachments")}
          label={t("attachments")}
          hint={t("attachmentsHint")}
          error={
            files.breach
              ? tfe(ATTACHMENT_LIMIT_ERRORS[files.breach])
              : (message(errors.attachments) ??
                (files.toChooseAgain ? te("chooseFilesAgain", { count: files.toChooseAgain }) : undefined))
          }
        >
          {(aria) => (
            <input
              {...aria}
              type="file"
              name="attachments"
              multiple
              accept={acceptedTypes}
              onChange={files.onChange}
              className="block w-full min-h-11 rounded-md border border-gray-500 bg-white px-3 py-2"
            />
          )}
        </Field>
      ) : null}
      {mode !== "edit" ? <KeptFiles files={kept} legend={t("attached")} hint={t("attachedHint")} /> : null}
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel={t("sending")}>
          {t(mode === "thread" ? "createThread" : mode === "reply" ? "sendReply" : "saveEdit")}
        </SubmitButton>
        <button type="submit" name="intent" value="preview" className={secondaryButton}>
          {t("preview")}
        </button>
      </div>
    </form>
  );
}
