import { HtmlElement } from "@/lib/ui/components/html-element";
import { html } from "@/lib/ui/html";
import type { OrganisationChoice } from "../data";

/**
 * The suggestions for fields where a member types a confirmed organisation (`list={id}` on each): one
 * list for all of them, written as a string, as a thousand organisations would otherwise be a
 * thousand React elements per view (and, as drop-downs, that many options per field).
 */
export function OrganisationChoices({ id, choices }: { id: string; choices: readonly OrganisationChoice[] }) {
  return (
    <HtmlElement
      as="datalist"
      id={id}
      html={html`${choices.map((c) => html`<option value="${c.label}">`)}`}
    />
  );
}
