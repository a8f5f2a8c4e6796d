"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { EVENT_FORMATS } from "@/db/schema/enums";
import { formView, IDLE } from "@/lib/forms/state";
import { MUNICIPALITIES } from "@/lib/network/constants";
import { SelectField, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { setOccurrencePlaceAction } from "../actions";
import type { Place } from "../place";
import { useEventErrors } from "./use-event-errors";

/** Gives one date of a series its own place (address or link): a form folded into a <details>. */
export function PlaceDateForm(props: { occurrenceId: string; place: Place }) {
  const t = useTranslations("events.dates");
  const tv = useTranslations("events");
  const tf = useTranslations("events.form");
  const [state, action] = useActionState(setOccurrencePlaceAction, IDLE);
  const { errors, text } = formView(state);
  const { message, summary } = useEventErrors(state, errors);
  const failed = state.status === "error";
  const value = (name: keyof Place) => (failed ? text(name) : (props.place[name] ?? ""));
  const field = (name: keyof Place, label?: string) => ({
    id: `place-${props.occurrenceId}-${name}`,
    name,
    label: label ?? t(name),
    error: message(name),
    defaultValue: value(name),
  });
  // Open after a failed try (also without scripts), so the errors beside the fields are seen.
  return (
    <details className="mt-2" open={failed || undefined}>
      <summary className="cursor-pointer">{t("placeSummary")}</summary>
      <form action={action} noValidate className="mt-2 max-w-xl">
        {failed ? <FormAlert kind="error">{summary()}</FormAlert> : null}
        <p className="mb-3 text-sm">{t("placeIntro")}</p>
        <input type="hidden" name="occurrenceId" value={props.occurrenceId} />
        <SelectField
          {...field("format")}
          options={EVENT_FORMATS.map((f) => [f, tv(`formats.${f}`)] as const)}
        />
        <TextField {...field("venue")} hint={tf("venueHint")} />
        <TextField {...field("address")} hint={tf("addressHint")} autoComplete="street-address" />
        <SelectField
          {...field("municipality", tf("municipality"))}
          placeholder={tf("noMunicipality")}
          options={MUNICIPALITIES.map((m) => [m, m] as const)}
        />
        <TextField {...field("onlineUrl")} type="url" hint={tf("onlineUrlHint")} />
        <SubmitButton pendingLabel={t("placeSaving")}>{t("placeSave")}</SubmitButton>
      </form>
    </details>
  );
}
