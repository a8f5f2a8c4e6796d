import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import {
  applications,
  consents,
  conversations,
  devOutbox,
  eventOccurrences,
  eventRsvps,
  events,
  forumCategories,
  forumPosts,
  forumThreads,
  messages,
  notificationPreferences,
  sessions,
  settings,
  userErasures,
  users,
} from "@/db/schema";
import { getViewerBySessionToken } from "@/lib/auth/viewer";
import { respond } from "@/lib/events/rsvp-mutations";
import { getPolicyVersion } from "@/lib/legal/data";
import { exportUserData, findDeletionTarget } from "@/lib/privacy/data";
import { acceptPrivacyPolicy, deleteOwnAccount, deleteUserAccount } from "@/lib/privacy/mutations";
import { createDeletionToken } from "@/lib/privacy/tokens";
import { updateLegalText } from "@/lib/settings/mutations";
import { auditEntriesFor, createPerson } from "../support/admin-factories";
import { createTestEvent, daysFromNow, mailsTo } from "../support/event-factories";
import { createMember, createSession, uniqueEmail } from "../support/factories";

/** A member with something in every section: profile, consent, application, a post, an RSVP. */
async function memberWithData(label: string) {
  const tag = crypto.randomUUID().slice(0, 8);
  const name = `${label} Personenname${tag}`;
  const member = await createMember({
    name,
    email: uniqueEmail(),
    profile: { jobFunction: `Beraterin ${tag}`, bio: `Biografie ${tag}`, phone: `+49 ${tag}` },
  });
  const db = await getDb();
  await db
    .insert(consents)
    .values({ userId: member.id, kind: "privacy_policy", policyVersion: "2026-11-01" });
  await db.insert(applications).values({
    userId: member.id,
    source: "signup",
    status: "approved",
    locale: "de",
    reason: `Grund ${tag}`,
  });
  const [category] = await db
    .insert(forumCategories)
    .values({ slug: `privacy-${tag}`, name: `Kategorie ${tag}` })
    .returning();
  const [thread] = await db
    .insert(forumThreads)
    .values({ categoryId: category!.id, authorId: member.id, title: `Thema ${tag}`, slug: `thema-${tag}` })
    .returning();
  await db.insert(forumPosts).values({
    threadId: thread!.id,
    categoryId: category!.id,
    number: 1,
    authorId: member.id,
    body: `Beitrag ${tag}`,
    bodyHtml: `<p>Beitrag ${tag}</p>`,
  });
  const [event] = await db
    .insert(events)
    .values({ title: `Treffen ${tag}`, startsAt: new Date("2026-12-01T17:00:00Z"), durationMinutes: 60 })
    .returning();
  const [occurrence] = await db
    .insert(eventOccurrences)
    .values({
      eventId: event!.id,
      slotDate: "2026-12-01",
      originalStartsAt: new Date("2026-12-01T17:00:00Z"),
      startsAt: new Date("2026-12-01T17:00:00Z"),
      endsAt: new Date("2026-12-01T18:00:00Z"),
    })
    .returning();
  await db.insert(eventRsvps).values({ occurrenceId: occurrence!.id, userId: member.id, response: "yes" });
  const [conversation] = await db
    .insert(conversations)
    .values({ kind: "group", title: `Gruppe ${tag}`, createdById: member.id })
    .returning();
  const [message] = await db
    .insert(messages)
    .values({ conversationId: conversation!.id, senderId: member.id, body: `Nachricht ${tag}` })
    .returning();
  await db.insert(notificationPreferences).values({ userId: member.id, digestHour: 9 });
  return { member, tag, name, threadId: thread!.id, messageId: message!.id };
}

/** Every text or JSON value in every table that contains the needle. */
async function findEverywhere(needle: string): Promise<string[]> {
  const db = await getDb();
  const columns = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        and c.data_type in ('text', 'jsonb', 'ARRAY', 'character varying')`),
  );
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text ilike ${`%${needle}%`}`,
      ),
    );
    if (Number(rows[0]?.n) > 0) hits.push(`${table_name}.${column_name}`);
  }
  return hits;
}

