import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, sessions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { enrolInWelcomeSequence } from "@/lib/campaigns/mutations";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { notify } from "@/lib/notifications/mutations";
import type { DecideApplication } from "./schema";

export type Decision = { email: string; name: string | null; locale: Locale };

/**
 * Approves or rejects a confirmed, still pending application, once: a second decision on the same
 * application finds nothing to decide.
 */
export async function decideApplication(input: {
  applicationId: string;
  decision: DecideApplication["decision"];
  reason?: string;
  deciderId: string;
}): Promise<Decision> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        userId: applications.userId,
        locale: applications.locale,
        email: users.email,
        name: users.name,
      })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.userId))
      .where(
        and(
          eq(applications.id, input.applicationId),
          eq(applications.status, "pending"),
          eq(users.status, "pending"),
          isNotNull(users.emailVerified),
        ),
      )
      .for("update")
      .limit(1);
    if (!row) throw new AppError({ code: "not_found", message: "applicationGone" });

    const now = new Date();
    await tx
      .update(applications)
      .set({
        status: input.decision,
        reason: input.reason ?? null,
        decidedById: input.deciderId,
        decidedAt: now,
      })
      .where(eq(applications.id, input.applicationId));
    await tx
      .update(users)
      .set(input.decision === "approved" ? { status: "approved", approvedAt: now } : { status: "rejected" })
      .where(eq(users.id, row.userId));
    if (input.decision === "rejected") await tx.delete(sessions).where(eq(sessions.userId, row.userId));
    // Also in the new member's notification centre (the decision mail goes out anyway; a rejected
    // applicant has no centre to see).
    if (input.decision === "approved") {
      await enrolInWelcomeSequence(tx, row.userId);
      await notify(
        {
          recipientIds: [row.userId],
          kind: "application_decision",
          actorId: input.deciderId,
          url: "/home",
          subjectKey: `application:${input.applicationId}`,
          params: { subject: "membership", decision: "approved" },
        },
        tx,
      );
    }
    await recordAudit(tx, {
      actorId: input.deciderId,
      action: `application.${input.decision}`,
      targetType: "user",
      targetId: row.userId,
      data: input.reason ? { reason: input.reason } : undefined,
    });
    return { email: row.email, name: row.name, locale: isLocale(row.locale) ? row.locale : "de" };
  });
}
