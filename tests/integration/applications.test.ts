import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applications, auditLog, organisations, sessions, users } from "@/db/schema";
import { getOwnApplication, listPendingApplications } from "@/lib/applications/data";
import { decideApplication } from "@/lib/applications/mutations";
import { DecideApplication } from "@/lib/applications/schema";
import { getViewerBySessionToken } from "@/lib/auth/viewer";
import { toFieldErrors } from "@/lib/forms/schema";
import { rejectOrganisation } from "@/lib/organisations/mutations";
import { createApplicant, createSession, createUser } from "../support/factories";

const coordinator = () => createUser({ role: "coordinator", status: "approved" });

async function userRow(userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row!;
}

describe("decideApplication", () => {
  it("approves a confirmed application: the person becomes a member and it is audited", async () => {
    const decider = await coordinator();
    const applicant = await createApplicant({ confirmed: true, locale: "ar" });

    const decision = await decideApplication({
      applicationId: applicant.applicationId,
      decision: "approved",
      deciderId: decider.id,
    });
    expect(decision).toEqual({ email: applicant.email, name: applicant.name, locale: "ar" });

    const user = await userRow(applicant.userId);
    expect(user.status).toBe("approved");
    expect(user.approvedAt).toBeInstanceOf(Date);
    const db = await getDb();
    const [application] = await db
      .select()
      .from(applications)
      .where(eq(applications.id, applicant.applicationId));
    expect(application).toMatchObject({ status: "approved", decidedById: decider.id });
    expect(application!.decidedAt).toBeInstanceOf(Date);

    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, applicant.userId), eq(auditLog.action, "application.approved")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: decider.id, targetType: "user" });
  });

  it("rejects with a reason and signs the applicant out everywhere", async () => {
    const decider = await coordinator();
    const applicant = await createApplicant({ confirmed: true });
    const token = await createSession(applicant.userId);
    await createSession(applicant.userId);
    expect(await getViewerBySessionToken(token)).not.toBeNull();

    await decideApplication({
      applicationId: applicant.applicationId,
      decision: "rejected",
      reason: "Keine Organisation im Landkreis",
      deciderId: decider.id,
    });

    expect((await userRow(applicant.userId)).status).toBe("rejected");
    const db = await getDb();
    expect(await db.select().from(sessions).where(eq(sessions.userId, applicant.userId))).toHaveLength(0);
    expect(await getViewerBySessionToken(token)).toBeNull();
    const [application] = await db
      .select()
      .from(applications)
      .where(eq(applications.id, applicant.applicationId));
    expect(application).toMatchObject({ status: "rejected", reason: "Keine Organisation im Landkreis" });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, applicant.userId), eq(auditLog.action, "application.rejected")));
    expect(audit[0]?.data).toEqual({ reason: "Keine Organisation im Landkreis" });
  });

  it("requires a reason to reject, but not to approve", () => {
    const rejected = DecideApplication.safeParse({ applicationId: "a1", decision: "rejected", reason: "  " });
    expect(rejected.success).toBe(false);
    expect(toFieldErrors(rejected.error!).reason?.key).toBe("reasonRequired");
    expect(DecideApplication.safeParse({ applicationId: "a1", decision: "approved" }).success).toBe(true);
  });

  it("decides an application only once", async () => {
    const decider = await coordinator();
    const applicant = await createApplicant({ confirmed: true });
    await decideApplication({
      applicationId: applicant.applicationId,
      decision: "approved",
      deciderId: decider.id,
    });

    await expect(
      decideApplication({
        applicationId: applicant.applicationId,
        decision: "rejected",
        reason: "zu spät",
        deciderId: decider.id,
      }),
    ).rejects.toMatchObject({ name: "AppError", message: "applicationGone" });
    expect((await userRow(applicant.userId)).status).toBe("approved");
  });

  it("cannot approve someone who has not confirmed their address", async () => {
    const decider = await coordinator();
    const applicant = await createApplicant({ confirmed: false });
    await expect(
      decideApplication({
        applicationId: applicant.applicationId,
        decision: "approved",
        deciderId: decider.id,
      }),
    ).rejects.toMatchObject({ message: "applicationGone" });
    const user = await userRow(applicant.userId);
    expect(user.status).toBe("pending");
    expect(user.approvedAt).toBeNull();
  });
});

describe("listPendingApplications", () => {
  it("separates confirmed from unconfirmed applications and drops decided ones", async () => {
    const decider = await coordinator();
    const confirmed = await createApplicant({ confirmed: true });
    const unconfirmed = await createApplicant({ confirmed: false });
    const decided = await createApplicant({ confirmed: true });
    await decideApplication({
      applicationId: decided.applicationId,
      decision: "approved",
      deciderId: decider.id,
    });

    const confirmedIds = (await listPendingApplications({ confirmed: true })).map((a) => a.id);
    const unconfirmedIds = (await listPendingApplications({ confirmed: false })).map((a) => a.id);
    expect(confirmedIds).toContain(confirmed.applicationId);
    expect(confirmedIds).not.toContain(unconfirmed.applicationId);
    expect(unconfirmedIds).toContain(unconfirmed.applicationId);
    expect(unconfirmedIds).not.toContain(confirmed.applicationId);
    expect([...confirmedIds, ...unconfirmedIds]).not.toContain(decided.applicationId);

    const shown = (await listPendingApplications({ confirmed: true })).find(
      (a) => a.id === confirmed.applicationId,
    );
    expect(shown).toMatchObject({
      email: confirmed.email,
      proposedOrganisation: expect.stringMatching(/^Initiative /),
      organisationProposed: true,
      topics: ["language", "work"],
      languages: ["uk", "de"],
    });
    expect(shown?.organisation).toBe(shown?.proposedOrganisation);
  });

  it("shows a rejected proposal as gone, to the coordinators and to the applicant", async () => {
    const applicant = await createApplicant({ confirmed: true });
    const pending = async () =>
      (await listPendingApplications({ confirmed: true })).find((a) => a.id === applicant.applicationId);
    const proposed = (await pending())!.proposedOrganisation!;
    const db = await getDb();
    const [organisation] = await db.select().from(organisations).where(eq(organisations.name, proposed));
    await rejectOrganisation({ actorId: (await coordinator()).id, organisationId: organisation!.id });

    expect(await pending()).toMatchObject({
      organisation: null,
      organisationProposed: false,
      proposedOrganisation: proposed,
    });
    expect((await getOwnApplication({ userId: applicant.userId }))?.organisation).toBeNull();
  });
});
