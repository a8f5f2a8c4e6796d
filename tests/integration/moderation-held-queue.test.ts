import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { forumPosts } from "@/db/schema";
import { createReply, createThread } from "@/lib/forum/mutations";
import { countHeldPosts, listHeldPosts } from "@/lib/moderation/data";
import { createUser } from "../support/factories";
import { createCategory } from "../support/forum-factories";
import { ownDatabaseForThisFile } from "../support/own-database";

// The queue's order and count are the whole database's held posts.
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
