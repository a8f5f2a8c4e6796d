// A coordinator hides a reported message while its author deletes it: whichever comes second sees
// the other's result, checked under the message's lock. The author's deletion is never turned into a
// coordinator's "hide" (nor logged or told as one), and a hidden message is not the author's to delete.
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, messages, notifications, reports } from "@/db/schema";
import { messageSubject } from "@/lib/messages/moderation-subject";
import { deleteOwnMessage } from "@/lib/messages/removal";
import { decideReport, reportedMessage } from "../support/moderation";

/** Who removed the message, the report's state, what was logged and whether the reporter was told. */
async function outcome(w: Awaited<ReturnType<typeof reportedMessage>>) {
  const db = await getDb();
  const [message] = await db
    .select({ removedBy: messages.removedBy })
    .from(messages)
    .where(eq(messages.id, w.messageId));
  const [report] = await db
    .select({ status: reports.status })
    .from(reports)
    .where(eq(reports.id, w.reportId));
  const logged = await db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, w.coordinator.id), eq(auditLog.targetId, w.messageId)));
  const told = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.recipientId, w.amal.id), eq(notifications.kind, "moderation")));
  return {
    removedBy: message?.removedBy,
    report: report?.status,
    logged: logged.map((l) => l.action),
    told: told.length,
  };
}

describe("a message its author deletes after the queue's check and before the hide", () => {
  it("is refused where the message is changed: it stays the author's, the report open, nothing logged or told", async () => {
    const w = await reportedMessage();
    // The queue read the message as visible; its author deletes it before the coordinator's hide lands.
    const preview = messageSubject.preview;
    const spy = vi.spyOn(messageSubject, "preview").mockImplementationOnce(async (id) => {
      const seen = await preview(id);
      await deleteOwnMessage({ userId: w.katrin.id, messageId: w.messageId });
      return seen;
    });
    expect(await decideReport(w.coordinator.id, w.reportId, "hide")).toBe(
      "redirected:/admin/moderation?done=decisionRefused",
    );
    spy.mockRestore();
    expect(await outcome(w)).toEqual({ removedBy: "author", report: "open", logged: [], told: 0 });
  });

  it("is refused by the handler itself, under the message's lock", async () => {
    const w = await reportedMessage();
    await deleteOwnMessage({ userId: w.katrin.id, messageId: w.messageId });
    const db = await getDb();
    for (const decision of ["hide", "delete"] as const)
      await expect(
        db.transaction((tx) => messageSubject.apply(tx, w.messageId, decision, w.coordinator.id)),
      ).rejects.toThrow("decisionRefused");
    expect((await outcome(w)).removedBy).toBe("author");
  });
});

describe("a coordinator's hide and the author's delete at the same moment", () => {
  it("leaves exactly one of them done, and the state tells which", async () => {
    for (let round = 0; round < 3; round++) {
      const w = await reportedMessage();
      const [decided, deleted] = await Promise.all([
        decideReport(w.coordinator.id, w.reportId, "hide"),
        deleteOwnMessage({ userId: w.katrin.id, messageId: w.messageId }).then(
          () => "deleted",
          () => "refused",
        ),
      ]);
      const state = await outcome(w);
      if (state.removedBy === "moderator") {
        expect({ decided, deleted, ...state }).toEqual({
          decided: "redirected:/admin/moderation?done=hide",
          deleted: "refused",
          removedBy: "moderator",
          report: "hidden",
          logged: ["moderation.hide"],
          told: 1,
        });
      } else {
        expect({ decided, deleted, ...state }).toEqual({
          decided: "redirected:/admin/moderation?done=decisionRefused",
          deleted: "deleted",
          removedBy: "author",
          report: "open",
          logged: [],
          told: 0,
        });
      }
    }
  });
});
