import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { newsletterContacts, suppressions } from "@/db/schema";
import { renderMail } from "@/emails/layout";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { deliverMail } from "@/lib/mail/transport";
import {
  CONFIRM_DAYS,
  confirmUrl,
  createConfirmToken,
  type UnsubscribeToken,
  verifyConfirmToken,
} from "./tokens";

/**
 * A sign-up on the public form: the address waits, unconfirmed, until its owner opens the link in the
 * confirmation mail (double opt-in). A confirmed address gets no second mail; the answer is the same
 * either way, so the form does not reveal who is subscribed.
 */
export async function subscribe(input: { email: string; name?: string; locale: Locale }): Promise<void> {
  const db = await getDb();
  const email = input.email.toLowerCase();
  const [contact] = await db
    .insert(newsletterContacts)
    .values({
      email,
      name: input.name ?? null,
      locale: input.locale,
      status: "pending",
      legalBasis: "consent",
    })
    .onConflictDoUpdate({
      target: newsletterContacts.email,
      set: {
        // A pending or unsubscribed address asks again; a confirmed one stays as it is.
        name: sql`case when ${newsletterContacts.status} = 'confirmed' then ${newsletterContacts.name} else excluded.name end`,
        locale: sql`case when ${newsletterContacts.status} = 'confirmed' then ${newsletterContacts.locale} else excluded.locale end`,
        status: sql`case when ${newsletterContacts.status} = 'confirmed' then 'confirmed' else 'pending' end`,
      },
    })
    .returning();
  if (!contact || contact.status === "confirmed") return;
  const t = translatorFor(input.locale);
  const { html, text } = renderMail({
    locale: input.locale,
    heading: t("newsletter.mail.heading"),
    paragraphs: [t("newsletter.mail.body"), t("newsletter.mail.validity", { days: CONFIRM_DAYS })],
    action: { label: t("newsletter.mail.action"), url: confirmUrl(createConfirmToken(contact.id)) },
    footer: t("newsletter.mail.footer"),
  });
  await deliverMail({ to: email, subject: t("newsletter.mail.subject"), html, text });
}

/** What a confirmation link finds: nothing (forged, expired, deleted), an address to confirm, or one confirmed already. */
export async function findConfirmation(
  token: string | null | undefined,
): Promise<{ email: string; confirmed: boolean } | null> {
  const contactId = verifyConfirmToken(token);
  if (!contactId) return null;
  const db = await getDb();
  const [contact] = await db
    .select({ email: newsletterContacts.email, status: newsletterContacts.status })
    .from(newsletterContacts)
    .where(eq(newsletterContacts.id, contactId))
    .limit(1);
  return contact ? { email: contact.email, confirmed: contact.status === "confirmed" } : null;
}

/** The owner opened the link: from now on campaigns to subscribers reach them (an old unsubscribe is lifted). */
export async function confirmSubscription(contactId: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [contact] = await tx
      .update(newsletterContacts)
      .set({ status: "confirmed", confirmedAt: sql`coalesce(${newsletterContacts.confirmedAt}, now())` })
      .where(eq(newsletterContacts.id, contactId))
      .returning();
    if (!contact) return false;
    await tx.delete(suppressions).where(eq(suppressions.email, contact.email));
    return true;
  });
}

/**
 * One click in a campaign mail: the address goes on the suppression list, which every later campaign,
 * the welcome sequence and imports honour. Repeating it changes nothing.
 */
export async function unsubscribe(token: UnsubscribeToken): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    // The campaign may have been deleted since: the address is suppressed all the same.
    await tx.execute(sql`
      insert into suppressions (email, reason, campaign_id)
      values (${token.email}, 'unsubscribed', (select id from campaigns where id = ${token.campaignId}))
      on conflict (email) do nothing`);
    await tx
      .update(newsletterContacts)
      .set({ status: "unsubscribed" })
      .where(eq(newsletterContacts.email, token.email));
  });
}

/** Since when a member's address is off the campaign list by their own unsubscribe (null: it is not). */
export async function unsubscribedSince(email: string): Promise<Date | null> {
  const db = await getDb();
  const [row] = await db
    .select({ createdAt: suppressions.createdAt })
    .from(suppressions)
    .where(and(eq(suppressions.email, email.toLowerCase()), eq(suppressions.reason, "unsubscribed")))
    .limit(1);
  return row?.createdAt ?? null;
}

/** A member takes back their own unsubscribe; a bounced address stays suppressed. */
export async function resubscribe(email: string): Promise<void> {
  const db = await getDb();
  await db
    .delete(suppressions)
    .where(and(eq(suppressions.email, email.toLowerCase()), eq(suppressions.reason, "unsubscribed")));
}
