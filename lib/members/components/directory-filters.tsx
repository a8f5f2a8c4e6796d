import { getLocale } from "next-intl/server";
import { ORGANISATION_TYPES } from "@/db/schema/network";
import { collatorFor } from "@/lib/i18n/intl";
import { getTranslations } from "@/lib/i18n/server";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { inputStyle, primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { HtmlElement } from "@/lib/ui/components/html-element";
import { type Html, html } from "@/lib/ui/html";
import type { DirectoryFilters as Filters } from "../schema";

type Options = readonly (readonly [value: string, label: string])[];

/** A labelled drop-down with an "any" first choice, marked up as `SelectField` does. */
function selectHtml(
  id: string,
  name: string,
  label: string,
  selected: string,
  any: string,
  options: Options,
) {
  const option = ([value, text]: readonly [string, string]) =>
    html`<option value="${value}"${value === selected ? html` selected=""` : null}>${text}</option>`;
  return html`<div class="mb-5"><label for="${id}" class="mb-1 block font-semibold">${label}</label><select id="${id}" name="${name}" class="${inputStyle}">${option(["", any])}${options.map(option)}</select></div>`;
}

/**
 * The directory's search form: a plain GET form, so the result is a shareable URL and it works
 * without JavaScript. Submitting starts again at the first page (no `after`). Nothing in it is
 * interactive on the client, so it is written as one HTML string (lib/ui/html.ts): its ~85 options
 * as React elements cost the directory page a tenth of its rendering.
 */
export async function DirectoryFilters({ filters }: { filters: Filters }) {
  const t = await getTranslations("members.filters");
  const tt = await getTranslations("topics");
  const tl = await getTranslations("languages");
  const to = await getTranslations("organisations.types");
  const collator = collatorFor(await getLocale());
  const byLabel = (a: readonly [string, string], b: readonly [string, string]) =>
    collator.compare(a[1], b[1]);
  const active = Object.values(filters).some(Boolean);
  const any = t("any");
  const form: Html = html`<form action="/members" method="get"><div class="mb-5"><label for="directory-q" class="mb-1 block font-semibold">${t("q")}</label><p id="directory-q-hint" class="mb-1 text-sm text-muted">${t("qHint")}</p><input id="directory-q" aria-describedby="directory-q-hint" type="search" maxlength="100" autocomplete="off" class="${inputStyle}" name="q" value="${filters.q ?? ""}"/></div><div class="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-4">${[
    selectHtml(
      "directory-topic",
      "topic",
      t("topic"),
      filters.topic ?? "",
      any,
      TOPICS.map((v) => [v, tt(v)] as const).sort(byLabel),
    ),
    selectHtml(
      "directory-language",
      "language",
      t("language"),
      filters.language ?? "",
      any,
      SPOKEN_LANGUAGES.map((v) => [v, tl(v)] as const).sort(byLabel),
    ),
    selectHtml(
      "directory-municipality",
      "municipality",
      t("municipality"),
      filters.municipality ?? "",
      any,
      MUNICIPALITIES.map((v) => [v, v] as const),
    ),
    selectHtml(
      "directory-type",
      "type",
      t("type"),
      filters.type ?? "",
      any,
      ORGANISATION_TYPES.map((v) => [v, to(v)] as const),
    ),
  ]}</div><div class="flex flex-wrap gap-3"><button type="submit" class="${primaryButton}">${t("submit")}</button>${
    active ? html`<a href="/members" class="${secondaryButton}">${t("clear")}</a>` : null
  }</div></form>`;
  return (
    <HtmlElement
      as="search"
      aria-label={t("label")}
      className="mb-8 block rounded-lg border border-gray-300 bg-gray-50 p-4"
      html={form}
    />
  );
}
