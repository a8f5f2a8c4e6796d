"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { type FieldError, formView, IDLE } from "@/lib/forms/state";
import { formatList, isolated } from "@/lib/i18n/intl";
import { SubmissionKey } from "@/lib/submissions/components/submission-key";
import { SUBMISSION_FIELD } from "@/lib/submissions/constants";
import { inputStyle } from "@/lib/ui/components/button-styles";
import { errorMessage, Field } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { KeptFiles } from "@/lib/ui/components/kept-files";
import { markdownTags } from "@/lib/ui/components/markdown-sample";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { Textarea } from "@/lib/ui/components/textarea";
import { useFileLimits } from "@/lib/ui/components/use-file-limits";
import { type MessageFormState, sendMessageAction, startConversationAction } from "../actions";
import {
  ACCEPTED_ATTACHMENTS,
  ATTACHMENT_LIMIT_ERRORS,
  ATTACHMENT_LIMITS,
  ATTACHMENT_NOT_ACCEPTED,
  MAX_TITLE,
} from "../constants";

const fileInput =
  "block w-full min-h-11 rounded-md border border-gray-500 bg-white px-3 py-2 file:me-3 file:rounded file:border-0 file:bg-blue-50 file:px-3 file:py-1 file:font-semibold file:text-brand";

function MessageFields({ state, autoFocus }: { state: MessageFormState; autoFocus?: boolean }) {
  const t = useTranslations("messages.compose");
  const te = useTranslations("messages.errors");
  const view = formView(state);
  const tc = useTranslations("errors");
  const files = useFileLimits(ATTACHMENT_LIMITS, state);
  const locale = useLocale();
  // Refused files are named (each isolated: a Latin file name in an Arabic sentence); the others are kept.
  const refused = state.refusedFiles ?? [];
  const fileError = (error: FieldError | undefined) =>
    error?.key === ATTACHMENT_NOT_ACCEPTED
      ? te(ATTACHMENT_NOT_ACCEPTED, {
          names: formatList(locale, refused.map(isolated)),
          count: refused.length,
        })
      : errorMessage(te, error);
  return (
    <>
      <Field
        id="message-body"
        label={t("body")}
        hint={t.rich("bodyHint", markdownTags)}
        error={errorMessage(te, view.errors.body)}
      >
        {(aria) => (
          <Textarea
            {...aria}
            name="body"
            rows={5}
            defaultValue={view.text("body")}
            className={inputStyle}
            // The compose page exists to write: focus goes where the member types.
            autoFocus={autoFocus}
          />
        )}
      </Field>
      <Field
        id="message-attachments"
        label={t("attachments")}
        hint={t("attachmentsHint")}
        error={
          files.breach
            ? te(ATTACHMENT_LIMIT_ERRORS[files.breach])
            : (fileError(view.errors.attachments) ??
              (files.toChooseAgain ? tc("chooseFilesAgain", { count: files.toChooseAgain }) : undefined))
        }
      >
        {(aria) => (
          <input
            {...aria}
            type="file"
            name="attachments"
            multiple
            accept={ACCEPTED_ATTACHMENTS}
            onChange={files.onChange}
            className={fileInput}
          />
        )}
      </Field>
      <KeptFiles files={state.attachments} legend={t("attached")} hint={t("attachedHint")} />
    </>
  );
}

/**
 * Writes into an existing conversation; works without JavaScript. `submissionKey`: the one-time key
 * drawn for this rendering (lib/submissions).
 */
export function ReplyForm({
  conversationId,
  submissionKey,
}: {
  conversationId: string;
  submissionKey: string;
}) {
  const t = useTranslations("messages.compose");
  const te = useTranslations("messages.errors");
  const [state, action] = useActionState<MessageFormState, FormData>(sendMessageAction, IDLE);
  return (
    <form action={action} noValidate encType="multipart/form-data">
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{te(state.formError)}</FormAlert>
      ) : null}
      <input type="hidden" name="conversationId" value={conversationId} />
      <SubmissionKey fresh={submissionKey} kept={formView(state).text(SUBMISSION_FIELD)} />
      <MessageFields state={state} />
      <SubmitButton pendingLabel={t("sending")}>{t("send")}</SubmitButton>
    </form>
  );
}

/** Starts a conversation with the chosen members (hidden fields); title only for groups. */
export function NewConversationForm({ to, submissionKey }: { to: string[]; submissionKey: string }) {
  const t = useTranslations("messages");
  const te = useTranslations("messages.errors");
  const [state, action] = useActionState<MessageFormState, FormData>(startConversationAction, IDLE);
  const view = formView(state);
  const toError = errorMessage(te, view.errors.to);
  return (
    <form action={action} noValidate encType="multipart/form-data">
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{te(state.formError)}</FormAlert>
      ) : null}
      {toError ? <FormAlert kind="error">{toError}</FormAlert> : null}
      {to.map((id) => (
        <input key={id} type="hidden" name="to" value={id} />
      ))}
      <SubmissionKey fresh={submissionKey} kept={view.text(SUBMISSION_FIELD)} />
      <Field
        id="message-title"
        label={t("new.groupTitle")}
        hint={t("new.groupTitleHint")}
        error={errorMessage(te, view.errors.title)}
      >
        {(aria) => (
          <input
            {...aria}
            name="title"
            maxLength={MAX_TITLE}
            defaultValue={view.text("title")}
            className={inputStyle}
          />
        )}
      </Field>
      <MessageFields state={state} />
      <SubmitButton pendingLabel={t("compose.sending")}>{t("compose.send")}</SubmitButton>
    </form>
  );
}
