"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE } from "@/lib/forms/schema";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { inputStyle } from "@/lib/ui/components/button-styles";
import { ErrorText, errorMessage, Field } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { signUpAction } from "../actions";
import type { OrganisationOption } from "../data";
import { NEW_ORGANISATION } from "../schema";

export function SignUpForm({ organisations }: { organisations: OrganisationOption[] }) {
  const t = useTranslations("signup");
  const te = useTranslations("errors");
  const tt = useTranslations("topics");
  const tl = useTranslations("languages");
  const [state, action] = useActionState(signUpAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const chosen = (name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : []);
  const err = (name: string) => errorMessage(te, errors[name]);
  const common = { requiredLabel: t("required"), required: true };

  return (
    <form action={action} noValidate className="max-w-xl">
      {state.status === "error" ? (
        <FormAlert kind="error">
          {state.formError ? te(state.formError) : t("fixErrors", { count: Object.keys(errors).length })}
        </FormAlert>
      ) : null}
      <Field id="name" label={t("name")} error={err("name")} {...common}>
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
      <Field id="email" label={t("email")} hint={t("emailHint")} error={err("email")} {...common}>
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
      <Field
        id="organisationId"
        label={t("organisation")}
        hint={t("organisationHint")}
        error={err("organisationId")}
        {...common}
      >
        {(aria) => (
          // React resets the form after the action but never updates a <select>'s defaultValue:
          // a key per value remounts it, so the choice survives an error.
          <select
            key={text("organisationId")}
            {...aria}
            name="organisationId"
            defaultValue={text("organisationId")}
            className={inputStyle}
          >
            <option value="">{t("chooseOrganisation")}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
            <option value={NEW_ORGANISATION}>{t("newOrganisation")}</option>
          </select>
        )}
      </Field>
      <Field
        id="proposedOrganisation"
        label={t("proposedOrganisation")}
        hint={t("proposedOrganisationHint")}
        error={err("proposedOrganisation")}
      >
        {(aria) => (
          <input
            {...aria}
            name="proposedOrganisation"
            defaultValue={text("proposedOrganisation")}
            className={inputStyle}
          />
        )}
      </Field>
      <Field
        id="jobFunction"
        label={t("jobFunction")}
        hint={t("jobFunctionHint")}
        error={err("jobFunction")}
        {...common}
      >
        {(aria) => (
          <input
            {...aria}
            name="jobFunction"
            autoComplete="organization-title"
            defaultValue={text("jobFunction")}
            className={inputStyle}
          />
        )}
      </Field>
      <Field id="municipality" label={t("municipality")} error={err("municipality")} {...common}>
        {(aria) => (
          <select
            key={text("municipality")}
            {...aria}
            name="municipality"
            defaultValue={text("municipality")}
            className={inputStyle}
          >
            <option value="">{t("chooseMunicipality")}</option>
            {MUNICIPALITIES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CheckboxGroup
        name="topics"
        legend={t("topics")}
        hint={t("topicsHint")}
        error={err("topics")}
        options={TOPICS.map((k) => [k, tt(k)])}
        checked={chosen("topics")}
      />
      <CheckboxGroup
        name="languages"
        legend={t("languages")}
        hint={t("languagesHint")}
        error={err("languages")}
        options={SPOKEN_LANGUAGES.map((k) => [k, tl(k)])}
        checked={chosen("languages")}
      />
      <div className="mb-6">
        {err("privacyConsent") ? (
          <ErrorText id="privacyConsent-error">{err("privacyConsent")}</ErrorText>
        ) : null}
        <label className="flex min-h-11 items-start gap-3">
          <input
            type="checkbox"
            name="privacyConsent"
            defaultChecked={text("privacyConsent") === "on"}
            aria-describedby={err("privacyConsent") ? "privacyConsent-error" : undefined}
            aria-invalid={err("privacyConsent") ? true : undefined}
            className="mt-1 size-6 shrink-0"
          />
          <span>{t.rich("privacyConsent", { link: (chunks) => <a href="/datenschutz">{chunks}</a> })}</span>
        </label>
      </div>
      <SubmitButton pendingLabel={t("sending")}>{t("submit")}</SubmitButton>
    </form>
  );
}

function CheckboxGroup(props: {
  name: string;
  legend: string;
  hint: string;
  error?: string;
  options: [string, string][];
  checked: string[];
}) {
  const errorId = `${props.name}-error`;
  const hintId = `${props.name}-hint`;
  return (
    <fieldset className="mb-5" aria-describedby={[props.error ? errorId : "", hintId].join(" ").trim()}>
      <legend className="mb-1 font-semibold">{props.legend}</legend>
      <p id={hintId} className="mb-1 text-sm text-muted">
        {props.hint}
      </p>
      {props.error ? <ErrorText id={errorId}>{props.error}</ErrorText> : null}
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        {props.options.map(([value, label]) => (
          <label key={value} className="flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              name={props.name}
              value={value}
              defaultChecked={props.checked.includes(value)}
              className="size-6 shrink-0"
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
