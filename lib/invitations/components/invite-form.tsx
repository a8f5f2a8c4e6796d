"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE } from "@/lib/forms/schema";
import { LOCALES } from "@/lib/i18n/config";
import { inputStyle } from "@/lib/ui/components/button-styles";
import { errorMessage, Field } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { inviteAction } from "../actions";

export function InviteForm() {
  const t = useTranslations("signups");
  const te = useTranslations("errors");
  const tl = useTranslations("languages");
  const [state, action] = useActionState(inviteAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  const text = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  return (
    <form action={action} noValidate className="max-w-md">
      {state.status === "success" ? <FormAlert kind="success">{t("invited")}</FormAlert> : null}
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{te(state.formError)}</FormAlert>
      ) : null}
      <Field id="invite-name" label={t("inviteName")} error={errorMessage(te, errors.name)}>
        {(aria) => <input {...aria} name="name" defaultValue={text("name")} className={inputStyle} />}
      </Field>
      <Field id="invite-email" label={t("inviteEmail")} error={errorMessage(te, errors.email)}>
        {(aria) => (
          <input {...aria} name="email" type="email" defaultValue={text("email")} className={inputStyle} />
        )}
      </Field>
      <Field id="invite-locale" label={t("inviteLanguage")} error={errorMessage(te, errors.locale)}>
        {(aria) => (
          // Keyed by value: React's form reset would otherwise fall back to the first default.
          <select
            key={text("locale") || "de"}
            {...aria}
            name="locale"
            defaultValue={text("locale") || "de"}
            className={inputStyle}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {tl(l)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pendingLabel={t("sending")}>{t("inviteSubmit")}</SubmitButton>
    </form>
  );
}
