import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { forumPosts, reports } from "@/db/schema";
import { createReply, createThread } from "@/lib/forum/mutations";
import { countHeldPosts, countReportedSubjects, listHeldPosts, listOpenReports } from "@/lib/moderation/data";
import { createUser } from "../support/factories";
import { createCategory } from "../support/forum-factories";
import { ownDatabaseForThisFile } from "../support/own-database";

// The queue's order and counts are the whole database's held posts and reports.
ownDatabaseForThisFile();

describe("posts held for approval", () => {
  it("come oldest first, so who waited longest is decided first; the count covers those not shown", async () => {
    const category = await createCategory("members");
    const opener = await createUser();
    const { thread } = await createThread({
      authorId: opener.id,
      categoryId: category.id,
      title: "Erste Schritte",
      body: "Willkommen",
    });
    const ids: number[] = [];
    for (const name of ["Amal", "Bogdan", "Chiara"]) {
      const author = await createUser({ name });
      ids.push(
        (await createReply({ authorId: author.id, threadId: thread.id, body: `Hallo, ich bin ${name}` }))
          .postId,
      );
    }
    const db = await getDb();
    await db.update(forumPosts).set({ status: "pending" }).where(inArray(forumPosts.id, ids));

    expect((await listHeldPosts()).map((p) => p.authorName)).toEqual(["Amal", "Bogdan", "Chiara"]);
    expect((await listHeldPosts(2)).map((p) => p.id)).toEqual(ids.slice(0, 2));
    expect(await countHeldPosts()).toBe(3);
  });
});

describe("open reports", () => {
  it("list the longest reported first, one entry per reported thing; the count covers those past the cut", async () => {
    const db = await getDb();
    const start = Date.now() - 1_000_000;
    const subjects = Array.from({ length: 201 }, () => crypto.randomUUID());
    // the first thing is reported three times, before all the others
    const rows = [subjects[0]!, subjects[0]!, ...subjects].map((subjectId, i) => ({
      subjectType: "message",
      subjectId,
      reason: `Grund ${i}`,
      createdAt: new Date(start + i * 1000),
    }));
    await db.insert(reports).values(rows);

    const listed = await listOpenReports();
    expect(listed[0]).toMatchObject({ subjectId: subjects[0], reasons: [{}, {}, {}] });
    // the oldest 200 reports: the first thing's three and 197 others
    expect(listed.map((r) => r.subjectId)).toEqual(subjects.slice(0, 198));
    expect(await countReportedSubjects()).toBe(201);
  });
});
