"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { CheckboxGroup } from "@/lib/ui/components/checkbox-group";
import { ErrorText, errorMessage, SelectField, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { type SignUpState, signUpAction } from "../actions";
import { SimilarOrganisations } from "./similar-organisations";

/** `organisationChoicesId`: the <datalist> of confirmed organisations (OrganisationChoices), beside the form. */
export function SignUpForm({ organisationChoicesId }: { organisationChoicesId: string }) {
  const t = useTranslations("signup");
  const te = useTranslations("errors");
  const tt = useTranslations("topics");
  const tl = useTranslations("languages");
  const ts = useTranslations("organisations.similar");
  const [state, action] = useActionState<SignUpState, FormData>(signUpAction, IDLE);
  const { errors, text, list } = formView(state);
  const err = (name: string) => errorMessage(te, errors[name]);
  const required = { requiredLabel: t("required"), required: true };
  const similar = state.similar;
  // The hint on similar organisations alone is a question, not a mistake: the alert says so.
  const onlyQuestion = Object.keys(errors).every((name) => name === "organisationChoice");

  return (
    <form action={action} noValidate className="max-w-xl">
      {state.status === "error" ? (
        <FormAlert kind="error">
          {state.formError
            ? te(state.formError)
            : similar && onlyQuestion
              ? ts("alert")
              : t("fixErrors", { count: Object.keys(errors).length })}
        </FormAlert>
      ) : null}
      <TextField
        id="name"
        name="name"
        autoComplete="name"
        label={t("name")}
        error={err("name")}
        defaultValue={text("name")}
        {...required}
      />
      <TextField
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        label={t("email")}
        hint={t("emailHint")}
        error={err("email")}
        defaultValue={text("email")}
        {...required}
      />
      <TextField
        id="organisation"
        name="organisation"
        autoComplete="organization"
        list={organisationChoicesId}
        label={t("organisation")}
        hint={t("organisationHint")}
        error={err("organisation")}
        defaultValue={text("organisation")}
        {...required}
      />
      {similar?.length ? (
        <SimilarOrganisations
          similar={similar}
          proposed={text("organisation")}
          chosen={text("organisationChoice")}
          unanswered={Boolean(errors.organisationChoice)}
        />
      ) : null}
      <TextField
        id="jobFunction"
        name="jobFunction"
        autoComplete="organization-title"
        label={t("jobFunction")}
        hint={t("jobFunctionHint")}
        error={err("jobFunction")}
        defaultValue={text("jobFunction")}
        {...required}
      />
      <SelectField
        id="municipality"
        name="municipality"
        label={t("municipality")}
        error={err("municipality")}
        defaultValue={text("municipality")}
        placeholder={t("chooseMunicipality")}
        options={MUNICIPALITIES.map((m) => [m, m] as const)}
        {...required}
      />
      <CheckboxGroup
        name="topics"
        legend={t("topics")}
        hint={t("topicsHint")}
        error={err("topics")}
        options={TOPICS.map((k) => [k, tt(k)])}
        checked={list("topics")}
      />
      <CheckboxGroup
        name="languages"
        legend={t("languages")}
        hint={t("languagesHint")}
        error={err("languages")}
        options={SPOKEN_LANGUAGES.map((k) => [k, tl(k)])}
        checked={list("languages")}
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
