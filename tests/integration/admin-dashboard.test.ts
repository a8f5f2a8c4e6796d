import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applications, reports } from "@/db/schema";
import { type DashboardData, forgetPastWeeks, getDashboardData } from "@/lib/admin/data";
import { CHART_WEEKS } from "@/lib/admin/series";
import { createReply, createThread } from "@/lib/forum/mutations";
import { createPerson } from "../support/admin-factories";
import { createUser } from "../support/factories";
import { createCategory } from "../support/forum-factories";

describe("dashboard figures", () => {
  it("counts this week's new members, applications and open reports", async () => {
    const before = await getDashboardData();
    expect(before.membersOverTime).toHaveLength(CHART_WEEKS);
    expect(before.applicationsPerWeek).toHaveLength(CHART_WEEKS);
    // weeks are Mondays, oldest first
    const weeks = before.membersOverTime.map((p) => p.week);
    expect([...weeks].sort()).toEqual(weeks);
    expect(new Date(`${weeks[0]}T12:00:00Z`).getUTCDay()).toBe(1);

    await createPerson("member");
    const applicant = await createUser({ status: "pending" });
    const db = await getDb();
    await db.insert(applications).values({ userId: applicant.id, source: "signup", locale: "de" });
    const reporter = await createPerson("member");
    await db
      .insert(reports)
      .values({ subjectType: "post", subjectId: "1", reporterId: reporter.id, reason: "Spam" });

    const after = await getDashboardData();
    expect(after.members).toBeGreaterThanOrEqual(before.members + 2);
    expect(after.membersOverTime.at(-1)!.value).toBeGreaterThanOrEqual(
      before.membersOverTime.at(-1)!.value + 2,
    );
    expect(after.applicationsPerWeek.at(-1)!.value).toBeGreaterThanOrEqual(
      before.applicationsPerWeek.at(-1)!.value + 1,
    );
    expect(after.waitingApplications).toBeGreaterThanOrEqual(before.waitingApplications + 1);
    expect(after.openReports).toBeGreaterThanOrEqual(before.openReports + 1);
  });

  it("includes the activity series whose tables exist", async () => {
    const data = await getDashboardData();
    const keys = data.activity.map((s) => s.key);
    expect(keys).toEqual(expect.arrayContaining(["posts", "messages", "rsvps"]));
    for (const series of data.activity) expect(series.points).toHaveLength(CHART_WEEKS);
  });

  it("counts this week's posts on every view, the weeks before once an hour", async () => {
    const posts = (data: DashboardData) => data.activity.find((s) => s.key === "posts")!.points;
    const member = await createUser();
    const categoryId = (await createCategory("members")).id;
    const { thread } = await createThread({
      authorId: member.id,
      categoryId,
      title: "Wochenzahlen",
      body: "Erster Beitrag",
    });
    forgetPastWeeks();
    const before = posts(await getDashboardData());

    await createReply({ authorId: member.id, threadId: thread.id, body: "Diese Woche" });
    // A post of last week that the counted weeks do not know yet (as an import would write it).
    const { postId } = await createReply({ authorId: member.id, threadId: thread.id, body: "Letzte Woche" });
    const db = await getDb();
    await db.execute(sql`update forum_posts set created_at = now() - interval '7 days' where id = ${postId}`);
    const now = posts(await getDashboardData());
    expect(now.at(-1)!.value).toBeGreaterThanOrEqual(before.at(-1)!.value + 1);
    expect(now.at(-2)!.value).toBe(before.at(-2)!.value);

    forgetPastWeeks();
    const recounted = posts(await getDashboardData());
    expect(recounted.at(-2)!.value).toBeGreaterThanOrEqual(before.at(-2)!.value + 1);
    expect(recounted.slice(0, -2)).toEqual(before.slice(0, -2));
  });
});
