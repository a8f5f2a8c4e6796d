import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { listAuditActions, listAuditEntries, listAuditNames } from "@/lib/audit/data";
import { AUDIT_PAGE_SIZE } from "@/lib/audit/schema";
import { auditDetails } from "@/lib/audit/utils";
import { updateThreadFlags } from "@/lib/forum/moderation-mutations";
import { createThread } from "@/lib/forum/mutations";
import { saveCategory } from "@/lib/groups/mutations";
import { createPerson } from "../support/admin-factories";
import { createUser } from "../support/factories";
import { createCategory, createGroup } from "../support/forum-factories";

describe("the audit log is append-only in the database", () => {
  it("refuses to change or delete an entry", async () => {
    const admin = await createPerson("admin");
    const db = await getDb();
    const target = crypto.randomUUID();
    await db.insert(auditLog).values({
      actorId: admin.id,
      action: "test.appendOnly",
      targetType: "test",
      targetId: target,
    });
    await expect(
      db.update(auditLog).set({ action: "test.forged" }).where(eq(auditLog.targetId, target)),
    ).rejects.toThrow();
    await expect(db.delete(auditLog).where(eq(auditLog.targetId, target))).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const rows = await db.select().from(auditLog).where(eq(auditLog.targetId, target));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.action).toBe("test.appendOnly");
  });

  it("still lets a removed person's entries lose their actor (the foreign key's own update)", async () => {
    const actor = await createUser();
    const db = await getDb();
    const target = crypto.randomUUID();
    await db.insert(auditLog).values({
      actorId: actor.id,
      action: "test.actorGone",
      targetType: "test",
      targetId: target,
    });
    await db.execute(sql`delete from users where id = ${actor.id}`);
    const [row] = await db.select().from(auditLog).where(eq(auditLog.targetId, target));
    expect(row).toMatchObject({ actorId: null, action: "test.actorGone" });
  });
});

describe("listAuditEntries", () => {
  it("filters by action, actor and target, newest first", async () => {
    const alice = await createPerson("admin", `Alice ${crypto.randomUUID().slice(0, 6)}`);
    const bob = await createPerson("coordinator", `Bob ${crypto.randomUUID().slice(0, 6)}`);
    const db = await getDb();
    const action = `test.filter${crypto.randomUUID().slice(0, 6)}`;
    const targetA = crypto.randomUUID();
    await db.insert(auditLog).values({ actorId: alice.id, action, targetType: "test", targetId: targetA });
    await db
      .insert(auditLog)
      .values({ actorId: bob.id, action, targetType: "test", targetId: crypto.randomUUID() });

    const byAction = await listAuditEntries({ action });
    expect(byAction.map((e) => e.actorName)).toEqual([bob.name, alice.name]);
    const byActor = await listAuditEntries({ action, actor: alice.name!.slice(0, 9) });
    expect(byActor.map((e) => e.targetId)).toEqual([targetA]);
    expect(await listAuditEntries({ target: targetA })).toHaveLength(1);
    expect(await listAuditActions()).toContain(action);
  });

  it("pages by keyset without gaps or repeats", async () => {
    const admin = await createPerson("admin");
    const db = await getDb();
    const action = `test.paging${crypto.randomUUID().slice(0, 6)}`;
    const total = AUDIT_PAGE_SIZE + 7;
    // Same timestamp for many rows: the id breaks the tie.
    await db.insert(auditLog).values(
      Array.from({ length: total }, (_, i) => ({
        actorId: admin.id,
        action,
        targetType: "test",
        targetId: String(i),
        createdAt: new Date("2026-11-20T10:00:00Z"),
      })),
    );
    const first = await listAuditEntries({ action });
    expect(first).toHaveLength(AUDIT_PAGE_SIZE);
    const second = await listAuditEntries({ action, after: first.at(-1)!.id });
    expect(second).toHaveLength(7);
    const ids = new Set([...first, ...second].map((e) => e.targetId));
    expect(ids.size).toBe(total);
  });

  it("filters by day in Berlin time", async () => {
    const admin = await createPerson("admin");
    const db = await getDb();
    const action = `test.days${crypto.randomUUID().slice(0, 6)}`;
    // 23:30 UTC on 1 Nov is already 2 Nov in Berlin
    await db.insert(auditLog).values({
      actorId: admin.id,
      action,
      targetType: "test",
      targetId: "late",
      createdAt: new Date("2026-11-01T23:30:00Z"),
    });
    expect(await listAuditEntries({ action, from: "2026-11-02", to: "2026-11-02" })).toHaveLength(1);
    expect(await listAuditEntries({ action, to: "2026-11-01" })).toHaveLength(0);
  });
});

