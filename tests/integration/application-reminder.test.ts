import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applications, users } from "@/db/schema";
import { decideApplication } from "@/lib/applications/mutations";
import { countOverdueApplications, remindCoordinators } from "@/lib/applications/reminder";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { listNotifications } from "@/lib/notifications/data";
import { createUser } from "../support/factories";
import { outboxTo } from "../support/messages-factories";
import { MAIL_WINDOW } from "../support/notification-lines";

const DAY = 24 * 3_600_000;
/** An applicant who confirmed their address `daysAgo` days before `now` and still waits. */
async function waitingSince(daysAgo: number, now = Date.now()) {
  const confirmedAt = new Date(now - daysAgo * DAY);
  const applicant = await createUser({ status: "pending", emailVerified: confirmedAt });
  const db = await getDb();
  const [application] = await db
    .insert(applications)
    .values({ userId: applicant.id, source: "signup", locale: "de", createdAt: confirmedAt })
    .returning({ id: applications.id });
  return application!.id;
}

describe("the coordinators' reminder of waiting applications", () => {
  it("counts confirmed applications waiting longer than two days since confirmation, not newer or unconfirmed ones", async () => {
    // A day in the past of its own, so applications of tests running beside this one do not count.
    const now = Date.UTC(2001, 0, 10, 9);
    await waitingSince(1, now);
    const unconfirmed = await createUser({ status: "pending", emailVerified: null });
    const db = await getDb();
    await db.insert(applications).values({
      userId: unconfirmed.id,
      source: "signup",
      locale: "de",
      createdAt: new Date(now - 5 * DAY),
    });
    expect(await countOverdueApplications(new Date(now))).toBe(0);
    const overdue = await waitingSince(3, now);
    expect(await countOverdueApplications(new Date(now))).toBe(1);
    const coordinator = await createUser({ role: "coordinator" });
    await decideApplication({ applicationId: overdue, deciderId: coordinator.id, decision: "approved" });
    expect(await countOverdueApplications(new Date(now))).toBe(0);
  });

  it("tells coordinators and admins, not members, and mails them a link to the queue", async () => {
    const applicationId = await waitingSince(3);
    const coordinator = await createUser({ role: "coordinator" });
    const admin = await createUser({ role: "admin" });
    const plain = await createUser({ role: "member" });
    const overdue = await remindCoordinators();
    expect(overdue).toBeGreaterThanOrEqual(1);

    for (const recipient of [coordinator, admin]) {
      const { items } = await listNotifications({ reader: recipient });
      expect(items).toMatchObject([{ kind: "applications_waiting", url: "/admin/signups" }]);
    }
    expect((await listNotifications({ reader: plain })).items).toEqual([]);

    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const [mail] = await outboxTo(coordinator.email);
    expect(mail?.subject).toContain(overdue === 1 ? "1 Antrag wartet" : `${overdue} Anträge warten`);
    expect(mail?.subject).toContain("seit mehr als zwei Tagen");
    expect(mail?.text).toContain("http://localhost:3000/admin/signups");
    expect(await outboxTo(plain.email)).toEqual([]);
    await decideApplication({ applicationId, deciderId: coordinator.id, decision: "approved" });
  });

  it("mails nobody who is no longer a coordinator when the mail goes out", async () => {
    const applicationId = await waitingSince(4);
    const stays = await createUser({ role: "coordinator" });
    const leaves = await createUser({ role: "coordinator" });
    await remindCoordinators();
    expect((await listNotifications({ reader: leaves })).items).toHaveLength(1);
    const db = await getDb();
    await db.update(users).set({ role: "member" }).where(eq(users.id, leaves.id));
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(leaves.email)).toEqual([]);
    expect(await outboxTo(stays.email)).toHaveLength(1);
    await decideApplication({ applicationId, deciderId: stays.id, decision: "approved" });
  });
});