describe("data export", () => {
  it("contains the member's data in every section, and nobody else's", async () => {
    const mine = await memberWithData("Ich");
    const other = await memberWithData("Andere");
    const data = await exportUserData({ userId: mine.member.id });
    const json = JSON.stringify(data);
    expect(data.account).toMatchObject({ name: mine.name, email: mine.member.email });
    expect(data.profile).toMatchObject({
      jobFunction: `Beraterin ${mine.tag}`,
      bio: `Biografie ${mine.tag}`,
    });
    expect(data.consents).toEqual([expect.objectContaining({ policyVersion: "2026-11-01" })]);
    expect(data.application).toEqual([expect.objectContaining({ reason: `Grund ${mine.tag}` })]);
    expect(data.forumPosts).toEqual([expect.objectContaining({ body: `Beitrag ${mine.tag}` })]);
    expect(data.forumThreads).toEqual([expect.objectContaining({ title: `Thema ${mine.tag}` })]);
    expect(data.eventRsvps).toEqual([
      expect.objectContaining({ event: `Treffen ${mine.tag}`, response: "yes" }),
    ]);
    expect(json).not.toContain(other.tag);
    expect(json).not.toContain(other.member.email);
  });
});

describe("account deletion", () => {
  it("leaves no personal data anywhere in the database; posts stay without a name", async () => {
    const admin = await createPerson("admin");
    const { member, name, tag, threadId, messageId } = await memberWithData("Weg");
    const token = await createSession(member.id);
    const db = await getDb();
    await db.insert(devOutbox).values({ to: member.email, subject: "Hallo", text: "x", html: "x" });
    expect(await findEverywhere(member.email)).not.toEqual([]);

    await deleteUserAccount({ actorId: admin.id, userId: member.id });

    expect(await findEverywhere(member.email)).toEqual([]);
    expect(await findEverywhere(name)).toEqual([]);
    expect(await findEverywhere(`Biografie ${tag}`)).toEqual([]);
    expect(await findEverywhere(`+49 ${tag}`)).toEqual([]);
    expect(await findEverywhere(`Grund ${tag}`)).toEqual([]);
    // the post is still there, by the same (now nameless) author id
    const [post] = await db.select().from(forumPosts).where(eq(forumPosts.threadId, threadId));
    expect(post).toMatchObject({ body: `Beitrag ${tag}`, authorId: member.id });
    const [message] = await db.select().from(messages).where(eq(messages.id, messageId));
    expect(message).toMatchObject({ body: `Nachricht ${tag}`, senderId: member.id });
    const [row] = await db.select().from(users).where(eq(users.id, member.id));
    expect(row).toMatchObject({ name: null, status: "blocked", emailVerified: null });
    expect(await db.select().from(eventRsvps).where(eq(eventRsvps.userId, member.id))).toHaveLength(0);
    expect(await db.select().from(sessions).where(eq(sessions.userId, member.id))).toHaveLength(0);
    expect(await getViewerBySessionToken(token)).toBeNull();
    expect(await db.select().from(userErasures).where(eq(userErasures.userId, member.id))).toHaveLength(1);
    expect((await auditEntriesFor(member.id))[0]).toMatchObject({
      action: "user.deleted",
      actorId: admin.id,
    });
  });

  it("a member deletes their own account with the mailed link; the link then stops working", async () => {
    const { member, name } = await memberWithData("Selbst");
    const token = createDeletionToken({ userId: member.id, email: member.email });
    expect(await findDeletionTarget({ token })).toEqual({ userId: member.id, name, applicant: false });
    await deleteOwnAccount({ userId: member.id });
    expect(await findEverywhere(member.email)).toEqual([]);
    expect(await findDeletionTarget({ token })).toBeNull();
    expect((await auditEntriesFor(member.id))[0]).toMatchObject({ action: "user.selfDeleted" });
  });

  it("a deleted attendee's seats go to the first waiting person of each coming date, who is told by e-mail", async () => {
    const coordinator = await createPerson("coordinator");
    const leaving = await createPerson("member");
    const [waitingFirst, waitingSecond, waitingLater] = await Promise.all([
      createPerson("member"),
      createPerson("member"),
      createPerson("member"),
    ]);
    const { eventId, occurrences, data } = await createTestEvent(coordinator.id, {
      capacity: 1,
      frequency: "weekly",
      untilDate: daysFromNow(18),
    });
    const [first, second] = occurrences;
    await respond({ occurrenceId: first!.id, userId: leaving.id, response: "yes" });
    await respond({ occurrenceId: second!.id, userId: leaving.id, response: "yes" });
    await respond({ occurrenceId: first!.id, userId: waitingFirst.id, response: "yes" });
    await respond({ occurrenceId: first!.id, userId: waitingLater.id, response: "yes" });
    await respond({ occurrenceId: second!.id, userId: waitingSecond.id, response: "yes" });

    await deleteOwnAccount({ userId: leaving.id });

    const seat = async (occurrenceId: string, userId: string) => {
      const db = await getDb();
      const [row] = await db
        .select({ waitingSince: eventRsvps.waitingSince })
        .from(eventRsvps)
        .where(and(eq(eventRsvps.occurrenceId, occurrenceId), eq(eventRsvps.userId, userId)));
      return row ? (row.waitingSince ? "waiting" : "going") : "none";
    };
    expect(await seat(first!.id, waitingFirst.id)).toBe("going");
    expect(await seat(first!.id, waitingLater.id)).toBe("waiting");
    expect(await seat(second!.id, waitingSecond.id)).toBe("going");
    const [mailFirst] = await mailsTo(waitingFirst.email);
    expect(mailFirst?.subject).toBe(`Ein Platz ist frei: ${data.title}`);
    expect(mailFirst?.text).toContain(`/events/${eventId}?date=${first!.slotDate}`);
    const [mailSecond] = await mailsTo(waitingSecond.email);
    expect(mailSecond?.text).toContain(`/events/${eventId}?date=${second!.slotDate}`);
    expect(await mailsTo(waitingLater.email)).toHaveLength(0);
  });

  it("another member's link does not delete this account", async () => {
    const a = await createPerson("member");
    const b = await createPerson("member");
    const forged = createDeletionToken({ userId: a.id, email: b.email });
    expect(await findDeletionTarget({ token: forged })).toBeNull();
  });
});

