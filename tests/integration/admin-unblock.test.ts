import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applications, users } from "@/db/schema";
import { pendingWhere } from "@/lib/applications/data";
import { decideApplication } from "@/lib/applications/mutations";
import { getUserDetail } from "@/lib/users/data";
import { blockUser, unblockUser } from "@/lib/users/mutations";
import { auditEntriesFor, createPerson } from "../support/admin-factories";
import { createApplicant } from "../support/factories";

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
    const person = await createApplicant();
    await blockUser({ actorId: coordinator.id, userId: person.userId });
    expect(await inQueue(person.userId)).toBe(false);
    expect((await getUserDetail({ userId: person.userId }))?.statusBeforeBlock).toBe("pending");

    await unblockUser({ actorId: coordinator.id, userId: person.userId });
    const after = await row(person.userId);
    expect(after).toMatchObject({ status: "pending", approvedAt: null, statusBeforeBlock: null });
    expect(await inQueue(person.userId)).toBe(true);
    expect((await auditEntriesFor(person.userId))[0]).toMatchObject({
      action: "user.unblocked",
      data: { status: "pending" },
    });

    await decideApplication({
      applicationId: person.applicationId,
      decision: "approved",
      deciderId: coordinator.id,
    });
    expect((await row(person.userId)).status).toBe("approved");
  });

  it("a rejected applicant stays rejected and does not come back to the queue", async () => {
    const coordinator = await createPerson("coordinator");
    const person = await createApplicant();
    await decideApplication({
      applicationId: person.applicationId,
      decision: "rejected",
      deciderId: coordinator.id,
    });
    await blockUser({ actorId: coordinator.id, userId: person.userId });
    await unblockUser({ actorId: coordinator.id, userId: person.userId });
    expect(await row(person.userId)).toMatchObject({ status: "rejected", approvedAt: null });
    expect(await inQueue(person.userId)).toBe(false);
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
    const person = await createApplicant();
    const db = await getDb();
    await db.update(users).set({ status: "blocked" }).where(eq(users.id, person.userId));
    await unblockUser({ actorId: coordinator.id, userId: person.userId });
    expect((await row(person.userId)).status).toBe("pending");
  });
});
