/**
 * The values of the schema's enumerated text columns, in a module without drizzle: client components
 * offer them as choices, and whatever they import is shipped to the browser (lib/client-imports.test.ts).
 * Re-exported by index.ts; the tables beside them import them from here.
 */

// Accounts
export const ROLES = ["member", "coordinator", "admin"] as const;
export type Role = (typeof ROLES)[number];

// Organisations
export const ORGANISATION_TYPES = [
  "public_authority",
  "welfare_association",
  "association",
  "migrant_organisation",
  "education_provider",
  "employer",
  "other",
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

// Campaigns
/** Why we may mail an external contact (GDPR Art. 6): recorded for every import. */
export const LEGAL_BASES = ["consent", "contract", "legitimate_interest"] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

// Events
export const EVENT_VISIBILITIES = ["public", "members", "group"] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];
export const EVENT_FORMATS = ["in_person", "online"] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];
/** none: a single date · weekly · biweekly: every two weeks · monthly: on the n-th weekday of the month. */
export const EVENT_FREQUENCIES = ["none", "weekly", "biweekly", "monthly"] as const;
export type EventFrequency = (typeof EVENT_FREQUENCIES)[number];
export const RSVP_RESPONSES = ["yes", "maybe", "no"] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

// Forum
/** Languages a category's name and description can be translated into; German is the original. */
export const CATEGORY_TRANSLATION_LOCALES = ["en", "ar", "uk"] as const;
export type CategoryTranslations = Partial<
  Record<(typeof CATEGORY_TRANSLATION_LOCALES)[number], { name?: string; description?: string }>
>;

// Notifications
export const NOTIFICATION_KINDS = [
  "mention",
  "reply",
  "message",
  "moderation",
  "event_change",
  "application_decision",
  "applications_waiting",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** How a member hears about a kind by e-mail: at once (a burst batched into one mail), daily, never. */
export const EMAIL_MODES = ["immediate", "digest", "off"] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

// Offers
/** How an offer reaches people: at a place, online (video), by phone. */
export const OFFER_FORMATS = ["in_person", "online", "phone"] as const;
export type OfferFormat = (typeof OFFER_FORMATS)[number];
