export type TranslationStatus = "current" | "outdated" | "missing";

/** A translation is current when it was written from the German text as it is now. */
export function translationStatus(
  germanVersion: number,
  translation: { sourceVersion: number } | null | undefined,
): TranslationStatus {
  if (!translation) return "missing";
  return translation.sourceVersion >= germanVersion ? "current" : "outdated";
}

/** "Wie werde ich Mitglied?" → "wie-werde-ich-mitglied"; non-Latin text yields "" (caller adds a fallback). */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}
