// Two decisions on one report at the same moment (two coordinators, or one pressing two buttons):
// exactly one is applied, the report says which, the author and the reporter hear of it once, and the
// other coordinator is told the report was already decided, which is then true.
import { and, eq, like, sum } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, forumPosts, messages, notifications, reports } from "@/db/schema";
import { resolveReportAction } from "@/lib/moderation/actions";
import { redirectTarget } from "../support/actions";
import { createSession, createUser } from "../support/factories";
import { form } from "../support/forms";
import { member } from "../support/messages-factories";
import { reportedMessage, reportedReply } from "../support/moderation";

// Each action reads the session cookie of its own call: two coordinators act at the same moment.
const session = await vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import("node:async_hooks");
  return new AsyncLocalStorage<string>();
});
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => {
      const value = session.getStore();
      return name === "authjs.session-token" && value ? { name, value } : undefined;
    },
  }),
  headers: async () => new Headers(),
}));

const REPORT_STATUS = { hide: "hidden", delete: "deleted", dismiss: "dismissed" } as const;
type Decision = keyof typeof REPORT_STATUS;

/**
 * Each coordinator sends the queue's form for the report at the same moment; resolves to the outcome
 * each page then names (`done=`).
 */
async function decideAtOnce(reportId: string, decisions: { coordinatorId: string; decision: Decision }[]) {
  const tokens = await Promise.all(decisions.map((d) => createSession(d.coordinatorId)));
  return Promise.all(
    decisions.map((d, i) => {
      const fields = {
        reportId,
        decision: d.decision,
        ...(d.decision === "delete" ? { confirmed: "yes" } : {}),
      };
      return session.run(tokens[i]!, () =>
        resolveReportAction(form(fields)).then(
          () => "no redirect",
          (error: unknown) =>
            new URL(redirectTarget(error) ?? "/?done=error", "http://x").searchParams.get("done"),
        ),
      );
    }),
  );
}

/** How many moderation notices this member has on this subject (a burst by one actor counts each). */
async function notices(recipientId: string, subjectKey: string) {
  const db = await getDb();
  const [row] = await db
    .select({ n: sum(notifications.count) })
    .from(notifications)
    .where(
      and(
        eq(notifications.recipientId, recipientId),
        eq(notifications.kind, "moderation"),
        eq(notifications.subjectKey, subjectKey),
      ),
    );
  return Number(row?.n ?? 0);
}

async function reportStatus(reportId: string) {
  const db = await getDb();
  const [row] = await db.select({ status: reports.status }).from(reports).where(eq(reports.id, reportId));
  return row?.status;
}

async function decisionsLogged(targetId: string) {
  const db = await getDb();
  const rows = await db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.targetId, targetId), like(auditLog.action, "moderation.%")));
  return rows.map((r) => r.action);
}

/** The one decision applied, and the other refused as taken already. */
function winnerOf(outcomes: (string | null)[]): Decision {
  expect(outcomes).toHaveLength(2);
  expect(outcomes.filter((o) => o === "reportClosed")).toHaveLength(1);
  const winner = outcomes.find((o) => o !== "reportClosed");
  expect(Object.keys(REPORT_STATUS)).toContain(winner);
  return winner as Decision;
}

describe("two coordinators deciding on the same reported post at once", () => {
  it.each([
    ["hide", "dismiss"],
    ["dismiss", "hide"],
  ] as const)(
    "%s and %s: one applies, and the report, the post and the notices agree",
    async (first, second) => {
      const w = await reportedReply();
      const other = await createUser({ role: "coordinator" });
      const outcomes = await decideAtOnce(w.reportId, [
        { coordinatorId: w.coordinator.id, decision: first },
        { coordinatorId: other.id, decision: second },
      ]);
      const winner = winnerOf(outcomes);
      const db = await getDb();
      const [post] = await db
        .select({ status: forumPosts.status })
        .from(forumPosts)
        .where(eq(forumPosts.id, w.postId));
      expect(await reportStatus(w.reportId)).toBe(REPORT_STATUS[winner]);
      expect(post?.status).toBe(winner === "hide" ? "hidden" : "visible");
      expect(await decisionsLogged(String(w.postId))).toEqual([`moderation.${winner}`]);
      expect(await notices(w.reporter.id, `report:post:${w.postId}`)).toBe(1);
      expect(await notices(w.author.id, `post:${w.postId}`)).toBe(winner === "hide" ? 1 : 0);
    },
  );
});

describe("one coordinator pressing Hide and then Delete before the page reloads", () => {
  it("applies one of them: the author hears once, the reporter once", async () => {
    const w = await reportedReply();
    const outcomes = await decideAtOnce(w.reportId, [
      { coordinatorId: w.coordinator.id, decision: "hide" },
      { coordinatorId: w.coordinator.id, decision: "delete" },
    ]);
    const winner = winnerOf(outcomes);
    const db = await getDb();
    const [post] = await db
      .select({ status: forumPosts.status })
      .from(forumPosts)
      .where(eq(forumPosts.id, w.postId));
    expect(post?.status).toBe(winner === "hide" ? "hidden" : "deleted");
    expect(await reportStatus(w.reportId)).toBe(REPORT_STATUS[winner]);
    expect(await decisionsLogged(String(w.postId))).toEqual([`moderation.${winner}`]);
    expect(await notices(w.author.id, `post:${w.postId}`)).toBe(1);
    expect(await notices(w.reporter.id, `report:post:${w.postId}`)).toBe(1);
  });
});

describe("two coordinators deciding on the same reported message at once", () => {
  it("hide and dismiss: one applies, the message and the report agree, each hears once", async () => {
    const w = await reportedMessage();
    const other = await member("Dora Koordiniert", { role: "coordinator" });
    const outcomes = await decideAtOnce(w.reportId, [
      { coordinatorId: w.coordinator.id, decision: "hide" },
      { coordinatorId: other.id, decision: "dismiss" },
    ]);
    const winner = winnerOf(outcomes);
    const db = await getDb();
    const [message] = await db
      .select({ removedBy: messages.removedBy })
      .from(messages)
      .where(eq(messages.id, w.messageId));
    expect(await reportStatus(w.reportId)).toBe(REPORT_STATUS[winner]);
    expect(message?.removedBy ?? null).toBe(winner === "hide" ? "moderator" : null);
    expect(await decisionsLogged(w.messageId)).toEqual([`moderation.${winner}`]);
    expect(await notices(w.amal.id, `report:message:${w.messageId}`)).toBe(1);
    expect(await notices(w.katrin.id, `message:${w.messageId}`)).toBe(winner === "hide" ? 1 : 0);
  });
});
