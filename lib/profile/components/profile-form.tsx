"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { CheckboxGroup } from "@/lib/ui/components/checkbox-group";
import { errorMessage, SelectField, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { markdownTags } from "@/lib/ui/components/markdown-sample";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { updateProfileAction } from "../actions";
import { MAX_FURTHER_ORGANISATIONS } from "../constants";
import type { OwnProfile } from "../data";
import { FieldRow, VisibilitySelect } from "./visibility-select";

/** The member's own details, each with who may see it; saves without JavaScript too. */
export function ProfileForm({
  profile,
  furtherOrganisations,
  organisationChoicesId,
}: {
  profile: OwnProfile;
  /** The further organisations as their fields show them (their entries in the suggestions). */
  furtherOrganisations: string[];
  /** The <datalist> of confirmed organisations (OrganisationChoices), rendered beside the form. */
  organisationChoicesId: string;
}) {
  const t = useTranslations("profile");
  const te = useTranslations("errors");
  const tt = useTranslations("topics");
  const tl = useTranslations("languages");
  const [state, action] = useActionState(updateProfileAction, IDLE);
  const view = formView(state);
  const err = (name: string) => errorMessage(te, view.errors[name]);

  // After a failed submission show what was sent; otherwise what is stored (fresh after saving).
  const failed = state.status === "error";
  const stored: Record<string, string> = {
    name: profile.name,
    jobFunction: profile.jobFunction,
    municipality: profile.municipality,
    bio: profile.bio,
    contactEmail: profile.contactEmail,
    phone: profile.phone,
    website: profile.website,
    ...Object.fromEntries(Object.entries(profile.visibility).map(([k, v]) => [k, String(v)])),
  };
  const text = (name: string) => (failed ? view.text(name) : (stored[name] ?? ""));
  const list = (name: "topics" | "languages") => (failed ? view.list(name) : profile[name]);
  const further = failed ? view.list("furtherOrganisations") : furtherOrganisations;
  const visibility = (name: string, field: string, allowHidden = true) => (
    <VisibilitySelect
      name={name}
      field={field}
      defaultValue={text(name)}
      error={err(name)}
      allowHidden={allowHidden}
    />
  );

  // With JavaScript the page does not reload: bring the result into view and to the screen reader.
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") alertRef.current?.focus();
  }, [state]);

  return (
    <form action={action} noValidate>
      <div ref={alertRef} tabIndex={-1} className="focus:outline-none">
        {state.status === "error" ? (
          <FormAlert kind="error">
            {state.formError
              ? te(state.formError)
              : t("fixErrors", { count: Object.keys(view.errors).length })}
          </FormAlert>
        ) : null}
        {state.status === "success" ? <FormAlert kind="success">{t("saved")}</FormAlert> : null}
      </div>

      <FieldRow visibility={visibility("visName", t("name"), false)}>
        <TextField
          id="name"
          name="name"
          autoComplete="name"
          label={t("name")}
          hint={t("nameHint")}
          error={err("name")}
          defaultValue={text("name")}
          required
          requiredLabel={t("required")}
        />
      </FieldRow>

      <FieldRow visibility={visibility("visPhoto", t("photo"))}>
        <div className="mb-5">
          <p className="mb-1 font-semibold">{t("photo")}</p>
          <p className="text-sm text-muted">{t("photoVisibilityHint")}</p>
        </div>
      </FieldRow>

      <FieldRow visibility={visibility("visJobFunction", t("jobFunction"))}>
        <TextField
          id="jobFunction"
          name="jobFunction"
          autoComplete="organization-title"
          label={t("jobFunction")}
          hint={t("jobFunctionHint")}
          error={err("jobFunction")}
          defaultValue={text("jobFunction")}
        />
      </FieldRow>

      <FieldRow visibility={visibility("visOrganisation", t("organisation"))}>
        <div className="mb-5">
          <p className="mb-1 font-semibold">{t("organisation")}</p>
          <p>{profile.organisation ? <bdi>{profile.organisation}</bdi> : t("noOrganisation")}</p>
          <p className="text-sm text-muted">{t("organisationHint")}</p>
        </div>
        <fieldset className="mb-5" aria-describedby="further-organisations-hint">
          <legend className="mb-1 font-semibold">{t("furtherOrganisations")}</legend>
          <p id="further-organisations-hint" className="mb-2 text-sm text-muted">
            {t("furtherOrganisationsHint")}
          </p>
          {Array.from({ length: MAX_FURTHER_ORGANISATIONS }, (_, slot) => (
            <TextField
              key={slot}
              id={`furtherOrganisations-${slot}`}
              name="furtherOrganisations"
              label={t("furtherOrganisation", { number: slot + 1 })}
              // an unknown name beside its field; a choice the server refuses beside the first
              error={
                err(`furtherOrganisations-${slot}`) ?? (slot === 0 ? err("furtherOrganisations") : undefined)
              }
              defaultValue={further[slot] ?? ""}
              list={organisationChoicesId}
              autoComplete="off"
            />
          ))}
        </fieldset>
      </FieldRow>

      <FieldRow visibility={visibility("visMunicipality", t("municipality"))}>
        <SelectField
          id="municipality"
          name="municipality"
          label={t("municipality")}
          error={err("municipality")}
          defaultValue={text("municipality")}
          placeholder={t("chooseMunicipality")}
          options={MUNICIPALITIES.map((m) => [m, m] as const)}
        />
      </FieldRow>

      <FieldRow visibility={visibility("visTopics", t("topics"))}>
        <CheckboxGroup
          name="topics"
          legend={t("topics")}
          hint={t("topicsHint")}
          error={err("topics")}
          options={TOPICS.map((k) => [k, tt(k)])}
          checked={list("topics")}
        />
      </FieldRow>

      <FieldRow visibility={visibility("visLanguages", t("languages"))}>
        <CheckboxGroup
          name="languages"
          legend={t("languages")}
          hint={t("languagesHint")}
          error={err("languages")}
          options={SPOKEN_LANGUAGES.map((k) => [k, tl(k)])}
          checked={list("languages")}
        />
      </FieldRow>

      <FieldRow visibility={visibility("visBio", t("bio"))}>
        <TextField
          id="bio"
          name="bio"
          rows={8}
          label={t("bio")}
          hint={t.rich("bioHint", markdownTags)}
          error={err("bio")}
          defaultValue={text("bio")}
        />
      </FieldRow>

      <FieldRow visibility={visibility("visContact", t("contact"))}>
        <fieldset className="mb-5">
          <legend className="mb-1 text-lg font-semibold">{t("contact")}</legend>
          <p className="mb-3 text-sm text-muted">{t("contactHint")}</p>
          <TextField
            id="contactEmail"
            name="contactEmail"
            type="email"
            autoComplete="email"
            label={t("contactEmail")}
            hint={t("contactEmailHint")}
            error={err("contactEmail")}
            defaultValue={text("contactEmail")}
          />
          <TextField
            id="phone"
            name="phone"
            type="tel"
            autoComplete="tel"
            label={t("phone")}
            hint={t("phoneHint")}
            error={err("phone")}
            defaultValue={text("phone")}
          />
          <TextField
            id="website"
            name="website"
            type="url"
            autoComplete="url"
            label={t("website")}
            hint={t("websiteHint")}
            error={err("website")}
            defaultValue={text("website")}
          />
        </fieldset>
      </FieldRow>

      <div className="border-t border-gray-200 pt-5">
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
