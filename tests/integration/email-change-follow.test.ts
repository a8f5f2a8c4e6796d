import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  type ContactStatus,
  campaignDeliveries,
  campaigns,
  type DeliveryStatus,
  newsletterContacts,
  sessions,
  suppressions,
} from "@/db/schema";
import { confirmEmailChangeAction } from "@/lib/account/actions";
import { requestEmailChange } from "@/lib/account/mutations";
import { actAs } from "../support/actions";
import { createSession, createUser, uniqueEmail } from "../support/factories";

/** The member changes their address to a fresh one by the mailed link, confirmed in `session` (or signed out). */
async function changeAddress(user: { id: string }, next: string, session?: string) {
  const { token } = await requestEmailChange({ userId: user.id, newEmail: next });
  const form = new FormData();
  form.set("token", token);
  return actAs(session, () => confirmEmailChangeAction(form));
}

const sessionsOf = async (userId: string) => {
  const db = await getDb();
  const rows = await db
    .select({ token: sessions.sessionToken })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  return rows.map((r) => r.token).sort();
};

describe("after a sign-in address change", () => {
  it("ends every other session of the account; the one confirming stays signed in", async () => {
    const member = await createUser();
    const here = await createSession(member.id);
    // Signed in on a phone and a laptop too (maybe with the lost mailbox's owner still at it).
    await createSession(member.id);
    await createSession(member.id);
    const bystander = await createUser();
    const theirs = await createSession(bystander.id);

    expect(await changeAddress(member, uniqueEmail(), here)).toBe("redirected:/settings/account?changed=1");
    expect(await sessionsOf(member.id)).toEqual([here]);
    expect(await sessionsOf(bystander.id)).toEqual([theirs]);

    // Confirmed from a device where nobody is signed in: no session of the account is left.
    expect(await changeAddress(member, uniqueEmail())).toBe("redirected:/settings/account/confirm?done=1");
    expect(await sessionsOf(member.id)).toEqual([]);
  });
});

async function contact(email: string, status: ContactStatus) {
  const db = await getDb();
  const [row] = await db
    .insert(newsletterContacts)
    .values({ email, status, confirmedAt: status === "pending" ? null : new Date() })
    .returning();
  return row!;
}

/** A campaign that is not sending now (paused / a welcome step), with outbox rows for these addresses. */
async function campaignFor(
  rows: { email: string; status?: DeliveryStatus; userId?: string; contactId?: string }[],
) {
  const db = await getDb();
  const [campaign] = await db
    .insert(campaigns)
    .values({
      title: "Follow test",
      kind: "welcome",
      status: "paused",
      delayDays: 3,
      audience: {
        members: true,
        roles: [],
        topics: [],
        languages: [],
        municipalities: [],
        organisationTypes: [],
        contacts: false,
      },
      versions: { de: { subject: "Willkommen", body: "Hallo" } },
    })
    .returning();
  const dueAt = new Date(Date.now() + 3 * 86_400_000);
  await db.insert(campaignDeliveries).values(rows.map((r) => ({ campaignId: campaign!.id, dueAt, ...r })));
  return campaign!.id;
}

const outbox = async (campaignId: string) => {
  const db = await getDb();
  const rows = await db
    .select({
      email: campaignDeliveries.email,
      status: campaignDeliveries.status,
      contactId: campaignDeliveries.contactId,
    })
    .from(campaignDeliveries)
    .where(eq(campaignDeliveries.campaignId, campaignId));
  return rows.sort((a, b) => a.email.localeCompare(b.email) || a.status.localeCompare(b.status));
};

const contactsAt = async (...emails: string[]) => {
  const db = await getDb();
  return db
    .select({ id: newsletterContacts.id, email: newsletterContacts.email, status: newsletterContacts.status })
    .from(newsletterContacts)
    .where(inArray(newsletterContacts.email, emails));
};

describe("the member's campaign mail follows the new address", () => {
  it("moves their newsletter subscription and the welcome mails still waiting", async () => {
    const member = await createUser();
    const subscription = await contact(member.email, "confirmed");
    const welcome = await campaignFor([
      { email: member.email, userId: member.id },
      { email: uniqueEmail(), userId: (await createUser()).id },
    ]);
    const sent = await campaignFor([{ email: member.email, status: "sent", userId: member.id }]);
    const next = uniqueEmail();

    await changeAddress(member, next);
    expect(await contactsAt(member.email, next)).toEqual([
      { id: subscription.id, email: next, status: "confirmed" },
    ]);
    expect((await outbox(welcome)).filter((r) => r.email === next || r.email === member.email)).toEqual([
      { email: next, status: "pending", contactId: null },
    ]);
    // What went out already stays as it was sent.
    expect(await outbox(sent)).toEqual([{ email: member.email, status: "sent", contactId: null }]);
  });

  it("merges into the subscription the new address already has: one row, one mail per campaign", async () => {
    const member = await createUser();
    const next = uniqueEmail();
    const old = await contact(member.email, "confirmed");
    const existing = await contact(next, "pending");
    const history = await campaignFor([{ email: member.email, status: "sent", contactId: old.id }]);
    const running = await campaignFor([
      { email: member.email, contactId: old.id },
      { email: next, contactId: existing.id },
    ]);

    await changeAddress(member, next);
    expect(await contactsAt(member.email, next)).toEqual([
      { id: existing.id, email: next, status: "confirmed" },
    ]);
    expect(await outbox(history)).toEqual([{ email: member.email, status: "sent", contactId: existing.id }]);
    expect(await outbox(running)).toEqual(
      [
        { email: member.email, status: "skipped", contactId: existing.id },
        { email: next, status: "pending", contactId: existing.id },
      ].sort((a, b) => a.email.localeCompare(b.email)),
    );
  });

  it("keeps an unsubscribe: merged with a confirmed subscription, the address stays off the list", async () => {
    const member = await createUser();
    const next = uniqueEmail();
    await contact(member.email, "unsubscribed");
    const db = await getDb();
    await db.insert(suppressions).values({ email: member.email, reason: "unsubscribed" });
    const existing = await contact(next, "confirmed");

    await changeAddress(member, next);
    expect(await contactsAt(member.email, next)).toEqual([
      { id: existing.id, email: next, status: "unsubscribed" },
    ]);
    expect(await db.select().from(suppressions).where(eq(suppressions.email, next))).toHaveLength(1);
  });
});
