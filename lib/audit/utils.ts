import { type Locale, TIME_ZONE } from "@/lib/i18n/config";
import { dateTimeFormatter, formatList } from "@/lib/i18n/intl";
import { namespaceTranslator } from "@/lib/i18n/translator";

/** Audit keys come from the database, so they are looked up as plain strings. */
type Translate = { (key: string, values?: Record<string, string>): string; has(key: string): boolean };
const translate = (locale: Locale, namespace: string) =>
  namespaceTranslator(locale, namespace) as unknown as Translate;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** "Person gesperrt" for "user.blocked"; an action from before its label existed stays as it is. */
export function auditActionLabel(locale: Locale, action: string): string {
  const t = translate(locale, "admin.audit");
  return t.has(`actions.${action}`) ? t(`actions.${action}`) : action;
}

export function auditTargetTypeLabel(locale: Locale, type: string): string {
  const t = translate(locale, "admin.audit");
  return t.has(`targetTypes.${type}`) ? t(`targetTypes.${type}`) : type;
}

const fieldLabel = (t: Translate, key: string) => (t.has(`fields.${key}`) ? t(`fields.${key}`) : key);

/**
 * What an entry is about when it has no page of its own to link to: settings by the names of the
 * changed settings ("Einstellungen: Impressum"), anything else by its kind and number.
 */
export function auditTargetText(locale: Locale, type: string, id: string | null): string {
  const t = translate(locale, "admin.audit");
  const kind = auditTargetTypeLabel(locale, type);
  if (!id) return kind;
  if (type === "settings")
    return `${kind}: ${formatList(
      locale,
      id.split(",").map((key) => fieldLabel(t, key)),
    )}`;
  return `${kind} ${id}`;
}

export type AuditDetail = { label: string; value: string };

/**
 * An entry's data as translated "label: value" pairs: statuses and roles by their names, languages
 * by theirs, dates in the reader's format, yes/no for flags, and people by name (`names`, by id).
 */
export function auditDetails(
  locale: Locale,
  data: Record<string, unknown> | null,
  names: ReadonlyMap<string, string | null> = new Map(),
): AuditDetail[] {
  if (!data) return [];
  const t = translate(locale, "admin.audit");
  const tUsers = translate(locale, "admin.users");
  const languages = new Intl.DisplayNames([locale], { type: "language" });
  const number = new Intl.NumberFormat(locale);
  const value = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === "") return "–";
    if (typeof v === "boolean") return t(v ? "values.yes" : "values.no");
    if (typeof v === "number") {
      if (key === "byteSize")
        return new Intl.NumberFormat(locale, {
          style: "unit",
          unit: v >= 1_000_000 ? "megabyte" : "kilobyte",
          maximumFractionDigits: 1,
        }).format(v >= 1_000_000 ? v / 1_000_000 : v / 1000);
      return number.format(v);
    }
    if (typeof v === "string") {
      if ((key === "status" || key === "previousStatus") && tUsers.has(`statuses.${v}`))
        return tUsers(`statuses.${v}`);
      if ((key === "from" || key === "to") && tUsers.has(`roles.${v}`)) return tUsers(`roles.${v}`);
      if (key === "locale") return languages.of(v) ?? v;
      if (key === "userId") return names.get(v) ?? t("formerMember");
      if (t.has(`values.${key}.${v}`)) return t(`values.${key}.${v}`);
      if (ISO_TIME.test(v) && !Number.isNaN(Date.parse(v)))
        return dateTimeFormatter(locale, {
          dateStyle: "medium",
          timeStyle: "short",
          timeZone: TIME_ZONE,
        }).format(new Date(v));
      return v;
    }
    if (Array.isArray(v))
      return formatList(
        locale,
        v.map((item) => value(key, item)),
      );
    if (typeof v === "object") {
      // translations: which languages were given
      if (key === "translations")
        return formatList(
          locale,
          Object.keys(v).map((l) => languages.of(l) ?? l),
        );
      return Object.entries(v)
        .map(([k, inner]) => `${fieldLabel(t, k)}: ${value(k, inner)}`)
        .join(", ");
    }
    return String(v);
  };
  return Object.entries(data).map(([key, v]) => ({ label: fieldLabel(t, key), value: value(key, v) }));
}
