import { type Locale, TIME_ZONE } from "@/lib/i18n/config";
import { dateTimeFormatter, formatList } from "@/lib/i18n/intl";
import { namespaceTranslator } from "@/lib/i18n/translator";
import type { AuditEntry } from "./data";
import type { AuditReader } from "./target-data";

/** Audit keys come from the database, so they are looked up as plain strings. */
type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};
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

/** A person by name, or "former member" once the account is erased or gone. */
const personName = (t: Translate, name: string | null) =>
  !name || name.endsWith("@erased.invalid") ? t("formerMember") : name;

type AuditTarget = Pick<
  AuditEntry,
  "targetType" | "targetId" | "targetName" | "targetDeleted" | "targetStartsAt" | "targetCount" | "targetRef"
>;

/** Where a coordinator sees the target, when it still exists and has a page. */
export function auditTargetHref(target: AuditTarget): string | null {
  const { targetType: type, targetId: id, targetRef: ref } = target;
  if (!id) return null;
  if (type === "user") return `/admin/users/${id}`;
  if (target.targetDeleted) return null;
  if (type === "organisation") return ref?.slug ? `/organisations/${ref.slug}` : null;
  if (type === "campaign") return target.targetName ? `/admin/campaigns/${id}` : null;
  if (type === "event" || type === "event_occurrence") {
    if (!ref?.eventId) return null;
    // A date of a series opens on that date, not on the series' next one.
    return ref.date ? `/events/${ref.eventId}?date=${ref.date}` : `/events/${ref.eventId}`;
  }
  if (type === "forum_thread")
    return ref?.threadId !== undefined && ref.slug ? `/forum/t/${ref.threadId}/${ref.slug}` : null;
  if (type === "forum_post" || type === "post") return ref?.threadId !== undefined ? `/forum/p/${id}` : null;
  if (!target.targetName) return null;
  if (type === "faq_entry") return `/admin/faq/${id}`;
  if (type === "faq_category") return `/admin/faq#cat-${id}`;
  if (type === "video") return `/admin/videos/${id}`;
  // A contact has no page of its own: the contact list, searched for its address, shows it.
  if (type === "contact")
    return `/admin/campaigns/contacts?q=${encodeURIComponent(target.targetName)}#contacts`;
  if (type === "contact_import") return `/admin/campaigns/imports/${id}`;
  return null;
}

/**
 * What an entry is about, in words: a person (or "former member"), an organisation, a campaign, an
 * event (a date of it with its time), a thread, working group, FAQ question or category, video or contact by
 * their names, an import by its file, upload time and rows; anything deleted since by the name its
 * entry kept (a removed contact's address) or else its kind and id, marked "deleted"; anything else
 * without a name by auditTargetText.
 */
export function auditTargetLabel(locale: Locale, target: AuditTarget): string {
  const t = translate(locale, "admin.audit");
  const name = target.targetName;
  if (target.targetType === "user") return personName(t, name);
  // A message by its author only ('' once their account is gone): its text and conversation stay private.
  if (target.targetType === "message" && name !== null)
    return t("messageBy", {
      author: personName(t, name),
    });
  if (!name)
    return target.targetDeleted && target.targetId
      ? t("deleted", { kind: auditTargetTypeLabel(locale, target.targetType), id: target.targetId })
      : auditTargetText(locale, target.targetType, target.targetId);
  if (target.targetDeleted) return t("deletedName", { name });
  if (!target.targetStartsAt) return name;
  const when = dateTimeFormatter(locale, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });
  if (target.targetCount !== null)
    return t("importName", {
      file: name,
      when: when.format(target.targetStartsAt),
      rows: target.targetCount,
    });
  return t("datedName", { name, when: when.format(target.targetStartsAt) });
}

export type AuditDetail = { label: string; value: string };

const CAMPAIGN_AREA_KEYS = new Set(["email", "name", "filename"]);

/**
 * An entry's data as its reader may see it: a contact's address and name and an import's file name only for
 * someone who sees them in the campaigns area too.
 */
export function auditDataFor(
  entry: Pick<AuditEntry, "targetType" | "data">,
  reader: AuditReader,
): Record<string, unknown> | null {
  const { targetType: type, data } = entry;
  if (reader.campaignsArea || !data || (type !== "contact" && type !== "contact_import")) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !CAMPAIGN_AREA_KEYS.has(key)));
}

/**
 * An entry's data as translated "label: value" pairs: statuses, roles and event formats by their names,
 * languages by theirs, dates in the reader's format, yes/no for flags, and people, forum categories and
 * working groups by name (`names`, by id).
 */
export function auditDetails(
  locale: Locale,
  data: Record<string, unknown> | null,
  names: ReadonlyMap<string, string | null> = new Map(),
): AuditDetail[] {
  if (!data) return [];
  const t = translate(locale, "admin.audit");
  const tUsers = translate(locale, "admin.users");
  const tEvents = translate(locale, "events");
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
      // an event's format as the event form offers it
      if (key === "format" && tEvents.has(`formats.${v}`)) return tEvents(`formats.${v}`);
      if (key === "userId") return names.get(v) ?? t("formerMember");
      if (key === "categoryId" || key === "groupId") return names.get(v) ?? t("deletedName", { name: v });
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
