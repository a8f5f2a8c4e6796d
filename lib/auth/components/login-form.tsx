"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE } from "@/lib/forms/schema";
import { inputStyle } from "@/lib/ui/components/button-styles";
import { errorMessage, Field } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { requestSignInLinkAction } from "../actions";

export function LoginForm() {
  const t = useTranslations("login");
  const te = useTranslations("errors");
  const [state, action] = useActionState(requestSignInLinkAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const email = state.status === "error" && typeof state.values.email === "string" ? state.values.email : "";
  return (
    <form action={action} noValidate className="max-w-md">
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{te(state.formError)}</FormAlert>
      ) : null}
      <Field id="email" label={t("email")} hint={t("emailHint")} error={errorMessage(te, errors.email)}>
        {(aria) => (
          <input
            {...aria}
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={email}
            className={inputStyle}
          />
        )}
      </Field>
      <SubmitButton pendingLabel={t("sending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
