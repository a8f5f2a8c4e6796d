import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { nextPosition } from "@/db/positions";
import { faqCategories, faqEntries, faqTranslations } from "@/db/schema";
import { freeSlug } from "@/db/slugs";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { editCachedContent } from "@/lib/page-cache/mutations";
import type { MoveFaqEntry, SaveFaqEntry, SaveFaqTranslation } from "./schema";
import { slugify } from "./utils";

/**
 * Creates or saves an entry with its German text. A changed German question or answer raises the
 * entry's version, so every translation made from the old text shows as outdated.
 */
export async function saveFaqEntry(input: { actorId: string; data: SaveFaqEntry }): Promise<{ id: string }> {
  const { data } = input;
  try {
    return await editCachedContent("faq", async (tx) => {
      const [category] = await tx
        .select({ id: faqCategories.id })
        .from(faqCategories)
        .where(eq(faqCategories.id, data.categoryId))
        .limit(1);
      if (!category) throw new AppError({ code: "invalid", message: "invalidChoice", field: "categoryId" });

      if (!data.entryId) {
        if (data.slug) await assertSlugFree(tx, data.slug);
        const slug =
          data.slug ??
          (await freeSlug(
            tx,
            faqEntries.slug,
            slugify(data.question) || `frage-${crypto.randomUUID().slice(0, 8)}`,
          ));
        const next = await nextPosition(tx, faqEntries.position, eq(faqEntries.categoryId, data.categoryId));
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
      const position =
        current.categoryId !== data.categoryId
          ? await nextPosition(tx, faqEntries.position, eq(faqEntries.categoryId, data.categoryId))
          : undefined;
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
  await editCachedContent("faq", async (tx) => {
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
  await editCachedContent("faq", async (tx) => {
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
  await editCachedContent("faq", async (tx) => {
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
  await editCachedContent("faq", async (tx) => {
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
