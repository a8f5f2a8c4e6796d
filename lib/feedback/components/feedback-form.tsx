"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE } from "@/lib/forms/schema";
import { inputStyle } from "@/lib/ui/components/button-styles";
import { errorMessage, Field } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { accessibilityFeedbackAction } from "../actions";

export function FeedbackForm() {
  const t = useTranslations("feedback");
  const te = useTranslations("errors");
  const [state, action] = useActionState(accessibilityFeedbackAction, IDLE);
  if (state.status === "success") return <FormAlert kind="success">{t("thanks")}</FormAlert>;
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  const text = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  return (
    <form action={action} noValidate className="max-w-xl">
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{te(state.formError)}</FormAlert>
      ) : null}
      <Field
        id="fb-message"
        label={t("message")}
        hint={t("messageHint")}
        error={errorMessage(te, errors.message)}
        required
        requiredLabel={t("required")}
      >
        {(aria) => (
          <textarea {...aria} name="message" rows={5} defaultValue={text("message")} className={inputStyle} />
        )}
      </Field>
      <Field id="fb-page" label={t("page")} error={errorMessage(te, errors.pageUrl)}>
        {(aria) => <input {...aria} name="pageUrl" defaultValue={text("pageUrl")} className={inputStyle} />}
      </Field>
      <Field id="fb-name" label={t("name")} error={errorMessage(te, errors.name)}>
        {(aria) => (
          <input
            {...aria}
            name="name"
            autoComplete="name"
            defaultValue={text("name")}
            className={inputStyle}
          />
        )}
      </Field>
      <Field id="fb-email" label={t("email")} hint={t("emailHint")} error={errorMessage(te, errors.email)}>
        {(aria) => (
          <input
            {...aria}
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={text("email")}
            className={inputStyle}
          />
        )}
      </Field>
      <SubmitButton pendingLabel={t("sending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
