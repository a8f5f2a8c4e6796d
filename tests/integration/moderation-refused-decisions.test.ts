// The queue offers only the decisions that fit a reported thing's state, and only on open reports.
// A forged form (or an old report id) gets nothing more: nothing changes, nothing is logged, no
// reporter is told, and the report stays as it was.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, forumPosts, messages, notifications, reports } from "@/db/schema";
import { setPostStatus } from "@/lib/forum/moderation-mutations";
import { listMessages } from "@/lib/messages/data";
import { deleteOwnMessage } from "@/lib/messages/removal";
import { approvePostAction } from "@/lib/moderation/actions";
import { SUBJECTS } from "@/lib/moderation/subjects";
import { actAs } from "../support/actions";
import { createSession } from "../support/factories";
import { decideReport, reportedMessage, reportedReply } from "../support/moderation";

async function reportStatus(reportId: string) {
  const db = await getDb();
  const [row] = await db.select({ status: reports.status }).from(reports).where(eq(reports.id, reportId));
  return row?.status;
}

async function postStatus(postId: number) {
  const db = await getDb();
  const [row] = await db
    .select({ status: forumPosts.status })
    .from(forumPosts)
    .where(eq(forumPosts.id, postId));
  return row?.status;
}

/** What the coordinator's decisions left in the log and in the reporter's notifications. */
async function traces(coordinatorId: string, reporterId: string) {
  const db = await getDb();
  const audit = await db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.actorId, coordinatorId));
  const told = await db
    .select({ kind: notifications.kind })
    .from(notifications)
    .where(and(eq(notifications.recipientId, reporterId), eq(notifications.kind, "moderation")));
  return { audit: audit.map((a) => a.action).sort(), told: told.length };
}

/** Submits the held-posts form (approve, or the confirmed delete) as the coordinator. */
async function approval(coordinatorId: string, postId: number, decision: "approve" | "delete") {
  const form = new FormData();
  form.set("postId", String(postId));
  form.set("decision", decision);
  form.set("confirmed", "yes");
  return actAs(await createSession(coordinatorId), () => approvePostAction(form));
}

describe("a reported forum post its author deleted", () => {
  it("stays deleted when a coordinator sends a forged restore; nothing is logged, nobody told, the report stays open", async () => {
    const w = await reportedReply();
    await setPostStatus({ postId: w.postId, status: "deleted", actorId: w.author.id });

    expect(await decideReport(w.coordinator.id, w.reportId, "restore")).toBe(
      "redirected:/admin/moderation?done=decisionRefused",
    );
    expect(await postStatus(w.postId)).toBe("deleted");
    expect(await reportStatus(w.reportId)).toBe("open");
    expect(await traces(w.coordinator.id, w.reporter.id)).toEqual({ audit: [], told: 0 });

    // Hiding or deleting what is gone is refused alike; closing the report still works.
    expect(await decideReport(w.coordinator.id, w.reportId, "hide")).toBe(
      "redirected:/admin/moderation?done=decisionRefused",
    );
    expect(await decideReport(w.coordinator.id, w.reportId, "delete", "yes")).toBe(
      "redirected:/admin/moderation?done=decisionRefused",
    );
    expect(await postStatus(w.postId)).toBe("deleted");
    expect(await decideReport(w.coordinator.id, w.reportId, "dismiss")).toBe(
      "redirected:/admin/moderation?done=dismiss",
    );
    expect(await reportStatus(w.reportId)).toBe("dismissed");
    expect(await postStatus(w.postId)).toBe("deleted");
  });
});

describe("a post deleted by its author between reading the queue and deciding", () => {
  it("is refused where the post is changed, under its lock", async () => {
    const w = await reportedReply();
    await setPostStatus({ postId: w.postId, status: "deleted", actorId: w.author.id });
    const db = await getDb();
    await expect(
      db.transaction((tx) => SUBJECTS.post!.apply(tx, String(w.postId), "restore", w.coordinator.id)),
    ).rejects.toThrow("decisionRefused");
    expect(await postStatus(w.postId)).toBe("deleted");
    expect(await traces(w.coordinator.id, w.reporter.id)).toEqual({ audit: [], told: 0 });
  });
});

