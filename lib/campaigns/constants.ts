/** Limits and field names of the campaign editor, shared by its forms (in the browser) and the server. */
export const MAX_BODY = 50_000;
export const MAX_SUBJECT = 200;
/** Form field names of each language version: subjectDe, bodyDe, subjectEn, … */
export const versionFields = (locale: string) => {
  const suffix = locale.charAt(0).toUpperCase() + locale.slice(1);
  return { subject: `subject${suffix}`, body: `body${suffix}` } as const;
};
/** Checkbox lists of the segment builder (several values each). */
export const AUDIENCE_LISTS = [
  "roles",
  "topics",
  "languages",
  "municipalities",
  "organisationTypes",
] as const;
