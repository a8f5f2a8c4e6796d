// A message a coordinator removed by deciding on its report can be brought back afterwards from the
// queue's list of removed messages, as the forum restores a hidden post: only by a coordinator, never
// one its author deleted, logged, and its participants see it again (unread for who had not read it).
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, conversationParticipants, notifications } from "@/db/schema";
import { listMessages } from "@/lib/messages/data";
import { reportMessage } from "@/lib/messages/moderation";
import { listRemovedMessages } from "@/lib/messages/moderation-subject";
import { startConversation } from "@/lib/messages/mutations";
import { leaveConversation, markConversationRead } from "@/lib/messages/participation";
import { deleteOwnMessage, setMessageRemoved } from "@/lib/messages/removal";
import { restoreMessageAction } from "@/lib/moderation/actions";
import { actAs } from "../support/actions";
import { createSession } from "../support/factories";
import { member } from "../support/messages-factories";
import { decideReport } from "../support/moderation";

/** Katrin writes to Amal and Bernd; Amal reads it and reports it, Bernd has not read it yet. */
async function reported() {
  const katrin = await member("Katrin Schreibt");
  const amal = await member("Amal Meldet");
  const bernd = await member("Bernd Liest");
  const coordinator = await member("Clara Koordiniert", { role: "coordinator" });
  const body = `Gemeldet ${crypto.randomUUID().slice(0, 8)}`;
  const { conversationId, messageId } = await startConversation({
    senderId: katrin.id,
    recipientIds: [amal.id, bernd.id],
    body,
    files: [],
  });
  await markConversationRead({ userId: amal.id, conversationId });
  const report = await reportMessage({ reporterId: amal.id, messageId, reason: "Beleidigend" });
  return { katrin, amal, bernd, coordinator, body, conversationId, messageId, reportId: report.id };
}

type World = Awaited<ReturnType<typeof reported>>;

async function restoreAs(userId: string, messageId: string) {
  const form = new FormData();
  form.set("messageId", messageId);
  return actAs(await createSession(userId), () => restoreMessageAction(form));
}

/** What each participant reads in the message's place, and Bernd's unread count. */
async function seen(w: World) {
  const read = async (viewerId: string) => {
    const { items } = await listMessages({ conversationId: w.conversationId, viewerId });
    const m = items.find((i) => i.id === w.messageId)!;
    return m.deleted ? `removed:${m.removedBy}` : m.body;
  };
  const db = await getDb();
  const [bernd] = await db
    .select({ unread: conversationParticipants.unreadCount })
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.conversationId, w.conversationId),
        eq(conversationParticipants.userId, w.bernd.id),
      ),
    );
  return { katrin: await read(w.katrin.id), amal: await read(w.amal.id), berndUnread: bernd?.unread };
}

async function logged(messageId: string) {
  const db = await getDb();
  const rows = await db
    .select({ action: auditLog.action, actorId: auditLog.actorId })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "message"), eq(auditLog.targetId, messageId)));
  return rows.map((r) => `${r.action}:${r.actorId}`).sort();
}

/** What the sender was told by the moderation: each line's decision and link, oldest first. */
async function toldSender(w: World) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientId, w.katrin.id), eq(notifications.kind, "moderation")));
  return rows
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((r) => ({ decision: r.params.decision, title: r.params.title, url: r.url }));
}

const listed = async (messageId: string) => (await listRemovedMessages()).some((m) => m.id === messageId);

