import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { faqCategories, faqEntries, faqTranslations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/config";
import { bumpContentVersion, publishContentChange } from "@/lib/page-cache/mutations";
import type { MoveFaqEntry, SaveFaqCategory, SaveFaqEntry, SaveFaqTranslation } from "./schema";
import { slugify } from "./utils";

const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
};

/** Runs an edit of the public FAQ: one transaction, the FAQ's cached pages renewed after the commit. */
async function editFaq<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const value = await work(tx);
    await bumpContentVersion(tx, "faq");
    return value;
  });
  publishContentChange("faq");
  return result;
}

async function uniqueSlug(tx: Executor, wanted: string, exceptId?: string): Promise<string> {
  const base = wanted || `frage-${crypto.randomUUID().slice(0, 8)}`;
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const [taken] = await tx
      .select({ id: faqEntries.id })
      .from(faqEntries)
      .where(eq(faqEntries.slug, candidate))
      .limit(1);
    if (!taken || taken.id === exceptId) return candidate;
  }
}

/**
 * Creates or saves an entry with its German text. A changed German question or answer raises the
 * entry's version, so every translation made from the old text shows as outdated.
 */
export async function saveFaqEntry(input: { actorId: string; data: SaveFaqEntry }): Promise<{ id: string }> {
  const { data } = input;
  try {
    return await editFaq(async (tx) => {
      const [category] = await tx
        .select({ id: faqCategories.id })
        .from(faqCategories)
        .where(eq(faqCategories.id, data.categoryId))
        .limit(1);
      if (!category) throw new AppError({ code: "invalid", message: "invalidChoice", field: "categoryId" });

      if (!data.entryId) {
        if (data.slug) await assertSlugFree(tx, data.slug);
        const slug = data.slug ?? (await uniqueSlug(tx, slugify(data.question)));
        const [{ next } = { next: 0 }] = await tx
          .select({ next: sql<number>`coalesce(max(${faqEntries.position}), -1)::int + 1` })
          .from(faqEntries)
          .where(eq(faqEntries.categoryId, data.categoryId));
        const [entry] = await tx
          .insert(faqEntries)
          .values({
            categoryId: data.categoryId,
            slug,
            position: next,
            published: data.published,
            createdBy: input.actorId,
          })
          .returning({ id: faqEntries.id });
        await tx.insert(faqTranslations).values({
          entryId: entry!.id,
          locale: "de",
          question: data.question,
          answer: data.answer,
          sourceVersion: 1,
          updatedBy: input.actorId,
        });
        await recordAudit(tx, {
          actorId: input.actorId,
          action: "faq.created",
          targetType: "faq_entry",
          targetId: entry!.id,
          data: { slug },
        });
        return { id: entry!.id };
      }

      const [current] = await tx
        .select({
          version: faqEntries.sourceVersion,
          slug: faqEntries.slug,
          categoryId: faqEntries.categoryId,
        })
        .from(faqEntries)
        .where(eq(faqEntries.id, data.entryId))
        .for("update")
        .limit(1);
      if (!current) throw new AppError({ code: "not_found", message: "entryGone" });
      const [german] = await tx
        .select({ question: faqTranslations.question, answer: faqTranslations.answer })
        .from(faqTranslations)
        .where(and(eq(faqTranslations.entryId, data.entryId), eq(faqTranslations.locale, "de")))
        .limit(1);
      const changed = !german || german.question !== data.question || german.answer !== data.answer;
      const version = changed ? current.version + 1 : current.version;
      const slug = data.slug ?? current.slug;
      if (slug !== current.slug) await assertSlugFree(tx, slug);
      let position: number | undefined;
      if (current.categoryId !== data.categoryId) {
        const [{ next } = { next: 0 }] = await tx
          .select({ next: sql<number>`coalesce(max(${faqEntries.position}), -1)::int + 1` })
          .from(faqEntries)
          .where(eq(faqEntries.categoryId, data.categoryId));
        position = next;
      }
      await tx
        .update(faqEntries)
        .set({
          categoryId: data.categoryId,
          slug,
          published: data.published,
          sourceVersion: version,
          updatedAt: new Date(),
          ...(position === undefined ? {} : { position }),
        })
        .where(eq(faqEntries.id, data.entryId));
      await tx
        .insert(faqTranslations)
        .values({
          entryId: data.entryId,
          locale: "de",
          question: data.question,
          answer: data.answer,
          sourceVersion: version,
          updatedBy: input.actorId,
        })
        .onConflictDoUpdate({
          target: [faqTranslations.entryId, faqTranslations.locale],
          set: {
            question: data.question,
            answer: data.answer,
            sourceVersion: version,
            updatedBy: input.actorId,
            updatedAt: new Date(),
          },
        });
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "faq.updated",
        targetType: "faq_entry",
        targetId: data.entryId,
        data: { germanChanged: changed, published: data.published },
      });
      return { id: data.entryId };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError({ code: "conflict", message: "slugTaken", field: "slug", cause: error });
    throw error;
  }
}

async function assertSlugFree(tx: Executor, slug: string) {
  const [taken] = await tx
    .select({ id: faqEntries.id })
    .from(faqEntries)
    .where(eq(faqEntries.slug, slug))
    .limit(1);
  if (taken) throw new AppError({ code: "conflict", message: "slugTaken", field: "slug" });
}

