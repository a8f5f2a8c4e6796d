import "server-only";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { TIME_ZONE } from "./config";
import { dateTimeFormatter } from "./intl";

/** A formatter for the request's language in Berlin time, looked up once per request. */
const formatIn = (options: Intl.DateTimeFormatOptions) =>
  cache(async () => {
    const format = dateTimeFormatter(await getLocale(), { ...options, timeZone: TIME_ZONE });
    return (date: Date) => format.format(date);
  });

/**
 * Date and time ("03.12.2026, 09:38" in German) for the lists' items, in the request's language: a
 * thread page or a conversation formats twenty to fifty dates, and next-intl's `format.dateTime`
 * looks its formatter up anew for each, keyed by the options as JSON. The formatter itself is the
 * process's one for this language (./intl.ts).
 */
export const dateTimeFormat = formatIn({ dateStyle: "medium", timeStyle: "short" });

/** The date alone ("03.12.2026"), as `dateTimeFormat` is for date and time: for search results. */
export const dateFormat = formatIn({ dateStyle: "medium" });
