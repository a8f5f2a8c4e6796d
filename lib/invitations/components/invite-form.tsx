"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { LOCALES } from "@/lib/i18n/config";
import { errorMessage, SelectField, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { inviteAction } from "../actions";

export function InviteForm() {
  const t = useTranslations("signups");
  const te = useTranslations("errors");
  const tl = useTranslations("languages");
  const [state, action] = useActionState(inviteAction, IDLE);
  const { errors, text } = formView(state);
  return (
    <form action={action} noValidate className="max-w-md">
      {state.status === "success" ? <FormAlert kind="success">{t("invited")}</FormAlert> : null}
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{te(state.formError)}</FormAlert>
      ) : null}
      <TextField
        id="invite-name"
        name="name"
        label={t("inviteName")}
        error={errorMessage(te, errors.name)}
        defaultValue={text("name")}
      />
      <TextField
        id="invite-email"
        name="email"
        type="email"
        label={t("inviteEmail")}
        error={errorMessage(te, errors.email)}
        defaultValue={text("email")}
      />
      <SelectField
        id="invite-locale"
        name="locale"
        label={t("inviteLanguage")}
        error={errorMessage(te, errors.locale)}
        defaultValue={text("locale") || "de"}
        options={LOCALES.map((l) => [l, tl(l)] as const)}
      />
      <SubmitButton pendingLabel={t("sending")}>{t("inviteSubmit")}</SubmitButton>
    </form>
  );
}
