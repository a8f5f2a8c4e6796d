"use client";

import { useTranslations } from "next-intl";
import type { SimilarOrganisation } from "@/lib/organisations/proposal-data";
import { ErrorText } from "@/lib/ui/components/field";
import { NEW_ORGANISATION } from "../constants";

/**
 * Shown beside the proposed organisation when names like it exist already: pick one of them, or
 * say on purpose that it is a new one. A plain radio group, so it works without JavaScript.
 */
export function SimilarOrganisations(props: {
  similar: SimilarOrganisation[];
  proposed: string;
  chosen: string;
  unanswered: boolean;
}) {
  const t = useTranslations("organisations.similar");
  const options: [value: string, label: string][] = [
    ...props.similar.map((o) => [o.id, o.name] as [string, string]),
    [NEW_ORGANISATION, t("createNew", { name: props.proposed })],
  ];
  return (
    <fieldset
      className="mb-5 rounded-md border-2 border-brand p-4"
      aria-describedby={
        props.unanswered ? "organisationChoice-hint organisationChoice-error" : "organisationChoice-hint"
      }
    >
      <legend className="px-1 text-lg font-semibold">{t("question")}</legend>
      <p id="organisationChoice-hint" className="mb-2">
        {t("intro")}
      </p>
      {props.unanswered ? <ErrorText id="organisationChoice-error">{t("choose")}</ErrorText> : null}
      {options.map(([value, label]) => (
        <label key={value} className="flex min-h-11 items-center gap-3">
          <input
            type="radio"
            name="organisationChoice"
            value={value}
            defaultChecked={props.chosen === value}
            className="size-6 shrink-0"
          />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