describe("the audit log names its targets", () => {
  it("by the campaign's, event's, date's, thread's and working group's names, linked where a page exists (a date to its day)", async () => {
    const { auditTargetHref, auditTargetLabel } = await import("@/lib/audit/utils");
    const { createTestEvent } = await import("../support/event-factories");
    const { createCategory, createGroup } = await import("../support/forum-factories");
    const { campaigns, forumThreads } = await import("@/db/schema");
    const coordinator = await createPerson("coordinator");
    const db = await getDb();
    const uid = crypto.randomUUID().slice(0, 6);
    const [campaign] = await db
      .insert(campaigns)
      .values({ title: `Sommerfest ${uid}`, audience: {} as never, versions: {} })
      .returning();
    const event = await createTestEvent(coordinator.id, { title: `Sprechstunde Zeitz ${uid}` });
    const date = event.occurrences[0]!;
    const category = await createCategory("members");
    const [thread] = await db
      .insert(forumThreads)
      .values({ categoryId: category.id, title: `Wohnungssuche ${uid}`, slug: "wohnungssuche" })
      .returning();
    const group = await createGroup();
    const gone = crypto.randomUUID();
    const action = `test.targets${uid}`;
    const targets = [
      ["campaign", campaign!.id],
      ["event", event.eventId],
      ["event_occurrence", date.id],
      ["forum_thread", String(thread!.id)],
      ["working_group", group.id],
      ["campaign", gone],
      ["forum_thread", "not-a-number"],
    ] as const;
    await db
      .insert(auditLog)
      .values(
        targets.map(([targetType, targetId]) => ({ actorId: coordinator.id, action, targetType, targetId })),
      );

    const entries = await listAuditEntries({ action });
    const shown = new Map(entries.map((e) => [`${e.targetType}:${e.targetId}`, e]));
    const view = (type: string, id: string) => {
      const entry = shown.get(`${type}:${id}`)!;
      return { label: auditTargetLabel("de", entry), href: auditTargetHref(entry) };
    };
    expect(view("campaign", campaign!.id)).toEqual({
      label: `Sommerfest ${uid}`,
      href: `/admin/campaigns/${campaign!.id}`,
    });
    expect(view("event", event.eventId)).toEqual({
      label: `Sprechstunde Zeitz ${uid}`,
      href: `/events/${event.eventId}`,
    });
    const when = new Intl.DateTimeFormat("de", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Europe/Berlin",
    }).format(date.startsAt);
    // A date of a series links to that date, not to the series' next one.
    expect(view("event_occurrence", date.id)).toEqual({
      label: `Sprechstunde Zeitz ${uid}, ${when}`,
      href: `/events/${event.eventId}?date=${date.slotDate}`,
    });
    expect(when).toMatch(/10:00$/);
    expect(view("forum_thread", String(thread!.id))).toEqual({
      label: `Wohnungssuche ${uid}`,
      href: `/forum/t/${thread!.id}/wohnungssuche`,
    });
    expect(view("working_group", group.id)).toEqual({ label: group.name, href: null });
    // Something deleted since, or an id of an unexpected shape, shows its kind and id marked deleted, unlinked.
    expect(view("campaign", gone)).toEqual({ label: `Kampagne ${gone} (gelöscht)`, href: null });
    expect(view("forum_thread", "not-a-number")).toEqual({
      label: "Forumsthema not-a-number (gelöscht)",
      href: null,
    });
    // The "target" filter finds them by those names too ("who cancelled the Zeitz meeting?").
    const byName = await listAuditEntries({ action, target: `zeitz ${uid}` });
    expect(byName.map((e) => e.targetType).sort()).toEqual(["event", "event_occurrence"]);
    expect(
      (await listAuditEntries({ action, target: `Wohnungssuche ${uid}` })).map((e) => e.targetId),
    ).toEqual([String(thread!.id)]);
    expect(await listAuditEntries({ action, target: `Sommerfest ${uid}` })).toHaveLength(1);
    // The names come with the page's one query, in the page's order.
    expect(entries.map((e) => e.targetId)).toEqual(targets.map(([, id]) => id).reverse());
  });
});

describe("listAuditNames", () => {
  it("names the category a thread was moved to and a category's working group, not their ids", async () => {
    const coordinator = await createPerson("coordinator");
    const group = await createGroup();
    const from = await createCategory("members");
    const to = await createCategory("members");
    const { thread } = await createThread({
      authorId: coordinator.id,
      categoryId: from.id,
      title: "Umzug nach Zeitz",
      body: "Wer hilft?",
    });
    await updateThreadFlags({ threadId: thread.id, actorId: coordinator.id, set: { categoryId: to.id } });
    const category = await saveCategory({
      actorId: coordinator.id,
      name: `AK-Kategorie ${crypto.randomUUID().slice(0, 6)}`,
      description: "",
      color: "#1d4ed8",
      visibility: "group",
      groupId: group.id,
      position: 1,
    });

    const [moved] = await listAuditEntries({ action: "forum.thread.update", target: String(thread.id) });
    const [created] = await listAuditEntries({ action: "forum.category.create", target: category.id });
    const names = await listAuditNames([moved!, created!]);
    expect(auditDetails("de", moved!.data, names)).toEqual([{ label: "Kategorie", value: to.name }]);
    expect(auditDetails("de", created!.data, names)).toContainEqual({
      label: "Arbeitsgruppe",
      value: group.name,
    });
  });
});
