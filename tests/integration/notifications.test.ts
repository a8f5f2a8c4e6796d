import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { countUnread, getNotificationSettings, listNotifications } from "@/lib/notifications/data";
import { scheduleDigests } from "@/lib/notifications/jobs";
import {
  markAllNotificationsRead,
  markNotificationRead,
  markSubjectRead,
  notify,
} from "@/lib/notifications/mutations";
import { saveNotificationSettings, turnOffByToken } from "@/lib/notifications/settings-mutations";
import { createTurnOffToken, verifyTurnOffToken } from "@/lib/notifications/tokens";
import { createTestEvent } from "../support/event-factories";
import { createUser } from "../support/factories";
import { member, outboxTo } from "../support/messages-factories";
import { MAIL_WINDOW } from "../support/notification-lines";

// Made-up subjects of an area without a notification source: no thread is looked up.
const thread = () => `example:${crypto.randomUUID()}`;

describe("notify and the notification centre", () => {
  it("adds one line per recipient, never for the actor, and counts unread", async () => {
    const actor = await member("Anna Autorin");
    const reader = await member("Bernd Leser");
    const subjectKey = thread();
    await notify({
      recipientIds: [reader.id, actor.id],
      kind: "reply",
      actorId: actor.id,
      url: "/forum/t/1",
      subjectKey,
      params: { title: "Sprachkurse im Herbst" },
    });
    expect((await countUnread(reader.id, reader.role)).notifications).toBe(1);
    expect((await countUnread(actor.id, actor.role)).notifications).toBe(0);
    const { items } = await listNotifications({ reader: reader });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "reply", url: "/forum/t/1", actorName: actor.name, count: 1 });
  });

  it("folds a burst on one subject into one line and one mail", async () => {
    const actor = await member("Carla Schreiberin");
    const reader = await member("Dieter Empfänger");
    const subjectKey = thread();
    for (let i = 0; i < 5; i++) {
      await notify({
        recipientIds: [reader.id],
        kind: "reply",
        actorId: actor.id,
        url: `/forum/t/2#p-${i}`,
        subjectKey,
        params: { title: "Wohnungssuche" },
      });
    }
    const { items } = await listNotifications({ reader: reader });
    expect(items).toHaveLength(1);
    expect(items[0]?.count).toBe(5);

    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const mails = await outboxTo(reader.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain("5 neue Antworten");
    expect(mails[0]?.subject).toContain("Wohnungssuche");
    expect(mails[0]?.text).toContain("http://localhost:3000/forum/t/2#p-4");
    expect(mails[0]?.text).toContain("/notifications/off?token=");
  });

  it("sends no mail for what the recipient has already read", async () => {
    const actor = await member("Emil Absender");
    const reader = await member("Frida Schnell");
    const subjectKey = thread();
    await notify({
      recipientIds: [reader.id],
      kind: "mention",
      actorId: actor.id,
      url: "/forum/t/3",
      subjectKey,
      params: { title: "Ehrenamt" },
    });
    await markSubjectRead({ userId: reader.id, subjectKey });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(reader.email)).toHaveLength(0);
    expect((await countUnread(reader.id, reader.role)).notifications).toBe(0);
  });

  it("marks one or all read, only the member's own", async () => {
    const actor = await member("Gert Aktiv");
    const reader = await member("Hanna Liest");
    const other = await member("Ida Fremd");
    for (const title of ["Eins", "Zwei"]) {
      await notify({
        recipientIds: [reader.id],
        kind: "event_change",
        actorId: actor.id,
        url: "/events/1",
        subjectKey: thread(),
        params: { title },
      });
    }
    const { items } = await listNotifications({ reader: reader });
    expect(await markNotificationRead({ userId: other.id, id: items[0]!.id })).toBe(false);
    expect((await countUnread(reader.id, reader.role)).notifications).toBe(2);
    expect(await markNotificationRead({ userId: reader.id, id: items[0]!.id })).toBe(true);
    expect((await countUnread(reader.id, reader.role)).notifications).toBe(1);
    expect(await markAllNotificationsRead({ userId: reader.id })).toBe(1);
    expect((await countUnread(reader.id, reader.role)).notifications).toBe(0);
  });

  it("pages the centre by keyset without gaps or repeats", async () => {
    const actor = await member("Jan Viel");
    const reader = await member("Karin Geduld");
    for (let i = 0; i < 7; i++) {
      await notify({
        recipientIds: [reader.id],
        kind: "event_change",
        actorId: actor.id,
        url: `/events/${i}`,
        subjectKey: thread(),
        params: { title: `Termin ${i}` },
      });
    }
    const seen: string[] = [];
    let before = null;
    for (let page = 0; page < 5; page++) {
      const result: Awaited<ReturnType<typeof listNotifications>> = await listNotifications({
        reader: reader,
        before,
        limit: 3,
      });
      seen.push(...result.items.map((i) => i.params.title ?? ""));
      before = result.next;
      if (!before) break;
    }
    expect(seen).toEqual([
      "Termin 6",
      "Termin 5",
      "Termin 4",
      "Termin 3",
      "Termin 2",
      "Termin 1",
      "Termin 0",
    ]);
  });

  it("skips members who are not approved", async () => {
    const actor = await member("Lea Aktiv");
    const pending = await createUser({ status: "pending" });
    await notify({
      recipientIds: [pending.id],
      kind: "mention",
      actorId: actor.id,
      url: "/x",
      subjectKey: thread(),
      params: { title: "x" },
    });
    expect((await countUnread(pending.id, pending.role)).notifications).toBe(0);
  });
});

