import type { AuditEntry } from "@/lib/audit/data";
import { auditTargetHref, auditTargetLabel } from "@/lib/audit/utils";
import type { Locale } from "@/lib/i18n/config";

/** An entry's target by name (an event's date with its time), linked to its page where it has one. */
export function AuditTargetCell({ locale, entry }: { locale: Locale; entry: AuditEntry }) {
  const label = auditTargetLabel(locale, entry);
  const href = auditTargetHref(entry);
  const named = entry.targetName !== null || entry.targetType === "user";
  const text = named ? <bdi>{label}</bdi> : label;
  return href ? <a href={href}>{text}</a> : text;
}
