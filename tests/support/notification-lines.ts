// What the notification centre shows, for tests that read its lines and mails.
import { createTranslator } from "next-intl";
import { MESSAGES } from "@/lib/i18n/messages";
import type { KindTranslator } from "@/lib/notifications/text";

/** The centre's German lines: pass it to notificationText. */
export const tn = createTranslator({
  locale: "de",
  messages: MESSAGES.de,
  namespace: "notifications",
}) as unknown as KindTranslator;

/** How far ahead to run queued jobs so that every delayed notification mail goes out. */
export const MAIL_WINDOW = 10 * 60 * 1000;
