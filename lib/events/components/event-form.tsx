"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useActionState } from "react";
import { EVENT_FORMATS, EVENT_FREQUENCIES, EVENT_VISIBILITIES } from "@/db/schema/enums";
import { formView, IDLE } from "@/lib/forms/state";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { inputStyle, secondaryButton } from "@/lib/ui/components/button-styles";
import { CheckboxGroup } from "@/lib/ui/components/checkbox-group";
import { Field, SelectField, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { markdownTags } from "@/lib/ui/components/markdown-sample";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { createEventAction, updateEventAction } from "../actions";
import type { EventFormState, EventFormValues } from "../form-values";
import { useEventErrors } from "./use-event-errors";

type Option = { value: string; label: string };

/** Creates or edits an event; works without JavaScript and keeps every value after an error. */
export function EventForm(props: {
  eventId?: string;
  initial: EventFormValues;
  organisers: Option[];
  /** Set where the organiser is typed (a coordinator's many choices): the id of its <datalist>. */
  organiserChoicesId?: string;
  groups: Option[];
  /** More people hold a seat than the event has seats now: told beside the field. */
  capacityNote?: string;
}) {
  const t = useTranslations("events.form");
  const tv = useTranslations("events");
  const tc = useTranslations();
  const [state, action] = useActionState<EventFormState, FormData>(
    props.eventId ? updateEventAction : createEventAction,
    IDLE,
  );
  const { errors, text, list } = formView(state);
  const { message, summary } = useEventErrors(state, errors);
  const failed = state.status === "error";
  // Saved by someone else since this form was loaded: what it is now, and that saving overwrites it.
  const current = state.status === "error" ? state.current : undefined;
  const value = (name: string): string => {
    if (failed) return text(name);
    const v = props.initial[name];
    return typeof v === "string" ? v : "";
  };
  const field = (name: string) => ({
    id: `event-${name}`,
    name,
    label: t(name),
    error: message(name),
    defaultValue: value(name),
  });
  const required = { required: true, requiredLabel: t("required") };
  const input = (
    name: string,
    type: "date" | "time" | "number" | "url" | "text",
    extra: { hint?: ReactNode; req?: boolean; min?: number } = {},
  ) => (
    <Field {...field(name)} hint={extra.hint} {...(extra.req ? required : {})}>
      {(aria) => (
        <input
          {...aria}
          key={failed ? `${name}-${value(name)}` : name}
          name={name}
          type={type}
          min={extra.min}
          defaultValue={value(name)}
          className={inputStyle}
        />
      )}
    </Field>
  );
  const attendeesOnly = failed
    ? text("onlineUrlAttendeesOnly") === "on"
    : props.initial.onlineUrlAttendeesOnly === "on";

  return (
    <form action={action} noValidate className="max-w-2xl">
      {failed ? (
        <FormAlert kind="error">{current ? t("changedMeanwhile", current) : summary()}</FormAlert>
      ) : null}
      {current && props.eventId ? (
        <p className="mb-5">
          <a href={`/events/${props.eventId}`} target="_blank" rel="noopener">
            {t("changedMeanwhileLink")}
          </a>
        </p>
      ) : null}
      {props.eventId ? (
        <>
          <input type="hidden" name="eventId" value={props.eventId} />
          <input type="hidden" name="version" value={value("version")} />
        </>
      ) : null}
      <fieldset className="mb-6">
        <legend className="mb-3 text-xl font-bold">{t("sectionWhat")}</legend>
        <TextField {...field("title")} {...required} />
        <TextField {...field("description")} rows={8} hint={t.rich("descriptionHint", markdownTags)} />
        <SelectField
          {...field("topic")}
          placeholder={t("noTopic")}
          options={TOPICS.map((k) => [k, tc(`topics.${k}`)] as const)}
        />
        <CheckboxGroup
          name="languages"
          legend={t("languages")}
          hint={t("languagesHint")}
          error={message("languages")}
          options={SPOKEN_LANGUAGES.map((k) => [k, tc(`languages.${k}`)])}
          checked={failed ? list("languages") : ((props.initial.languages as string[]) ?? [])}
        />
        {props.organiserChoicesId ? (
          <TextField
            {...field("organiser")}
            list={props.organiserChoicesId}
            hint={t("organiserTypedHint")}
            {...required}
          />
        ) : (
          <SelectField
            {...field("organiser")}
            options={props.organisers.map((o) => [o.value, o.label] as const)}
            {...required}
          />
        )}
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-3 text-xl font-bold">{t("sectionWhen")}</legend>
        {input("date", "date", { req: true })}
        <div className="grid gap-x-4 sm:grid-cols-2">
          {input("startTime", "time", { req: true, hint: t("timeHint") })}
          {input("endTime", "time", { req: true, hint: t("timeHint") })}
        </div>
        <SelectField
          {...field("frequency")}
          options={EVENT_FREQUENCIES.map((f) => [f, t(`frequencies.${f}`)] as const)}
          hint={t("frequencyHint")}
        />
        {input("untilDate", "date", { hint: t("untilHint") })}
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-3 text-xl font-bold">{t("sectionWhere")}</legend>
        <SelectField
          {...field("format")}
          options={EVENT_FORMATS.map((f) => [f, tv(`formats.${f}`)] as const)}
        />
        <TextField {...field("venue")} hint={t("venueHint")} />
        <TextField {...field("address")} hint={t("addressHint")} autoComplete="street-address" />
        <SelectField
          {...field("municipality")}
          placeholder={t("noMunicipality")}
          options={MUNICIPALITIES.map((m) => [m, m] as const)}
        />
        {input("onlineUrl", "url", { hint: t("onlineUrlHint") })}
        <div className="mb-5">
          <label className="flex min-h-11 items-center gap-3">
            <input
              key={`attendees-only-${attendeesOnly}`}
              type="checkbox"
              name="onlineUrlAttendeesOnly"
              defaultChecked={attendeesOnly}
              className="size-6 shrink-0"
            />
            <span>{t("onlineUrlAttendeesOnly")}</span>
          </label>
        </div>
        <TextField {...field("accessibility")} rows={3} hint={t("accessibilityHint")} />
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-3 text-xl font-bold">{t("sectionWho")}</legend>
        <SelectField
          {...field("visibility")}
          options={EVENT_VISIBILITIES.filter((v) => v !== "group" || props.groups.length > 0).map(
            (v) => [v, tv(`visibilities.${v}`)] as const,
          )}
        />
        {props.groups.length > 0 ? (
          <SelectField
            {...field("groupId")}
            placeholder={t("noGroup")}
            options={props.groups.map((g) => [g.value, g.label] as const)}
            hint={t("groupHint")}
          />
        ) : null}
        {input("capacity", "number", {
          hint: props.capacityNote ? (
            <>
              {t("capacityHint")}
              <strong className="mt-1 block rounded-md border-2 border-brand bg-white p-2 text-base text-gray-900">
                {props.capacityNote}
              </strong>
            </>
          ) : (
            t("capacityHint")
          ),
          min: 1,
        })}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel={t("saving")}>{props.eventId ? t("save") : t("create")}</SubmitButton>
        <a href={props.eventId ? `/events/${props.eventId}` : "/events"} className={secondaryButton}>
          {t("cancel")}
        </a>
      </div>
    </form>
  );
}
