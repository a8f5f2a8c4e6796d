"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type FieldError, formView, IDLE } from "@/lib/forms/state";
import { TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { requestUserEmailChangeAction } from "../actions";

/** "Neue Anmelde-Adresse" for a coordinator; works without JavaScript, what was typed stays after an error. */
export function UserEmailForm({ userId }: { userId: string }) {
  const t = useTranslations("admin.users");
  const te = useTranslations("errors");
  const [state, action] = useActionState(requestUserEmailChangeAction, IDLE);
  const { errors, text } = formView(state);
  // This page's own refusals live in "admin.users.errors", the shared ones (format, length) in "errors".
  const message = (key: string, values?: FieldError["values"]) =>
    t.has(`errors.${key}`) ? t(`errors.${key}`) : te(key, values);
  return (
    <form action={action} noValidate className="max-w-md">
      <input type="hidden" name="userId" value={userId} />
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{message(state.formError, state.formErrorValues)}</FormAlert>
      ) : null}
      <TextField
        id="user-new-email"
        name="email"
        type="email"
        autoComplete="off"
        label={t("newEmail")}
        hint={t("newEmailHint")}
        error={errors.email ? message(errors.email.key, errors.email.values) : undefined}
        defaultValue={text("email")}
      />
      <SubmitButton pendingLabel={t("sendingEmailLink")}>{t("sendEmailLink")}</SubmitButton>
    </form>
  );
}