describe("e-mail settings", () => {
  it("off sends nothing; digest collects into one daily mail at the chosen hour (Europe/Berlin)", async () => {
    const actor = await member("Mia Schreibt");
    const reader = await member("Nora Sammelt");
    await saveNotificationSettings({
      userId: reader.id,
      digestHour: 18,
      modes: {
        message: "immediate",
        mention: "off",
        reply: "digest",
        moderation: "immediate",
        event_change: "digest",
        application_decision: "off",
        applications_waiting: "immediate",
      },
    });
    await notify({
      recipientIds: [reader.id],
      kind: "mention",
      actorId: actor.id,
      url: "/forum/t/9",
      subjectKey: thread(),
      params: { title: "Stumm" },
    });
    await notify({
      recipientIds: [reader.id],
      kind: "reply",
      actorId: actor.id,
      url: "/forum/t/10",
      subjectKey: thread(),
      params: { title: "Integrationskurs" },
    });
    // The event exists and takes place: the mailer asks (lib/events/notification-source.ts).
    const { eventId } = await createTestEvent(actor.id, { title: "Sommerfest" });
    await notify({
      recipientIds: [reader.id],
      kind: "event_change",
      actorId: actor.id,
      url: `/events/${eventId}`,
      subjectKey: `event:${eventId}`,
      params: { title: "Sommerfest" },
    });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(reader.email)).toHaveLength(0);

    // 17:00 UTC on a winter day is 18:00 in Berlin: the chosen hour.
    await scheduleDigests({ at: "2026-01-15T16:00:00Z" }); // 17:00 Berlin: not yet
    await runQueuedJobs();
    expect(await outboxTo(reader.email)).toHaveLength(0);
    await scheduleDigests({ at: "2026-01-15T17:00:00Z" });
    await runQueuedJobs();
    const mails = await outboxTo(reader.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe("Ihre tägliche Zusammenfassung: 2 Neuigkeiten");
    expect(mails[0]?.text).toContain("Integrationskurs");
    expect(mails[0]?.text).toContain("Sommerfest");
    expect(mails[0]?.text).not.toContain("Stumm");
    expect(mails[0]?.text).toContain("http://localhost:3000/forum/t/10");

    // Nothing twice.
    await scheduleDigests({ at: "2026-01-16T17:00:00Z" });
    await runQueuedJobs();
    expect(await outboxTo(reader.email)).toHaveLength(1);
  });

  it("turns one kind off from the mail's link, and refuses a forged or revoked token", async () => {
    const reader = await member("Otto Abbestellt");
    const token = createTurnOffToken({ userId: reader.id, scope: "reply", version: 1 });
    expect(verifyTurnOffToken(`${token.slice(0, -2)}xx`)).toBeNull();
    const parsed = verifyTurnOffToken(token);
    expect(parsed).toEqual({ userId: reader.id, scope: "reply", version: 1 });
    expect(await turnOffByToken(parsed!)).toBe(true);
    const settings = await getNotificationSettings(reader.id);
    expect(settings.modes.reply).toBe("off");
    expect(settings.modes.message).toBe("immediate");
    expect(await turnOffByToken({ ...parsed!, version: 2 })).toBe(false);
  });

  it("drops waiting mail when a kind is switched off", async () => {
    const actor = await member("Paul Eilig");
    const reader = await member("Quirin Ruhig");
    const subjectKey = thread();
    await notify({
      recipientIds: [reader.id],
      kind: "reply",
      actorId: actor.id,
      url: "/forum/t/11",
      subjectKey,
      params: { title: "Eilt" },
    });
    const settings = await getNotificationSettings(reader.id);
    await saveNotificationSettings({
      userId: reader.id,
      digestHour: 7,
      modes: { ...settings.modes, reply: "off" },
    });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(reader.email)).toHaveLength(0);
    const db = await getDb();
    const rows = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, reader.id)));
    expect(rows.map((r) => r.emailStatus)).toEqual(["skipped"]);
  });
});