describe("a reported forum post in the queue", () => {
  it("is hidden by the coordinator; restoring a visible post is refused", async () => {
    const w = await reportedReply();
    expect(await decideReport(w.coordinator.id, w.reportId, "restore")).toBe(
      "redirected:/admin/moderation?done=decisionRefused",
    );
    expect(await traces(w.coordinator.id, w.reporter.id)).toEqual({ audit: [], told: 0 });

    expect(await decideReport(w.coordinator.id, w.reportId, "hide")).toBe(
      "redirected:/admin/moderation?done=hide",
    );
    expect(await postStatus(w.postId)).toBe("hidden");
    expect(await reportStatus(w.reportId)).toBe("hidden");
    expect(await traces(w.coordinator.id, w.reporter.id)).toEqual({
      audit: ["forum.post.hidden", "moderation.hide"],
      told: 1,
    });
  });

  it("hidden by a coordinator while reported, comes back with restore", async () => {
    const w = await reportedReply();
    await setPostStatus({ postId: w.postId, status: "hidden", actorId: w.coordinator.id });

    expect(await decideReport(w.coordinator.id, w.reportId, "restore")).toBe(
      "redirected:/admin/moderation?done=restore",
    );
    expect(await postStatus(w.postId)).toBe("visible");
    expect(await reportStatus(w.reportId)).toBe("restored");
  });
});

describe("a report already decided", () => {
  it("refuses a second decision: nothing changes, nothing is logged, nobody is told again", async () => {
    const w = await reportedReply();
    expect(await decideReport(w.coordinator.id, w.reportId, "dismiss")).toBe(
      "redirected:/admin/moderation?done=dismiss",
    );
    const before = await traces(w.coordinator.id, w.reporter.id);
    expect(before).toEqual({ audit: ["moderation.dismiss"], told: 1 });

    expect(await decideReport(w.coordinator.id, w.reportId, "hide")).toBe(
      "redirected:/admin/moderation?done=reportClosed",
    );
    expect(await decideReport(w.coordinator.id, w.reportId, "delete", "yes")).toBe(
      "redirected:/admin/moderation?done=reportClosed",
    );
    expect(await decideReport(w.coordinator.id, w.reportId, "dismiss")).toBe(
      "redirected:/admin/moderation?done=reportClosed",
    );
    expect(await postStatus(w.postId)).toBe("visible");
    expect(await reportStatus(w.reportId)).toBe("dismissed");
    expect(await traces(w.coordinator.id, w.reporter.id)).toEqual(before);
  });
});

describe("a reported message its author deleted", () => {
  it("is not 'hidden' by a forged form: no log entry, no word to the reporter, the report can still be dismissed", async () => {
    const w = await reportedMessage();
    await deleteOwnMessage({ userId: w.katrin.id, messageId: w.messageId });

    expect(await decideReport(w.coordinator.id, w.reportId, "hide")).toBe(
      "redirected:/admin/moderation?done=decisionRefused",
    );
    expect(await decideReport(w.coordinator.id, w.reportId, "delete", "yes")).toBe(
      "redirected:/admin/moderation?done=decisionRefused",
    );
    expect(await reportStatus(w.reportId)).toBe("open");
    expect(await traces(w.coordinator.id, w.amal.id)).toEqual({ audit: [], told: 0 });
    // The sender's deletion stays hers: no coordinator's removal takes its place.
    const db = await getDb();
    const [row] = await db
      .select({ removedBy: messages.removedBy })
      .from(messages)
      .where(eq(messages.id, w.messageId));
    expect(row?.removedBy).toBe("author");

    expect(await decideReport(w.coordinator.id, w.reportId, "dismiss")).toBe(
      "redirected:/admin/moderation?done=dismiss",
    );
    expect(await reportStatus(w.reportId)).toBe("dismissed");
  });

  it("a visible reported message is still hidden by the coordinator, and the reporter told", async () => {
    const w = await reportedMessage();
    expect(await decideReport(w.coordinator.id, w.reportId, "hide")).toBe(
      "redirected:/admin/moderation?done=hide",
    );
    const { items } = await listMessages({ conversationId: w.conversationId, viewerId: w.amal.id });
    expect(items.find((m) => m.id === w.messageId)?.deleted).toBe(true);
    expect(await traces(w.coordinator.id, w.amal.id)).toEqual({ audit: ["moderation.hide"], told: 1 });
  });
});

describe("the held-posts form sent for a post that is not held", () => {
  it("does not bring back a post its author deleted, nor delete a published one", async () => {
    const w = await reportedReply();
    expect(await approval(w.coordinator.id, w.postId, "delete")).toBe(
      "redirected:/admin/moderation?done=approveRefused",
    );
    expect(await postStatus(w.postId)).toBe("visible");

    await setPostStatus({ postId: w.postId, status: "deleted", actorId: w.author.id });
    expect(await approval(w.coordinator.id, w.postId, "approve")).toBe(
      "redirected:/admin/moderation?done=approveRefused",
    );
    expect(await postStatus(w.postId)).toBe("deleted");
    expect(await traces(w.coordinator.id, w.reporter.id)).toEqual({ audit: [], told: 0 });
  });
});
