// A member who reported a message or post still waiting for the coordinators cannot report it again:
// the form says so beside the reason, and the queue keeps one open report (also when both are sent at
// the same moment). Another member's report of it, or a new one after a decision, is taken.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { reports } from "@/db/schema";
import { reportPostAction } from "@/lib/forum/actions";
import { createThread } from "@/lib/forum/mutations";
import { reportMessageAction } from "@/lib/messages/actions";
import { reportMessage } from "@/lib/messages/moderation";
import { startConversation } from "@/lib/messages/mutations";
import { actAs } from "../support/actions";
import { createSession, createUser } from "../support/factories";
import { createCategory } from "../support/forum-factories";
import { member } from "../support/messages-factories";
import { decideReport } from "../support/moderation";

const IDLE = { status: "idle" } as const;

/** Katrin writes to Amal and Bernd. */
async function groupMessage() {
  const katrin = await member("Katrin Schreibt");
  const amal = await member("Amal Meldet");
  const bernd = await member("Bernd Meldet");
  const { messageId } = await startConversation({
    senderId: katrin.id,
    recipientIds: [amal.id, bernd.id],
    body: "Gemeldete Nachricht",
    files: [],
  });
  return { amal, bernd, messageId };
}

async function reportMessageAs(userId: string, messageId: string, reason: string) {
  const form = new FormData();
  form.set("messageId", messageId);
  form.set("reason", reason);
  return actAs(await createSession(userId), () => reportMessageAction(IDLE, form));
}

async function openReports(subjectId: string) {
  const db = await getDb();
  const rows = await db
    .select({ reporterId: reports.reporterId, reason: reports.reason })
    .from(reports)
    .where(and(eq(reports.subjectId, subjectId), eq(reports.status, "open")));
  return rows;
}

describe("reporting a message twice", () => {
  it("is refused beside the reason while the first report is open; the queue keeps the first reason", async () => {
    const w = await groupMessage();
    expect(await reportMessageAs(w.amal.id, w.messageId, "Beleidigend")).toMatchObject({ status: "success" });
    expect(await reportMessageAs(w.amal.id, w.messageId, "Immer noch beleidigend")).toMatchObject({
      status: "error",
      fieldErrors: { reason: { key: "alreadyReported" } },
      values: { reason: "Immer noch beleidigend" },
    });
    // Another participant's report is taken.
    expect(await reportMessageAs(w.bernd.id, w.messageId, "Finde ich auch")).toMatchObject({
      status: "success",
    });
    expect(await openReports(w.messageId)).toEqual(
      expect.arrayContaining([
        { reporterId: w.amal.id, reason: "Beleidigend" },
        { reporterId: w.bernd.id, reason: "Finde ich auch" },
      ]),
    );
    expect(await openReports(w.messageId)).toHaveLength(2);
  });

  it("stores one open report when both are sent at the same moment", async () => {
    const w = await groupMessage();
    const results = await Promise.allSettled([
      reportMessage({ reporterId: w.amal.id, messageId: w.messageId, reason: "Erstens" }),
      reportMessage({ reporterId: w.amal.id, messageId: w.messageId, reason: "Zweitens" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await openReports(w.messageId)).toHaveLength(1);
  });

  it("is taken again once the coordinators decided on the first", async () => {
    const w = await groupMessage();
    const coordinator = await member("Clara Koordiniert", { role: "coordinator" });
    const first = await reportMessage({ reporterId: w.amal.id, messageId: w.messageId, reason: "Erstens" });
    await decideReport(coordinator.id, first.id, "dismiss");
    expect(await reportMessageAs(w.amal.id, w.messageId, "Schon wieder")).toMatchObject({
      status: "success",
    });
    expect(await openReports(w.messageId)).toEqual([{ reporterId: w.amal.id, reason: "Schon wieder" }]);
  });
});

describe("reporting a forum post twice", () => {
  it("is refused beside the reason, as for messages", async () => {
    const author = await createUser();
    const reporter = await createUser();
    const category = await createCategory("members");
    const { postId } = await createThread({
      authorId: author.id,
      categoryId: category.id,
      title: `Thema ${crypto.randomUUID().slice(0, 8)}`,
      body: "Eröffnung",
    });
    const report = async (reason: string) => {
      const form = new FormData();
      form.set("postId", String(postId));
      form.set("reason", reason);
      return actAs(await createSession(reporter.id), () => reportPostAction(IDLE, form));
    };
    expect(await report("Spam")).toEqual({ status: "success" });
    expect(await report("Spam, wirklich")).toMatchObject({
      status: "error",
      fieldErrors: { reason: { key: "alreadyReported" } },
      values: { reason: "Spam, wirklich" },
    });
    expect(await openReports(String(postId))).toEqual([{ reporterId: reporter.id, reason: "Spam" }]);
  });
});
