import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { forumReactions } from "@/db/schema";
import { reactAction } from "@/lib/forum/actions";
import { createThread } from "@/lib/forum/mutations";
import { reactionValue } from "@/lib/forum/utils";
import { actAs } from "../support/actions";
import { createMember, createSession } from "../support/factories";
import { createCategory } from "../support/forum-factories";

describe("a reaction button pressed twice", () => {
  it("gives the reaction once, and takes it back once: a double click does not undo it", async () => {
    const author = await createMember({ name: "Ines Schreibt" });
    const reader = await createMember({ name: "Omar Liest" });
    const category = await createCategory("members");
    const { postId } = await createThread({
      authorId: author.id,
      categoryId: category.id,
      title: "Sprachkurse im Frühjahr",
      body: "Wer bietet noch Plätze an?",
    });
    const session = await createSession(reader.id);
    const press = (give: boolean) => {
      const form = new FormData();
      form.set("reaction", reactionValue(postId, "👍", give));
      return actAs(session, () => reactAction(form));
    };
    const given = async () => {
      const db = await getDb();
      const rows = await db
        .select()
        .from(forumReactions)
        .where(and(eq(forumReactions.postId, postId), eq(forumReactions.userId, reader.id)));
      return rows.map((r) => r.emoji);
    };

    expect(await press(true)).toMatch(/^redirected:\/forum\/t\//);
    await press(true);
    expect(await given()).toEqual(["👍"]);
    await press(false);
    await press(false);
    expect(await given()).toEqual([]);
  });
});
