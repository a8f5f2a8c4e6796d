import "server-only";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { getReplyTo } from "@/lib/settings/data";

/**
 * How a recipient reaches the coordination office: replying, when admins have set a reply-to address
 * (it becomes the mail's Reply-To), else the imprint's contact details. A mail never asks for a reply
 * that would go to the no-reply sender.
 */
export async function officeContact(locale: Locale): Promise<{ replyTo?: string; paragraph: string }> {
  const t = translatorFor(locale);
  const replyTo = await getReplyTo();
  if (replyTo) return { replyTo, paragraph: t("mail.contact.reply") };
  return { paragraph: t("mail.contact.office", { url: new URL("/impressum", env.APP_URL).toString() }) };
}
