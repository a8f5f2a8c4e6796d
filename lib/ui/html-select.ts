import { inputStyle } from "./components/button-styles";
import { type Html, html } from "./html";

type Option = readonly [value: string, label: string];

/**
 * A labelled drop-down as an HTML string, for the plain GET filter forms written with `html`
 * (lib/ui/html.ts). The first choice has the value "" and stands for "any"; `selected` is the
 * current value, marked as a browser would keep it.
 */
export function selectHtml(props: {
  id: string;
  name: string;
  label: string;
  selected: string | undefined;
  any: string;
  options: readonly Option[];
  /** The wrapping <div>'s class, if any. */
  wrapper?: string;
}): Html {
  const selected = props.selected ?? "";
  const option = ([value, label]: Option) =>
    html`<option value="${value}"${value === selected ? html` selected=""` : null}>${label}</option>`;
  return html`<div${props.wrapper ? html` class="${props.wrapper}"` : null}><label for="${props.id}" class="mb-1 block font-semibold">${props.label}</label><select id="${props.id}" name="${props.name}" class="${inputStyle}">${option(["", props.any])}${props.options.map(option)}</select></div>`;
}
