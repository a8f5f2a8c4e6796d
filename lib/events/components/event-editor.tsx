import { OrganisationChoices } from "@/lib/organisations/components/organisation-choices";
import type { Organisers } from "../editor-data";
import { EventForm } from "./event-form";

const ORGANISER_CHOICES = "organiser-choices";

/**
 * The event form with its organiser choices: a drop-down, or for a coordinator a typed field that
 * starts from the current choice's label, with every choice suggested (one <datalist> beside the form).
 */
export function EventEditor({
  organisers,
  initial,
  ...form
}: Omit<Parameters<typeof EventForm>[0], "organisers" | "organiserChoicesId"> & { organisers: Organisers }) {
  if (!organisers.typed) return <EventForm {...form} initial={initial} organisers={organisers.options} />;
  const label = organisers.options.find((o) => o.value === initial.organiser)?.label ?? "";
  return (
    <>
      <EventForm
        {...form}
        initial={{ ...initial, organiser: label }}
        organisers={[]}
        organiserChoicesId={ORGANISER_CHOICES}
      />
      <OrganisationChoices
        id={ORGANISER_CHOICES}
        choices={organisers.options.map((o) => ({ id: o.value, label: o.label }))}
      />
    </>
  );
}
