"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { inputStyle } from "@/lib/ui/components/button-styles";
import { errorMessage, Field, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { enterCodeAction } from "../actions";

/**
 * Signs in with the code from the mail on this device; works without JavaScript. A wrong or expired
 * code is said beside the field, with the address and the code kept. `next`: checked by the page.
 */
export function CodeForm({ email, next }: { email: string; next: string | null }) {
  const t = useTranslations("checkEmail");
  const te = useTranslations("errors");
  const [state, action] = useActionState(enterCodeAction, IDLE);
  const { errors, text } = formView(state);
  const failed = state.status === "error";
  // A valid code: on to Auth.js's callback as a full page load (see enterCodeAction).
  useEffect(() => {
    if (state.status === "success" && state.message) window.location.assign(state.message);
  }, [state]);
  return (
    <form action={action} noValidate className="max-w-md">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {failed && state.formError ? (
        <FormAlert kind="error">{te(state.formError, state.formErrorValues)}</FormAlert>
      ) : null}
      <TextField
        id="code-email"
        name="email"
        type="email"
        autoComplete="email"
        label={t("email")}
        error={errorMessage(te, errors.email)}
        defaultValue={failed ? text("email") : email}
      />
      <Field id="code" label={t("code")} hint={t("codeHint")} error={errorMessage(te, errors.code)}>
        {(aria) => (
          <input
            {...aria}
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            dir="ltr"
            defaultValue={failed ? text("code") : ""}
            className={`${inputStyle} max-w-xs font-mono text-xl tracking-widest uppercase`}
          />
        )}
      </Field>
      <SubmitButton pendingLabel={t("submit")}>{t("submit")}</SubmitButton>
    </form>
  );
}
