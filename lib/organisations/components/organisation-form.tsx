"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ORGANISATION_TYPES } from "@/db/schema/enums";
import { formView, IDLE } from "@/lib/forms/state";
import { MUNICIPALITIES } from "@/lib/network/constants";
import { inputStyle, secondaryButton } from "@/lib/ui/components/button-styles";
import { errorMessage, Field, SelectField, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { markdownTags } from "@/lib/ui/components/markdown-sample";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { updateOrganisationAction } from "../actions";
import type { OrganisationFields } from "../data";

type Editable = Exclude<keyof OrganisationFields, "id" | "slug" | "status">;

/** Edits an organisation's page; works without JavaScript, keeps every value after an error. */
export function OrganisationForm({ organisation }: { organisation: OrganisationFields }) {
  const t = useTranslations("organisations.form");
  const tt = useTranslations("organisations.types");
  const te = useTranslations("errors");
  const [state, action] = useActionState(updateOrganisationAction, IDLE);
  const { errors, text } = formView(state);
  const value = (name: Editable) => (state.status === "error" ? text(name) : (organisation[name] ?? ""));
  const field = (name: Editable) => ({
    id: name,
    name,
    label: t(name),
    error: errorMessage(te, errors[name]),
    defaultValue: value(name),
  });
  const required = { required: true, requiredLabel: t("required") };

  return (
    <form action={action} noValidate className="max-w-2xl">
      {state.status === "error" ? (
        <FormAlert kind="error">
          {state.formError ? te(state.formError) : t("fixErrors", { count: Object.keys(errors).length })}
        </FormAlert>
      ) : null}
      <input type="hidden" name="organisationId" value={organisation.id} />
      <TextField {...field("name")} autoComplete="organization" {...required} />
      <SelectField
        {...field("type")}
        options={ORGANISATION_TYPES.map((k) => [k, tt(k)] as const)}
        {...required}
      />
      <TextField {...field("description")} rows={8} hint={t.rich("descriptionHint", markdownTags)} />
      <TextField {...field("street")} autoComplete="street-address" />
      <div className="grid gap-x-4 sm:grid-cols-[12rem_1fr]">
        <TextInput
          {...field("postcode")}
          hint={t("postcodeHint")}
          inputMode="numeric"
          autoComplete="postal-code"
        />
        <TextField {...field("city")} autoComplete="address-level2" />
      </div>
      <SelectField
        {...field("municipality")}
        placeholder={t("noMunicipality")}
        options={MUNICIPALITIES.map((m) => [m, m] as const)}
      />
      <TextInput {...field("phone")} type="tel" hint={t("phoneHint")} autoComplete="tel" />
      <TextField {...field("email")} type="email" autoComplete="email" />
      <TextInput {...field("website")} type="url" hint={t("websiteHint")} autoComplete="url" />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
        <a href={`/organisations/${organisation.slug}`} className={secondaryButton}>
          {t("cancel")}
        </a>
      </div>
    </form>
  );
}

/** An input of a type TextField does not offer (tel, url) or with an input mode. */
function TextInput({
  name,
  defaultValue,
  type = "text",
  inputMode,
  autoComplete,
  ...field
}: Omit<Parameters<typeof Field>[0], "children"> & {
  name: string;
  defaultValue: string;
  type?: "text" | "tel" | "url";
  inputMode?: "numeric";
  autoComplete?: string;
}) {
  return (
    <Field {...field}>
      {(aria) => (
        <input
          {...aria}
          name={name}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          defaultValue={defaultValue}
          className={inputStyle}
        />
      )}
    </Field>
  );
}
