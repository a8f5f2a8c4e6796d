import type { EventFormat } from "@/db/schema/events";

/** Where a date takes place: in person (venue, address) or online (link). */
export type Place = {
  format: EventFormat;
  venue: string | null;
  address: string | null;
  onlineUrl: string | null;
};

/** A date's own place as stored on its row: all null when it keeps the event's place. */
export type OwnPlaceColumns = {
  format: EventFormat | null;
  venue: string | null;
  address: string | null;
  onlineUrl: string | null;
};

/** The row's own place, or null when the date keeps the event's. */
export const ownPlaceOf = (row: OwnPlaceColumns): Place | null =>
  row.format
    ? { format: row.format, venue: row.venue, address: row.address, onlineUrl: row.onlineUrl }
    : null;

/** The place a date has: its own where it was given one, else the event's. */
export const placeOfDate = (event: Place, own: Place | null): Place => own ?? event;

/** Whether two places read the same to attendees (an unchanged form saves nothing and mails nobody). */
export const samePlace = (a: Place, b: Place) =>
  a.format === b.format &&
  (a.format === "online" ? a.onlineUrl === b.onlineUrl : a.venue === b.venue && a.address === b.address);

/** Only the fields that belong to the format: an in-person place has no link, an online one no address. */
export const cleanPlace = (p: Place): Place =>
  p.format === "online"
    ? { format: "online", venue: null, address: null, onlineUrl: p.onlineUrl }
    : { format: "in_person", venue: p.venue, address: p.address, onlineUrl: null };
