import type { EventFormat } from "@/db/schema/enums";

/** Where a date takes place: in person (venue, address, municipality) or online (link). */
export type Place = {
  format: EventFormat;
  venue: string | null;
  address: string | null;
  onlineUrl: string | null;
  /** In person only: where the events list finds it when filtered by municipality. */
  municipality?: string | null;
};

/** A date's own place as stored on its row: all null when it keeps the event's place. */
export type OwnPlaceColumns = {
  format: EventFormat | null;
  venue: string | null;
  address: string | null;
  onlineUrl: string | null;
  municipality?: string | null;
};

/** The row's own place, or null when the date keeps the event's. */
export const ownPlaceOf = (row: OwnPlaceColumns): Place | null =>
  row.format
    ? {
        format: row.format,
        venue: row.venue,
        address: row.address,
        onlineUrl: row.onlineUrl,
        municipality: row.municipality,
      }
    : null;

/** The place a date has: its own where it was given one, else the event's. */
export const placeOfDate = (event: Place, own: Place | null): Place => own ?? event;

/** Whether two places read the same to attendees (then nobody is mailed). */
export const samePlace = (a: Place, b: Place) =>
  a.format === b.format &&
  (a.format === "online" ? a.onlineUrl === b.onlineUrl : a.venue === b.venue && a.address === b.address);

/** The same place, in the same municipality (an unchanged form saves nothing). */
export const sameSavedPlace = (a: Place, b: Place) =>
  samePlace(a, b) && (a.format === "online" || (a.municipality ?? null) === (b.municipality ?? null));

/** Only the fields that belong to the format: an in-person place has no link, an online one no address. */
export const cleanPlace = (p: Place): Place =>
  p.format === "online"
    ? { format: "online", venue: null, address: null, onlineUrl: p.onlineUrl }
    : {
        format: "in_person",
        venue: p.venue,
        address: p.address,
        onlineUrl: null,
        municipality: p.municipality,
      };