/** Other test files share the database on PostgreSQL: put the policy version back as it was. */
async function policyVersionSnapshot() {
  const db = await getDb();
  const keys = ["privacy.policyVersion", "privacy.policyPublishedAt"];
  const rows = await db.select().from(settings).where(inArray(settings.key, keys));
  return async () => {
    for (const key of keys) {
      const row = rows.find((r) => r.key === key);
      if (row) await db.update(settings).set({ value: row.value }).where(eq(settings.key, key));
      else await db.delete(settings).where(eq(settings.key, key));
    }
  };
}

describe("privacy policy versions", () => {
  /** What every member page learns with the session: must this member accept the policy first? */
  const needsConsent = async (userId: string) =>
    (await getViewerBySessionToken(await createSession(userId)))?.needsConsent;

  it("a new version asks members who accepted an older one to accept again", async () => {
    const admin = await createPerson("admin");
    const member = await createPerson("member");
    const db = await getDb();
    const current = await getPolicyVersion();
    const restore = await policyVersionSnapshot();
    await db.insert(consents).values({ userId: member.id, kind: "privacy_policy", policyVersion: current });
    expect(await needsConsent(member.id)).toBe(false);

    const next = `${current}-t${crypto.randomUUID().slice(0, 4)}`;
    try {
      await updateLegalText({
        actorId: admin.id,
        page: "privacy",
        texts: { de: "## Neu" },
        newPolicyVersion: next,
      });
      expect(await getPolicyVersion()).toBe(next);
      expect(await needsConsent(member.id)).toBe(true);
      await acceptPrivacyPolicy({ userId: member.id });
      expect(await needsConsent(member.id)).toBe(false);
      const versions = (await db.select().from(consents).where(eq(consents.userId, member.id))).map(
        (c) => c.policyVersion,
      );
      expect(versions.sort()).toEqual([current, next].sort());
      expect((await auditEntriesFor("legal.privacy"))[0]).toMatchObject({
        action: "settings.legalUpdated",
        data: { policyVersion: next },
      });
    } finally {
      // Other test files share this database on PostgreSQL: put the version back.
      await restore();
    }
  });

  it("asks invited members (no consent yet) only about versions published after they joined", async () => {
    const admin = await createPerson("admin");
    const member = await createPerson("member");
    const _db = await getDb();
    const restore = await policyVersionSnapshot();
    expect(await needsConsent(member.id)).toBe(false);
    try {
      // a version dated tomorrow was published after the member joined
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      await updateLegalText({
        actorId: admin.id,
        page: "privacy",
        texts: { de: "## Neu" },
        newPolicyVersion: tomorrow,
      });
      expect(await needsConsent(member.id)).toBe(true);
      await acceptPrivacyPolicy({ userId: member.id });
      expect(await needsConsent(member.id)).toBe(false);
    } finally {
      await restore();
    }
  });
});
