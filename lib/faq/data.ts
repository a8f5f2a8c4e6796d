import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { faqCategories, faqEntries, faqTranslations } from "@/db/schema";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { renderMarkdown } from "@/lib/markdown/render";
import { type TranslationStatus, translationStatus } from "./utils";

export type PublicFaqEntry = {
  slug: string;
  question: string;
  answerHtml: string;
  /** The language the text is in: the visitor's, or German where no translation exists. */
  shownLocale: Locale;
  status: TranslationStatus;
};
export type PublicFaqCategory = { slug: string; name: string; entries: PublicFaqEntry[] };

const categoryName = (names: Partial<Record<string, string>>, locale: Locale) =>
  names[locale]?.trim() || names.de || "";

/**
 * Ids of published entries matching a search: German full-text (stemmed: "Kurse" finds "Kurs"),
 * plain-word full-text in the visitor's language, and substring matching as a fallback for both.
 */
async function searchEntryIds(query: string, locale: Locale): Promise<string[]> {
  const db = await getDb();
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectDistinct({ id: faqTranslations.entryId })
    .from(faqTranslations)
    .where(
      and(
        inArray(faqTranslations.locale, locale === "de" ? ["de"] : ["de", locale]),
        sql`(
          (${faqTranslations.locale} = 'de' and ${faqTranslations.search} @@ websearch_to_tsquery('german', ${query}))
          or (${faqTranslations.locale} <> 'de' and ${faqTranslations.search} @@ websearch_to_tsquery('simple', ${query}))
          or ${faqTranslations.question} ilike ${like}
          or ${faqTranslations.answer} ilike ${like}
        )`,
      ),
    )
    .limit(200);
  return rows.map((r) => r.id);
}

/** The published FAQ in the visitor's language, in category and entry order; optionally searched. */
export async function listPublishedFaq(input: {
  locale: Locale;
  query?: string;
}): Promise<PublicFaqCategory[]> {
  const db = await getDb();
  const matching = input.query ? await searchEntryIds(input.query, input.locale) : null;
  if (matching && matching.length === 0) return [];
  const rows = await db
    .select({
      entryId: faqEntries.id,
      slug: faqEntries.slug,
      germanVersion: faqEntries.sourceVersion,
      categorySlug: faqCategories.slug,
      categoryNames: faqCategories.names,
      locale: faqTranslations.locale,
      question: faqTranslations.question,
      answer: faqTranslations.answer,
      sourceVersion: faqTranslations.sourceVersion,
    })
    .from(faqEntries)
    .innerJoin(faqCategories, eq(faqCategories.id, faqEntries.categoryId))
    .innerJoin(faqTranslations, eq(faqTranslations.entryId, faqEntries.id))
    .where(
      and(
        eq(faqEntries.published, true),
        inArray(faqTranslations.locale, input.locale === "de" ? ["de"] : ["de", input.locale]),
        matching ? inArray(faqEntries.id, matching) : undefined,
      ),
    )
    .orderBy(
      asc(faqCategories.position),
      asc(faqCategories.slug),
      asc(faqEntries.position),
      asc(faqEntries.slug),
    );

  const categories = new Map<string, PublicFaqCategory>();
  const byEntry = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byEntry.get(row.entryId) ?? [];
    list.push(row);
    byEntry.set(row.entryId, list);
  }
  for (const versions of byEntry.values()) {
    const german = versions.find((v) => v.locale === "de");
    if (!german) continue;
    const own = versions.find((v) => v.locale === input.locale);
    const shown = own ?? german;
    let category = categories.get(german.categorySlug);
    if (!category) {
      category = {
        slug: german.categorySlug,
        name: categoryName(german.categoryNames, input.locale),
        entries: [],
      };
      categories.set(german.categorySlug, category);
    }
    category.entries.push({
      slug: german.slug,
      question: shown.question,
      answerHtml: renderMarkdown(shown.answer),
      shownLocale: own ? input.locale : "de",
      status: input.locale === "de" ? "current" : translationStatus(german.germanVersion, own),
    });
  }
  return [...categories.values()];
}

