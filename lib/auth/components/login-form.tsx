"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/schema";
import { errorMessage, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { requestSignInLinkAction } from "../actions";

export function LoginForm() {
  const t = useTranslations("login");
  const te = useTranslations("errors");
  const [state, action] = useActionState(requestSignInLinkAction, IDLE);
  const { errors, text } = formView(state);
  return (
    <form action={action} noValidate className="max-w-md">
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{te(state.formError)}</FormAlert>
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
