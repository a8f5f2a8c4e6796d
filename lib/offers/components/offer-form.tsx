"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { OFFER_FORMATS } from "@/db/schema/enums";
import { formView, IDLE } from "@/lib/forms/state";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { CheckboxGroup } from "@/lib/ui/components/checkbox-group";
import { errorMessage, SelectField, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { saveOfferAction } from "../actions";
import type { Offer } from "../data";

type TextName = "title" | "description" | "municipality" | "location" | "schedule" | "contact";
type ListName = "topics" | "languages" | "formats";

/**
 * Adds an offer (without `offer`) or edits one; works without JavaScript and keeps every value after
 * an error. `initialVisibility` is the stored choice, or "public" for a new offer.
 */
export function OfferForm({
  organisationId,
  backHref,
  offer,
  initialVisibility,
}: {
  organisationId: string;
  backHref: string;
  offer?: Offer;
  initialVisibility: "public" | "members";
}) {
  const t = useTranslations("organisations.offers");
  const tf = useTranslations("organisations.form");
  const tl = useTranslations("languages");
  const tt = useTranslations("topics");
  const te = useTranslations("errors");
  const [state, action] = useActionState(saveOfferAction, IDLE);
  const { errors, text, list } = formView(state);
  const failed = state.status === "error";
  const value = (name: TextName) => (failed ? text(name) : (offer?.[name] ?? ""));
  const values = (name: ListName) => (failed ? list(name) : (offer?.[name] ?? []));
  const error = (name: string) => errorMessage(te, errors[name]);
  const field = (name: TextName) => ({
    id: `offer-${name}`,
    name,
    label: t(`form.${name}`),
    error: error(name),
    defaultValue: value(name),
  });

  return (
    <form action={action} noValidate className="max-w-2xl">
      {failed ? (
        <FormAlert kind="error">
          {state.formError ? te(state.formError) : tf("fixErrors", { count: Object.keys(errors).length })}
        </FormAlert>
      ) : null}
      <input type="hidden" name="organisationId" value={organisationId} />
      {offer ? <input type="hidden" name="offerId" value={offer.id} /> : null}
      <TextField {...field("title")} hint={t("form.titleHint")} required requiredLabel={tf("required")} />
      <TextField {...field("description")} rows={6} hint={t("form.descriptionHint")} />
      <CheckboxGroup
        name="formats"
        legend={t("form.formats")}
        hint={t("form.formatsHint")}
        error={error("formats")}
        options={OFFER_FORMATS.map((f) => [f, t(`formats.${f}`)])}
        checked={values("formats")}
      />
      <TextField {...field("location")} hint={t("form.locationHint")} />
      <SelectField
        {...field("municipality")}
        placeholder={tf("noMunicipality")}
        options={MUNICIPALITIES.map((m) => [m, m] as const)}
      />
      <TextField {...field("schedule")} hint={t("form.scheduleHint")} />
      <TextField {...field("contact")} hint={t("form.contactHint")} />
      <CheckboxGroup
        name="languages"
        legend={t("form.languages")}
        hint={t("form.languagesHint")}
        error={error("languages")}
        options={SPOKEN_LANGUAGES.map((k) => [k, tl(k)])}
        checked={values("languages")}
      />
      <CheckboxGroup
        name="topics"
        legend={t("form.topics")}
        hint={t("form.topicsHint")}
        error={error("topics")}
        options={TOPICS.map((k) => [k, tt(k)])}
        checked={values("topics")}
      />
      <SelectField
        id="offer-visibility"
        name="visibility"
        label={t("form.visibility")}
        error={error("visibility")}
        defaultValue={failed ? text("visibility") : initialVisibility}
        options={[
          ["public", t("form.visibilityPublic")],
          ["members", t("form.visibilityMembers")],
        ]}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel={tf("saving")}>{offer ? tf("save") : t("form.add")}</SubmitButton>
        <a href={backHref} className={secondaryButton}>
          {tf("cancel")}
        </a>
      </div>
    </form>
  );
}
