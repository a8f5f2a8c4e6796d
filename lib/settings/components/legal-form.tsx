"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { saveLegalTextAction } from "../actions";
import { useErrorText } from "./use-error-text";

const LOCALES = ["de", "en", "ar", "uk"] as const;

/** One legal page in every language (Markdown); German is required, the others fall back to it. */
export function LegalForm(props: {
  page: string;
  texts: Partial<Record<(typeof LOCALES)[number], string>>;
  policyVersion: string | null;
}) {
  const t = useTranslations("admin.settings");
  const errorText = useErrorText();
  const [state, action] = useActionState(saveLegalTextAction, IDLE);
  const { errors, text } = formView(state);
  const failed = state.status === "error";
  return (
    <form action={action} noValidate>
      {state.status === "success" ? (
        <FormAlert kind="success">
          {t(state.message === "legalSavedNewVersion" ? "legalSavedNewVersion" : "legalSaved")}
        </FormAlert>
      ) : null}
      {failed && state.formError ? <FormAlert kind="error">{errorText(state.formError)!}</FormAlert> : null}
      <input type="hidden" name="page" value={props.page} />
      {LOCALES.map((locale) => (
        <div key={locale}>
          <TextField
            id={`legal-${locale}`}
            name={locale}
            lang={locale}
            rows={locale === "de" ? 14 : 8}
            label={t(`legalLanguage.${locale}`)}
            hint={locale === "de" ? t("legalGermanHint") : t("legalFallbackHint")}
            error={errorText(errors[locale])}
            defaultValue={failed ? text(locale) : (props.texts[locale] ?? "")}
          />
        </div>
      ))}
      {props.policyVersion !== null ? (
        <div className="mb-5 rounded-md border border-gray-300 bg-white p-4">
          <label className="flex min-h-11 items-start gap-3">
            <input
              type="checkbox"
              name="newVersion"
              aria-describedby="newVersion-hint"
              defaultChecked={failed && text("newVersion") === "on"}
              className="mt-1 size-6 shrink-0"
            />
            <span className="font-semibold">{t("newPolicyVersion")}</span>
          </label>
          <p id="newVersion-hint" className="ms-9 text-sm text-muted">
            {t("newPolicyVersionHint", { version: props.policyVersion })}
          </p>
        </div>
      ) : null}
      <SubmitButton pendingLabel={t("saving")}>{t("saveLegal")}</SubmitButton>
    </form>
  );
}
