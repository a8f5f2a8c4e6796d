"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type FieldError, formView, IDLE } from "@/lib/forms/state";
import { TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { requestEmailChangeAction } from "../actions";

/** "Neue E-Mail-Adresse"; works without JavaScript. What was typed stays after an error. */
export function EmailChangeForm() {
  const t = useTranslations("account");
  const te = useTranslations("errors");
  const [state, action] = useActionState(requestEmailChangeAction, IDLE);
  const { errors, text } = formView(state);
  // This form's own refusals live in "account.errors", the shared ones (format, length) in "errors".
  const message = (error: FieldError | undefined) =>
    error && (t.has(`errors.${error.key}`) ? t(`errors.${error.key}`) : te(error.key, error.values));
  return (
    <form action={action} noValidate className="max-w-md">
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{te(state.formError, state.formErrorValues)}</FormAlert>
      ) : null}
      <TextField
        id="new-email"
        name="email"
        type="email"
        autoComplete="email"
        label={t("newEmail")}
        hint={t("newEmailHint")}
        error={message(errors.email)}
        defaultValue={text("email")}
      />
      <SubmitButton pendingLabel={t("sending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
