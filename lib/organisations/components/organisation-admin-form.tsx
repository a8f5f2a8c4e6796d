"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { errorMessage, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { setOrganisationAdminAction } from "../actions";

/** Flags a member as admin of their organisation (or takes that away), by slug and e-mail address. */
export function OrganisationAdminForm() {
  const t = useTranslations("organisations.admin");
  const tf = useTranslations("organisations.form");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(setOrganisationAdminAction, IDLE);
  const { errors, text } = formView(state);
  const required = { required: true, requiredLabel: tf("required") };
  return (
    <form action={action} noValidate className="max-w-xl">
      {state.status === "success" ? (
        <FormAlert kind="success">{t(state.message as "adminGranted")}</FormAlert>
      ) : null}
      {state.status === "error" ? (
        <FormAlert kind="error">
          {state.formError ? te(state.formError) : tf("fixErrors", { count: Object.keys(errors).length })}
        </FormAlert>
      ) : null}
      <TextField
        id="admin-organisation"
        name="organisation"
        label={t("organisation")}
        hint={t("organisationHint")}
        error={errorMessage(te, errors.organisation)}
        defaultValue={text("organisation")}
        {...required}
      />
      <TextField
        id="admin-email"
        name="email"
        type="email"
        label={t("memberEmail")}
        error={errorMessage(te, errors.email)}
        defaultValue={text("email")}
        {...required}
      />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="isAdmin" value="true" disabled={pending} className={primaryButton}>
          {pending ? t("sending") : t("grant")}
        </button>
        <button type="submit" name="isAdmin" value="false" disabled={pending} className={secondaryButton}>
          {t("revoke")}
        </button>
      </div>
    </form>
  );
}