/** Saves a translation as made from the German text as it is now (status: current). */
export async function saveFaqTranslation(input: {
  actorId: string;
  data: SaveFaqTranslation;
}): Promise<void> {
  const { data } = input;
  await editFaq(async (tx) => {
    const [entry] = await tx
      .select({ version: faqEntries.sourceVersion })
      .from(faqEntries)
      .where(eq(faqEntries.id, data.entryId))
      .limit(1);
    if (!entry) throw new AppError({ code: "not_found", message: "entryGone" });
    await tx
      .insert(faqTranslations)
      .values({
        entryId: data.entryId,
        locale: data.locale,
        question: data.question,
        answer: data.answer,
        sourceVersion: entry.version,
        updatedBy: input.actorId,
      })
      .onConflictDoUpdate({
        target: [faqTranslations.entryId, faqTranslations.locale],
        set: {
          question: data.question,
          answer: data.answer,
          sourceVersion: entry.version,
          updatedBy: input.actorId,
          updatedAt: new Date(),
        },
      });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "faq.translated",
      targetType: "faq_entry",
      targetId: data.entryId,
      data: { locale: data.locale },
    });
  });
}

export async function setFaqPublished(input: {
  actorId: string;
  entryId: string;
  published: boolean;
}): Promise<void> {
  await editFaq(async (tx) => {
    const [row] = await tx
      .update(faqEntries)
      .set({ published: input.published, updatedAt: new Date() })
      .where(eq(faqEntries.id, input.entryId))
      .returning({ id: faqEntries.id });
    if (!row) throw new AppError({ code: "not_found", message: "entryGone" });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: input.published ? "faq.published" : "faq.unpublished",
      targetType: "faq_entry",
      targetId: input.entryId,
    });
  });
}

/** Swaps the entry with its neighbour in the same category; positions are renumbered 0…n on the way. */
export async function moveFaqEntry(input: { actorId: string; data: MoveFaqEntry }): Promise<void> {
  await editFaq(async (tx) => {
    const [entry] = await tx
      .select({ categoryId: faqEntries.categoryId })
      .from(faqEntries)
      .where(eq(faqEntries.id, input.data.entryId))
      .limit(1);
    if (!entry) throw new AppError({ code: "not_found", message: "entryGone" });
    const siblings = await tx
      .select({ id: faqEntries.id })
      .from(faqEntries)
      .where(eq(faqEntries.categoryId, entry.categoryId))
      .orderBy(asc(faqEntries.position), asc(faqEntries.slug))
      .for("update");
    const ids = siblings.map((s) => s.id);
    const from = ids.indexOf(input.data.entryId);
    const to = input.data.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    for (const [position, id] of ids.entries()) {
      await tx.update(faqEntries).set({ position }).where(eq(faqEntries.id, id));
    }
    const [moved] = await tx
      .select({ question: faqTranslations.question })
      .from(faqTranslations)
      .where(and(eq(faqTranslations.entryId, input.data.entryId), eq(faqTranslations.locale, "de")))
      .limit(1);
    // One entry per move, on the category whose order changed: which question, and where it is now.
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "faq.reordered",
      targetType: "faq_category",
      targetId: entry.categoryId,
      data: { moved: moved?.question ?? null, position: to + 1 },
    });
  });
}

export async function deleteFaqEntry(input: { actorId: string; entryId: string }): Promise<void> {
  await editFaq(async (tx) => {
    const [row] = await tx
      .delete(faqEntries)
      .where(eq(faqEntries.id, input.entryId))
      .returning({ slug: faqEntries.slug });
    if (!row) throw new AppError({ code: "not_found", message: "entryGone" });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "faq.deleted",
      targetType: "faq_entry",
      targetId: input.entryId,
      data: { slug: row.slug },
    });
  });
}

export async function saveFaqCategory(input: {
  actorId: string;
  data: SaveFaqCategory;
}): Promise<{ id: string }> {
  const { data } = input;
  const names = Object.fromEntries(
    Object.entries({ de: data.nameDe, en: data.nameEn, ar: data.nameAr, uk: data.nameUk }).filter(
      ([, v]) => v,
    ),
  );
  return editFaq(async (tx) => {
    if (data.categoryId) {
      const [before] = await tx
        .select({ names: faqCategories.names })
        .from(faqCategories)
        .where(eq(faqCategories.id, data.categoryId))
        .for("update");
      if (!before) throw new AppError({ code: "not_found", message: "categoryGone" });
      await tx
        .update(faqCategories)
        .set({ names, updatedAt: new Date() })
        .where(eq(faqCategories.id, data.categoryId));
      // Logged by what changed: the German name, or which other languages' names.
      const changed = LOCALES.filter((l) => l !== "de" && (before.names[l] ?? "") !== (names[l] ?? ""));
      const renamed = before.names.de !== names.de;
      if (renamed || changed.length > 0)
        await recordAudit(tx, {
          actorId: input.actorId,
          action: "faq.category_updated",
          targetType: "faq_category",
          targetId: data.categoryId,
          data: {
            ...(renamed ? { previousName: before.names.de, name: names.de } : {}),
            ...(changed.length > 0
              ? { translations: Object.fromEntries(changed.map((l) => [l, names[l]])) }
              : {}),
          },
        });
      return { id: data.categoryId };
    }
    const [{ next } = { next: 0 }] = await tx
      .select({ next: sql<number>`coalesce(max(${faqCategories.position}), -1)::int + 1` })
      .from(faqCategories);
    const base = slugify(data.nameDe) || "thema";
    let slug = base;
    for (
      let n = 2;
      (
        await tx
          .select({ id: faqCategories.id })
          .from(faqCategories)
          .where(eq(faqCategories.slug, slug))
          .limit(1)
      ).length > 0;
      n += 1
    ) {
      slug = `${base}-${n}`;
    }
    const [row] = await tx
      .insert(faqCategories)
      .values({ slug, names, position: next })
      .returning({ id: faqCategories.id });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "faq.category_created",
      targetType: "faq_category",
      targetId: row!.id,
      data: { slug },
    });
    return row!;
  });
}
