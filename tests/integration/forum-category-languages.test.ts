import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { forumCategories } from "@/db/schema";
import {
  getCategory,
  getThread,
  listCategories,
  listCategoryThreads,
  listLatestThreads,
} from "@/lib/forum/data";
import { createThread } from "@/lib/forum/mutations";
import { saveCategory } from "@/lib/groups/mutations";
import { CategoryForm } from "@/lib/groups/schema";
import { searchPosts } from "@/lib/search/data";
import { createUser } from "../support/factories";
import { createCategory } from "../support/forum-factories";

const word = () =>
  `Sprachwort${crypto
    .randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 8)}`;

describe("forum categories in the reader's language", () => {
  it("shows a coordinator's translation where there is one and the German name elsewhere, in every list", async () => {
    const author = await createUser();
    const coordinator = await createUser({ role: "coordinator" });
    const category = await createCategory("public");
    const form = CategoryForm.parse({
      id: category.id,
      name: "Wohnen",
      description: "Wohnungssuche und Mietrecht.",
      color: "#a0522d",
      visibility: "public",
      position: "3",
      name_ar: "السكن",
      description_ar: "البحث عن شقة وقانون الإيجار.",
      name_en: "Housing",
      description_en: "",
      name_uk: "",
      description_uk: "",
    });
    expect(form.translations).toEqual({
      ar: { name: "السكن", description: "البحث عن شقة وقانون الإيجار." },
      en: { name: "Housing", description: undefined },
    });
    await saveCategory({ actorId: coordinator.id, ...form });
    const key = word();
    const { thread } = await createThread({
      authorId: author.id,
      categoryId: category.id,
      title: "Kaution zurück",
      body: `Wie bekomme ich die Kaution zurück? ${key}`,
    });

    const shown = async (locale: "de" | "en" | "ar" | "uk") => {
      const listed = (await listCategories({ viewer: null, locale })).find((c) => c.id === category.id)!;
      const page = await getCategory({ viewer: null, slug: category.slug, locale });
      const threads = await listCategoryThreads({ viewer: null, categoryId: category.id, locale });
      const opened = await getThread({ viewer: null, threadId: thread.id, locale });
      const latest = await listLatestThreads({ viewer: { id: author.id, role: "member" }, locale });
      const [hit] = (await searchPosts({ viewer: null, query: key, locale })).hits;
      return {
        name: listed.name,
        description: page!.description,
        inList: threads.threads[0]!.categoryName,
        inThread: opened!.categoryName,
        inLatest: latest.threads.find((t) => t.id === thread.id)?.categoryName,
        inSearch: hit!.categoryName,
      };
    };
    const same = (name: string, description: string) => ({
      name,
      description,
      inList: name,
      inThread: name,
      inLatest: name,
      inSearch: name,
    });
    expect(await shown("ar")).toEqual(same("السكن", "البحث عن شقة وقانون الإيجار."));
    // English has a name only: the description stays German; Ukrainian has nothing: all German.
    expect(await shown("en")).toEqual(same("Housing", "Wohnungssuche und Mietrecht."));
    expect(await shown("uk")).toEqual(same("Wohnen", "Wohnungssuche und Mietrecht."));
    expect(await shown("de")).toEqual(same("Wohnen", "Wohnungssuche und Mietrecht."));

    // Emptying the fields takes a translation away again.
    await saveCategory({
      actorId: coordinator.id,
      ...CategoryForm.parse({ ...form, id: category.id, position: "3", name_ar: "", description_ar: "" }),
    });
    const db = await getDb();
    const [row] = await db
      .select({ translations: forumCategories.translations })
      .from(forumCategories)
      .where(eq(forumCategories.id, category.id));
    expect(row!.translations).toEqual({});
    expect((await getCategory({ viewer: null, slug: category.slug, locale: "ar" }))!.name).toBe("Wohnen");
  });
});
