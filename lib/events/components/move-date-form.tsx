"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { inputStyle } from "@/lib/ui/components/button-styles";
import { Field } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { moveOccurrenceAction } from "../actions";
import { useEventErrors } from "./use-event-errors";

/** Moves one date of a series to another day or time: a form folded into a <details>. */
export function MoveDateForm(props: {
  occurrenceId: string;
  date: string;
  startTime: string;
  endTime: string;
}) {
  const t = useTranslations("events.dates");
  const [state, action] = useActionState(moveOccurrenceAction, IDLE);
  const { errors, text } = formView(state);
  const { message, summary } = useEventErrors(state, errors);
  const failed = state.status === "error";
  const value = (name: "date" | "startTime" | "endTime") => (failed ? text(name) : props[name]);
  const id = (name: string) => `move-${props.occurrenceId}-${name}`;
  // Open after a failed try (also without scripts, when the server renders this state), so the
  // errors beside the fields are seen.
  return (
    <details className="mt-2" open={failed || undefined}>
      <summary className="cursor-pointer">{t("moveSummary")}</summary>
      <form action={action} noValidate className="mt-2 grid items-end gap-x-3 sm:grid-cols-4">
        {failed ? (
          <div className="sm:col-span-4">
            <FormAlert kind="error">{summary()}</FormAlert>
          </div>
        ) : null}
        <input type="hidden" name="occurrenceId" value={props.occurrenceId} />
        {(["date", "startTime", "endTime"] as const).map((name) => (
          <Field key={name} id={id(name)} label={t(name)} error={message(name)}>
            {(aria) => (
              <input
                {...aria}
                key={value(name)}
                name={name}
                type={name === "date" ? "date" : "time"}
                defaultValue={value(name)}
                className={inputStyle}
              />
            )}
          </Field>
        ))}
        <div className="mb-5">
          <SubmitButton pendingLabel={t("moving")}>{t("move")}</SubmitButton>
        </div>
      </form>
    </details>
  );
}