describe("a message a coordinator hid through a report's decision", () => {
  it("is listed in the queue and restored by a coordinator: everyone sees it again, Bernd has it unread, it is logged", async () => {
    const w = await reported();
    await decideReport(w.coordinator.id, w.reportId, "hide");
    expect(await seen(w)).toEqual({
      katrin: "removed:moderator",
      amal: "removed:moderator",
      berndUnread: 0,
    });
    expect(await listed(w.messageId)).toBe(true);
    // Katrin hears that her message was removed; the line leads nowhere, the message is gone.
    const removed = { decision: "messageRemoved", title: w.body, url: "/notifications" };
    expect(await toldSender(w)).toEqual([removed]);
    const db = await getDb();
    const toldBefore = await db.select().from(notifications).where(eq(notifications.recipientId, w.amal.id));

    expect(await restoreAs(w.coordinator.id, w.messageId)).toBe(
      "redirected:/admin/moderation?done=restoreMessage",
    );
    expect(await seen(w)).toEqual({ katrin: w.body, amal: w.body, berndUnread: 1 });
    expect(await listed(w.messageId)).toBe(false);
    expect(await logged(w.messageId)).toEqual(
      [`moderation.hide:${w.coordinator.id}`, `moderation.restore:${w.coordinator.id}`].sort(),
    );
    // The reporter is told nothing new: the decision they were told of stands as it was made.
    const toldAfter = await db.select().from(notifications).where(eq(notifications.recipientId, w.amal.id));
    expect(toldAfter).toHaveLength(toldBefore.length);
    // Katrin hears that it is back, with a link to it.
    expect((await toldSender(w)).at(-1)).toEqual({
      decision: "messageRestored",
      title: w.body,
      url: `/messages/${w.conversationId}#m-${w.messageId}`,
    });

    // A second restore (an old page) changes nothing and says so.
    expect(await restoreAs(w.coordinator.id, w.messageId)).toBe(
      "redirected:/admin/moderation?done=restoreMessageRefused",
    );
    expect(await logged(w.messageId)).toHaveLength(2);
  });

  it("is refused to anyone who is not a coordinator, its author and the reporter too: nothing changes or is logged", async () => {
    const w = await reported();
    await decideReport(w.coordinator.id, w.reportId, "delete", "yes");
    for (const someone of [w.katrin, w.amal, w.bernd]) {
      expect(await restoreAs(someone.id, w.messageId)).toBe("notFound");
    }
    expect(await seen(w)).toMatchObject({ katrin: "removed:moderator", amal: "removed:moderator" });
    expect(await logged(w.messageId)).toEqual([`moderation.delete:${w.coordinator.id}`]);
    expect(await listed(w.messageId)).toBe(true);
  });
});

describe("a message whose sender has left the group", () => {
  it("is removed without telling them: the conversation is no longer theirs", async () => {
    const w = await reported();
    await leaveConversation({ userId: w.katrin.id, conversationId: w.conversationId });
    await decideReport(w.coordinator.id, w.reportId, "hide");
    expect(await seen(w)).toMatchObject({ amal: "removed:moderator" });
    expect(await toldSender(w)).toEqual([]);
  });
});

describe("a message its author deleted", () => {
  it("is not listed, and a forged restore is refused: it stays deleted, nothing is logged", async () => {
    const w = await reported();
    await deleteOwnMessage({ userId: w.katrin.id, messageId: w.messageId });
    await decideReport(w.coordinator.id, w.reportId, "dismiss");
    expect(await listed(w.messageId)).toBe(false);

    expect(await restoreAs(w.coordinator.id, w.messageId)).toBe(
      "redirected:/admin/moderation?done=restoreMessageRefused",
    );
    expect(await seen(w)).toMatchObject({ katrin: "removed:author", amal: "removed:author" });
    expect(await logged(w.messageId)).toEqual([`moderation.dismiss:${w.coordinator.id}`]);
  });
});

describe("a visible message, or one hidden while its report is still open", () => {
  it("is not in the list (the open report is in the queue above); restoring a visible one is refused", async () => {
    const w = await reported();
    expect(await restoreAs(w.coordinator.id, w.messageId)).toBe(
      "redirected:/admin/moderation?done=restoreMessageRefused",
    );
    expect(await logged(w.messageId)).toEqual([]);
    await setMessageRemoved({ messageId: w.messageId, removed: true });
    expect(await listed(w.messageId)).toBe(false);
  });
});
