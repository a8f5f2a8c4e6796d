import { eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { faqCategories, faqEntries, videos } from "@/db/schema";
import { saveFaqCategory } from "@/lib/faq/category-mutations";
import { saveFaqEntry } from "@/lib/faq/mutations";
import { saveVideo } from "@/lib/videos/mutations";
import { createUser } from "../support/factories";

let actorId: string;
beforeAll(async () => {
  actorId = (await createUser({ role: "coordinator" })).id;
});

const tag = () => crypto.randomUUID().slice(0, 8);

async function slugOf(table: PgTable & { id: PgColumn; slug: PgColumn }, id: string) {
  const db = await getDb();
  const [row] = await db
    .select({ slug: table.slug })
    .from(table)
    .where(eq(table.id, id) as SQL);
  return row?.slug as string;
}

const category = (nameDe: string) => saveFaqCategory({ actorId, data: { nameDe } });
const entry = async (question: string) =>
  saveFaqEntry({
    actorId,
    data: {
      categoryId: (await category(`Thema ${tag()}`)).id,
      slug: undefined,
      question,
      answer: "Ja.",
      published: true,
    },
  });
const video = (title: string) =>
  saveVideo({
    actorId,
    data: {
      kind: "upload",
      slug: undefined,
      title,
      description: "",
      transcript: "",
      published: false,
      externalId: null,
    },
  });

describe("addresses made from titles", () => {
  it("number a FAQ topic, question and video whose title is taken: -2, then -3", async () => {
    for (const [table, make, name] of [
      [faqCategories, category, `Wohnen ${tag()}`],
      [faqEntries, entry, `Wo melde ich mich an ${tag()}?`],
      [videos, video, `Erklärvideo ${tag()}`],
    ] as const) {
      const slugs = [];
      for (let i = 0; i < 3; i++) slugs.push(await slugOf(table, (await make(name)).id));
      const base = slugs[0]!;
      expect(base).toMatch(/^[a-z0-9-]+$/);
      expect(slugs).toEqual([base, `${base}-2`, `${base}-3`]);
    }
  });

  it("do not count a longer address that merely starts with the same words as taken", async () => {
    const t = tag();
    const longer = await slugOf(faqCategories, (await category(`Arbeit ${t} und Ausbildung`)).id);
    const shorter = await slugOf(faqCategories, (await category(`Arbeit ${t}`)).id);
    expect(longer).toBe(`arbeit-${t}-und-ausbildung`);
    expect(shorter).toBe(`arbeit-${t}`);
  });

  it("give a question or video without a Latin letter in its title an address of its own", async () => {
    const [first, second] = [await entry("؟؟"), await entry("؟؟")];
    const [a, b] = [await slugOf(faqEntries, first.id), await slugOf(faqEntries, second.id)];
    expect(a).toMatch(/^frage-[0-9a-f]{8}$/);
    expect(b).toMatch(/^frage-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(await slugOf(videos, (await video("…")).id)).toMatch(/^video-[0-9a-f]{8}$/);
  });
});
