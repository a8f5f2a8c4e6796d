"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { SubmissionKey } from "@/lib/submissions/components/submission-key";
import { SUBMISSION_FIELD } from "@/lib/submissions/constants";
import { errorMessage, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { accessibilityFeedbackAction } from "../actions";

/** `submissionKey`: the form's one-time key, so that sending it again (a reload) mails nobody twice. */
export function FeedbackForm({ submissionKey }: { submissionKey: string }) {
  const t = useTranslations("feedback");
  const te = useTranslations("errors");
  const [state, action] = useActionState(accessibilityFeedbackAction, IDLE);
  if (state.status === "success") return <FormAlert kind="success">{t("thanks")}</FormAlert>;
  const { errors, text } = formView(state);
  const err = (name: string) => errorMessage(te, errors[name]);
  return (
    <form action={action} noValidate className="max-w-xl">
      <SubmissionKey fresh={submissionKey} kept={text(SUBMISSION_FIELD)} />
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{te(state.formError, state.formErrorValues)}</FormAlert>
      ) : null}
      <TextField
        id="fb-message"
        name="message"
        rows={5}
        label={t("message")}
        hint={t("messageHint")}
        error={err("message")}
        defaultValue={text("message")}
        required
        requiredLabel={t("required")}
      />
      <TextField
        id="fb-page"
        name="pageUrl"
        label={t("page")}
        error={err("pageUrl")}
        defaultValue={text("pageUrl")}
      />
      <TextField
        id="fb-name"
        name="name"
        autoComplete="name"
        label={t("name")}
        error={err("name")}
        defaultValue={text("name")}
      />
      <TextField
        id="fb-email"
        name="email"
        type="email"
        autoComplete="email"
        label={t("email")}
        hint={t("emailHint")}
        error={err("email")}
        defaultValue={text("email")}
      />
      <SubmitButton pendingLabel={t("sending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
