// Who removed a reported message decides what the queue may do with it: a coordinator can take back
// their own hiding, never a deletion by the message's author, not even with a forged form.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { messages, reports } from "@/db/schema";
import { listConversations, listMessages } from "@/lib/messages/data";
import { deleteOwnMessage, setMessageRemoved } from "@/lib/messages/removal";
import { listOpenReports } from "@/lib/moderation/data";
import { decisionsFor } from "@/lib/moderation/utils";
import { decideReport, reportedMessage } from "../support/moderation";

/** The queue's entry for the message: the state it shows and the buttons it offers. */
async function queueEntry(messageId: string) {
  const entry = (await listOpenReports()).find((r) => r.subjectId === messageId);
  return entry && { status: entry.subject?.status, decisions: decisionsFor(entry.subject?.status ?? null) };
}

async function seenBy(viewerId: string, conversationId: string, messageId: string) {
  const { items } = await listMessages({ conversationId, viewerId });
  const message = items.find((m) => m.id === messageId)!;
  return { deleted: message.deleted, body: message.body };
}

async function reportStatus(reportId: string) {
  const db = await getDb();
  const [row] = await db.select({ status: reports.status }).from(reports).where(eq(reports.id, reportId));
  return row?.status;
}

describe("a reported message its author deleted", () => {
  it("shows in the queue as deleted by its author, offering only to close the report", async () => {
    const w = await reportedMessage("Das nehme ich zurück");
    await deleteOwnMessage({ userId: w.katrin.id, messageId: w.messageId });

    expect(await queueEntry(w.messageId)).toEqual({ status: "authorDeleted", decisions: ["dismiss"] });
  });

  it("stays deleted when a coordinator sends a forged restore; the report can still be closed", async () => {
    const w = await reportedMessage("Das nehme ich zurück");
    await deleteOwnMessage({ userId: w.katrin.id, messageId: w.messageId });

    expect(await decideReport(w.coordinator.id, w.reportId, "restore")).toBe(
      "redirected:/admin/moderation?done=restoreRefused",
    );
    expect(await seenBy(w.amal.id, w.conversationId, w.messageId)).toEqual({ deleted: true, body: "" });
    expect(await reportStatus(w.reportId)).toBe("open");

    expect(await decideReport(w.coordinator.id, w.reportId, "dismiss")).toBe(
      "redirected:/admin/moderation?done=dismiss",
    );
    expect(await reportStatus(w.reportId)).toBe("dismissed");
    expect(await seenBy(w.amal.id, w.conversationId, w.messageId)).toEqual({ deleted: true, body: "" });
  });

  it("stays deleted when a coordinator 'hides' it afterwards and then restores that", async () => {
    const w = await reportedMessage("Das nehme ich zurück");
    await deleteOwnMessage({ userId: w.katrin.id, messageId: w.messageId });

    await decideReport(w.coordinator.id, w.reportId, "hide");
    expect(await decideReport(w.coordinator.id, w.reportId, "restore")).toBe(
      "redirected:/admin/moderation?done=restoreRefused",
    );
    expect(await seenBy(w.amal.id, w.conversationId, w.messageId)).toEqual({ deleted: true, body: "" });
  });
});

describe("a reported message a coordinator hid", () => {
  it("shows as hidden, and stays the coordinator's: its author cannot delete it", async () => {
    const w = await reportedMessage("Vielleicht doch in Ordnung");
    const db = await getDb();
    expect(await decideReport(w.coordinator.id, w.reportId, "hide")).toBe(
      "redirected:/admin/moderation?done=hide",
    );
    expect(await seenBy(w.amal.id, w.conversationId, w.messageId)).toEqual({ deleted: true, body: "" });
    const [hidden] = await db.select().from(messages).where(eq(messages.id, w.messageId));
    expect(hidden?.removedBy).toBe("moderator");

    // Once hidden, its author cannot delete it any more: it stays the coordinator's to restore.
    await expect(deleteOwnMessage({ userId: w.katrin.id, messageId: w.messageId })).rejects.toThrow();

    // Its report is decided: a second decision on it (an old form) changes nothing.
    expect(await decideReport(w.coordinator.id, w.reportId, "restore")).toBe(
      "redirected:/admin/moderation?done=reportClosed",
    );
    expect(await seenBy(w.amal.id, w.conversationId, w.messageId)).toEqual({ deleted: true, body: "" });
  });

  it("comes back when the coordinator restores it while its report is open", async () => {
    const w = await reportedMessage("Vielleicht doch in Ordnung");
    const db = await getDb();
    await setMessageRemoved({ messageId: w.messageId, removed: true });
    expect(await decideReport(w.coordinator.id, w.reportId, "restore")).toBe(
      "redirected:/admin/moderation?done=restore",
    );
    expect(await seenBy(w.amal.id, w.conversationId, w.messageId)).toEqual({
      deleted: false,
      body: "Vielleicht doch in Ordnung",
    });
    const [restored] = await db.select().from(messages).where(eq(messages.id, w.messageId));
    expect(restored?.removedBy).toBeNull();
  });

  it("is shown as hidden with restore offered while its report is open", async () => {
    const w = await reportedMessage("Noch offen");
    await setMessageRemoved({ messageId: w.messageId, removed: true });
    expect(await queueEntry(w.messageId)).toEqual({
      status: "hidden",
      decisions: ["restore", "delete", "dismiss"],
    });
  });
});

describe("who removed a message, as the conversation tells it", () => {
  /** What its author and the other participant read of it, in the conversation and in their lists. */
  async function removedAsSeen(w: Awaited<ReturnType<typeof reportedMessage>>) {
    return Promise.all(
      [w.katrin.id, w.amal.id].map(async (viewerId) => {
        const { items } = await listMessages({ conversationId: w.conversationId, viewerId });
        const { items: list } = await listConversations({ userId: viewerId });
        return {
          message: items.find((m) => m.id === w.messageId)?.removedBy,
          list: list.find((c) => c.id === w.conversationId)?.last?.removedBy,
        };
      }),
    );
  }

  it("is the coordination for a message a coordinator hid, for its author and the others alike", async () => {
    const w = await reportedMessage("Wird ausgeblendet");
    await decideReport(w.coordinator.id, w.reportId, "hide");
    const byCoordination = { message: "moderator", list: "moderator" };
    expect(await removedAsSeen(w)).toEqual([byCoordination, byCoordination]);
  });

  it("is its author for a message they deleted themselves", async () => {
    const w = await reportedMessage("Nehme ich zurück");
    await deleteOwnMessage({ userId: w.katrin.id, messageId: w.messageId });
    const byAuthor = { message: "author", list: "author" };
    expect(await removedAsSeen(w)).toEqual([byAuthor, byAuthor]);
  });
});
