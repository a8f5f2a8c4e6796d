import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applications, users } from "@/db/schema";
import { pendingWhere } from "@/lib/applications/data";
import { decideApplication } from "@/lib/applications/mutations";
import { createApplication } from "@/lib/signup/mutations";
import { getUserDetail } from "@/lib/users/data";
import { blockUser, unblockUser } from "@/lib/users/mutations";
import { auditEntriesFor, createPerson } from "../support/admin-factories";
import { signUpInput } from "../support/factories";

/** Someone who applied and confirmed their address: waiting in /admin/signups. */
async function applicant() {
  const { userId } = await createApplication({
    data: signUpInput(),
    locale: "de",
    policyVersion: "2026-11-01",
  });
  const db = await getDb();
  await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, userId));
  const [application] = await db.select().from(applications).where(eq(applications.userId, userId));
  return { id: userId, applicationId: application!.id };
}

async function inQueue(userId: string) {
  const db = await getDb();
  const rows = await db
    .select({ id: users.id })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .where(and(pendingWhere(true), eq(users.id, userId)));
  return rows.length === 1;
}

async function row(userId: string) {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user!;
}

describe("unblocking gives back the status from before the block", () => {
  it("an applicant waiting in the queue returns to it, undecided, and can still be approved", async () => {
    const coordinator = await createPerson("coordinator");
    const person = await applicant();
    await blockUser({ actorId: coordinator.id, userId: person.id });
    expect(await inQueue(person.id)).toBe(false);
    expect((await getUserDetail({ userId: person.id }))?.statusBeforeBlock).toBe("pending");

    await unblockUser({ actorId: coordinator.id, userId: person.id });
    const after = await row(person.id);
    expect(after).toMatchObject({ status: "pending", approvedAt: null, statusBeforeBlock: null });
    expect(await inQueue(person.id)).toBe(true);
    expect((await auditEntriesFor(person.id))[0]).toMatchObject({
      action: "user.unblocked",
      data: { status: "pending" },
    });

    await decideApplication({
      applicationId: person.applicationId,
      decision: "approved",
      deciderId: coordinator.id,
    });
    expect((await row(person.id)).status).toBe("approved");
  });

  it("a rejected applicant stays rejected and does not come back to the queue", async () => {
    const coordinator = await createPerson("coordinator");
    const person = await applicant();
    await decideApplication({
      applicationId: person.applicationId,
      decision: "rejected",
      deciderId: coordinator.id,
    });
    await blockUser({ actorId: coordinator.id, userId: person.id });
    await unblockUser({ actorId: coordinator.id, userId: person.id });
    expect(await row(person.id)).toMatchObject({ status: "rejected", approvedAt: null });
    expect(await inQueue(person.id)).toBe(false);
  });

  it("a member is a member again and keeps the date they were approved", async () => {
    const coordinator = await createPerson("coordinator");
    const member = await createPerson("member");
    const approvedAt = (await row(member.id)).approvedAt;
    await blockUser({ actorId: coordinator.id, userId: member.id });
    await unblockUser({ actorId: coordinator.id, userId: member.id });
    expect(await row(member.id)).toMatchObject({ status: "approved", approvedAt, statusBeforeBlock: null });
  });

  it("someone blocked before the status was kept becomes a member only if they were ever approved", async () => {
    const coordinator = await createPerson("coordinator");
    const person = await applicant();
    const db = await getDb();
    await db.update(users).set({ status: "blocked" }).where(eq(users.id, person.id));
    await unblockUser({ actorId: coordinator.id, userId: person.id });
    expect((await row(person.id)).status).toBe("pending");
  });
});