export type FaqCategoryOption = {
  id: string;
  slug: string;
  names: Partial<Record<string, string>>;
  position: number;
};

export async function listFaqCategories(): Promise<FaqCategoryOption[]> {
  const db = await getDb();
  return db
    .select({
      id: faqCategories.id,
      slug: faqCategories.slug,
      names: faqCategories.names,
      position: faqCategories.position,
    })
    .from(faqCategories)
    .orderBy(asc(faqCategories.position), asc(faqCategories.slug));
}

export type AdminFaqEntry = {
  id: string;
  slug: string;
  categoryId: string;
  question: string;
  published: boolean;
  position: number;
  statuses: Record<Locale, TranslationStatus>;
};

/** Every entry (published or not) with its German question and each language's status, for coordinators. */
export async function listFaqForAdmin(): Promise<AdminFaqEntry[]> {
  const db = await getDb();
  const entries = await db
    .select({
      id: faqEntries.id,
      slug: faqEntries.slug,
      categoryId: faqEntries.categoryId,
      published: faqEntries.published,
      position: faqEntries.position,
      germanVersion: faqEntries.sourceVersion,
    })
    .from(faqEntries)
    .orderBy(asc(faqEntries.position), asc(faqEntries.slug));
  if (entries.length === 0) return [];
  const translations = await db
    .select({
      entryId: faqTranslations.entryId,
      locale: faqTranslations.locale,
      question: faqTranslations.question,
      sourceVersion: faqTranslations.sourceVersion,
    })
    .from(faqTranslations)
    .where(
      inArray(
        faqTranslations.entryId,
        entries.map((e) => e.id),
      ),
    );
  return entries.map((entry) => {
    const mine = translations.filter((t) => t.entryId === entry.id);
    const statuses = Object.fromEntries(
      LOCALES.map((locale) => [
        locale,
        locale === "de"
          ? "current"
          : translationStatus(
              entry.germanVersion,
              mine.find((t) => t.locale === locale),
            ),
      ]),
    ) as Record<Locale, TranslationStatus>;
    const { germanVersion: _, ...rest } = entry;
    return { ...rest, question: mine.find((t) => t.locale === "de")?.question ?? entry.slug, statuses };
  });
}

export type FaqEntryForEdit = {
  id: string;
  slug: string;
  categoryId: string;
  published: boolean;
  germanVersion: number;
  texts: Partial<
    Record<Locale, { question: string; answer: string; status: TranslationStatus; updatedAt: Date }>
  >;
};

export async function getFaqEntryForEdit(input: { entryId: string }): Promise<FaqEntryForEdit | null> {
  const db = await getDb();
  const [entry] = await db
    .select({
      id: faqEntries.id,
      slug: faqEntries.slug,
      categoryId: faqEntries.categoryId,
      published: faqEntries.published,
      germanVersion: faqEntries.sourceVersion,
    })
    .from(faqEntries)
    .where(eq(faqEntries.id, input.entryId))
    .limit(1);
  if (!entry) return null;
  const rows = await db
    .select({
      locale: faqTranslations.locale,
      question: faqTranslations.question,
      answer: faqTranslations.answer,
      sourceVersion: faqTranslations.sourceVersion,
      updatedAt: faqTranslations.updatedAt,
    })
    .from(faqTranslations)
    .where(eq(faqTranslations.entryId, entry.id));
  const texts: FaqEntryForEdit["texts"] = {};
  for (const row of rows) {
    if (!(LOCALES as readonly string[]).includes(row.locale)) continue;
    texts[row.locale as Locale] = {
      question: row.question,
      answer: row.answer,
      updatedAt: row.updatedAt,
      status: row.locale === "de" ? "current" : translationStatus(entry.germanVersion, row),
    };
  }
  return { ...entry, texts };
}
