import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, type ReportStatus, reports, users } from "@/db/schema";
import { isAuditTargetType } from "@/lib/audit/constants";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { sendForumNotification } from "@/lib/forum/notify";
import { NOTIFICATIONS_PATH } from "@/lib/notifications/kinds";
import { type Decision, SUBJECTS } from "./subjects";
import { decisionFits } from "./utils";

/**
 * A member reports some content ("post", "message", …). A second report of the same thing by the
 * same person while the first is open is refused ("alreadyReported", beside the reason): checked under
 * the reporter's row lock, so two sent at once store one.
 */
export async function reportContent(input: {
  reporterId: string;
  subjectType: string;
  subjectId: string;
  reason: string;
}): Promise<{ id: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, input.reporterId)).for("update");
    const [existing] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.reporterId, input.reporterId),
          eq(reports.subjectType, input.subjectType),
          eq(reports.subjectId, input.subjectId),
          eq(reports.status, "open"),
        ),
      )
      .limit(1);
    if (existing) throw new AppError({ code: "conflict", message: "alreadyReported", field: "reason" });
    const [row] = await tx.insert(reports).values(input).returning({ id: reports.id });
    return row!;
  });
}

/**
 * Whether a reported thing is gone because its author deleted it: a message says so itself; a post
 * deleted without a coordinator's logged deletion (a held post rejected, a queue decision) was
 * deleted by its author, the only other way a post goes.
 */
async function removedByAuthor(subjectType: string, subjectId: string, status: string | undefined) {
  if (status === "authorDeleted") return true;
  if (subjectType !== "post" || status !== "deleted") return false;
  const db = await getDb();
  const [logged] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, "forum.post.deleted"),
        eq(auditLog.targetType, "forum_post"),
        eq(auditLog.targetId, subjectId),
      ),
    )
    .limit(1);
  return !logged;
}

const STATUS_OF: Record<Decision, ReportStatus> = {
  hide: "hidden",
  restore: "restored",
  delete: "deleted",
  dismiss: "dismissed",
};

/**
 * A coordinator decides on a report: the subject is hidden, restored or deleted (or the report
 * dismissed), every open report on the same subject is closed with it, and the reporters are told
 * (that the whole thread went, where an opening post took it along). A closed report ("reportClosed")
 * or a decision the queue does not offer for the subject's state ("decisionRefused"; "removedByAuthor"
 * for restoring a message its author deleted) is refused: nothing changes, is logged or told.
 * The reports are claimed under their row locks before the subject changes, in one transaction: of two
 * decisions at once (two coordinators, a double click) exactly one is applied, logged and told.
 */
export async function resolveReport(input: { reportId: string; decision: Decision; actorId: string }) {
  const db = await getDb();
  const [report] = await db.select().from(reports).where(eq(reports.id, input.reportId));
  if (!report) return null;
  if (report.status !== "open") throw new AppError({ code: "conflict", message: "reportClosed" });
  const handler = SUBJECTS[report.subjectType];
  const subject = await handler?.preview(report.subjectId);
  if (subject && !decisionFits(subject.status, input.decision)) {
    // Changed by another decision on this report since it was read: that one is what happened.
    const [now] = await db.select({ status: reports.status }).from(reports).where(eq(reports.id, report.id));
    if (now?.status !== "open") throw new AppError({ code: "conflict", message: "reportClosed" });
    const byAuthor = subject.status === "authorDeleted" && input.decision === "restore";
    throw new AppError({ code: "conflict", message: byAuthor ? "removedByAuthor" : "decisionRefused" });
  }
  // Dismissing a report on what its author deleted meanwhile: the reporter learns it is gone.
  const goneByAuthor =
    input.decision === "dismiss" &&
    (await removedByAuthor(report.subjectType, report.subjectId, subject?.status));
  const { closed, applied } = await db.transaction(async (tx) => {
    // A second decision waits here for the first, then finds nothing open: the report is the first's.
    const open = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.subjectType, report.subjectType),
          eq(reports.subjectId, report.subjectId),
          eq(reports.status, "open"),
        ),
      )
      .orderBy(reports.id)
      .for("update");
    if (!open.some((r) => r.id === report.id))
      throw new AppError({ code: "conflict", message: "reportClosed" });
    const closed = await tx
      .update(reports)
      .set({ status: STATUS_OF[input.decision], resolvedById: input.actorId, resolvedAt: sql`now()` })
      .where(
        inArray(
          reports.id,
          open.map((r) => r.id),
        ),
      )
      .returning({ id: reports.id, reporterId: reports.reporterId });
    // Refused under the subject's lock (its author deleted it meanwhile): the claim is undone with it.
    const applied =
      input.decision !== "dismiss" && handler
        ? await handler.apply(tx, report.subjectId, input.decision, input.actorId)
        : undefined;
    await recordAudit(tx, {
      actorId: input.actorId,
      action: `moderation.${input.decision}`,
      // reports are made on the subjects of ./subjects.ts, each a target type the log knows
      targetType: isAuditTargetType(report.subjectType) ? report.subjectType : "report",
      targetId: report.subjectId,
      data: { reportId: report.id },
    });
    return { closed, applied };
  });
  await applied?.announce();
  const threadGone = applied?.threadGone ?? false;
  const reporterIds = [...new Set(closed.map((r) => r.reporterId).filter((id): id is string => Boolean(id)))];
  await sendForumNotification({
    recipientIds: handler?.audience ? await handler.audience(report.subjectId, reporterIds) : reporterIds,
    kind: "moderation",
    actorId: input.actorId,
    // A hidden or deleted post or message is gone for the reporter: the line says so and links nowhere.
    url:
      subject?.url && !goneByAuthor && (input.decision === "restore" || input.decision === "dismiss")
        ? subject.url
        : NOTIFICATIONS_PATH,
    subjectKey: `report:${report.subjectType}:${report.subjectId}`,
    // "hideThread"/"deleteThread": the reporter learns the whole thread went, as the coordinator was told;
    // "authorDeleted": a dismissed report on what its author deleted does not claim it stays visible.
    params: {
      decision: goneByAuthor ? "authorDeleted" : threadGone ? `${input.decision}Thread` : input.decision,
      title: subject?.title ?? "",
    },
  });
  return { ...report, status: STATUS_OF[input.decision], threadGone };
}
