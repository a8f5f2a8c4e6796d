import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { type ContactStatus, campaignDeliveries, newsletterContacts, suppressions } from "@/db/schema";
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
 * the welcome sequence and imports honour. Repeating it changes nothing; a test mail's link does nothing.
 */
export async function unsubscribe(token: UnsubscribeToken): Promise<void> {
  if (token.test) return;
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

/** Which status wins when two subscriptions become one: an unsubscribe stays, a confirmation outranks a wait. */
const STATUS_RANK: Record<ContactStatus, number> = { pending: 0, confirmed: 1, unsubscribed: 2 };

/**
 * A member's sign-in address changed (inside that transaction): what they chose about campaign mail
 * follows them to the new address. Their unsubscribe moves along; their newsletter subscription
 * moves, or merges into one the new address already has (never two rows); mails still waiting in an
 * outbox (a welcome step, a running campaign) go to the new address, once. Bounces stay with the old.
 */
export async function followAddressChange(
  tx: Executor,
  input: { oldEmail: string; newEmail: string },
): Promise<void> {
  const { oldEmail, newEmail } = input;
  const [unsubscribed] = await tx
    .select({ campaignId: suppressions.campaignId })
    .from(suppressions)
    .where(and(eq(suppressions.email, oldEmail), eq(suppressions.reason, "unsubscribed")));
  if (unsubscribed)
    await tx
      .insert(suppressions)
      .values({ email: newEmail, reason: "unsubscribed", campaignId: unsubscribed.campaignId })
      .onConflictDoNothing();

  const contactsOf = (email: string) =>
    tx
      .select({
        id: newsletterContacts.id,
        status: newsletterContacts.status,
        confirmedAt: newsletterContacts.confirmedAt,
      })
      .from(newsletterContacts)
      .where(eq(newsletterContacts.email, email))
      .for("update")
      .limit(1);
  const [old] = await contactsOf(oldEmail);
  if (old) {
    const [existing] = await contactsOf(newEmail);
    if (!existing) {
      await tx.update(newsletterContacts).set({ email: newEmail }).where(eq(newsletterContacts.id, old.id));
    } else {
      const status = STATUS_RANK[old.status] > STATUS_RANK[existing.status] ? old.status : existing.status;
      await tx
        .update(newsletterContacts)
        .set({ status, confirmedAt: existing.confirmedAt ?? old.confirmedAt })
        .where(eq(newsletterContacts.id, existing.id));
      // The old row's outbox history (the campaign reports) stays, counted for the merged one.
      await tx
        .update(campaignDeliveries)
        .set({ contactId: existing.id })
        .where(eq(campaignDeliveries.contactId, old.id));
      await tx.delete(newsletterContacts).where(eq(newsletterContacts.id, old.id));
    }
  }

  // Waiting mails move, unless the same campaign already waits for the new address (then it goes once).
  await tx.execute(sql`
    update campaign_deliveries d set status = 'skipped'
    where d.email = ${oldEmail} and d.status = 'pending' and exists (
      select 1 from campaign_deliveries x where x.campaign_id = d.campaign_id and x.email = ${newEmail})`);
  await tx
    .update(campaignDeliveries)
    .set({ email: newEmail })
    .where(and(eq(campaignDeliveries.email, oldEmail), eq(campaignDeliveries.status, "pending")));
}
