import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { GIN_READ_MOSTLY } from "./gin";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** Category names per language ({ de, en, ar, uk }); German is required, the others fall back to it. */
export const faqCategories = pgTable(
  "faq_categories",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    slug: text("slug").notNull(),
    names: jsonb("names").$type<Partial<Record<string, string>>>().notNull(),
    position: integer("position").notNull().default(0),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("faq_categories_slug_idx").on(t.slug)],
);
export type FaqCategory = typeof faqCategories.$inferSelect;
export type NewFaqCategory = typeof faqCategories.$inferInsert;

/**
 * One question. The German text lives in faq_translations like every other language; `sourceVersion`
 * counts changes to it, so a translation made from an older German text shows as outdated.
 */
export const faqEntries = pgTable(
  "faq_entries",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    categoryId: text("category_id")
      .notNull()
      .references(() => faqCategories.id, { onDelete: "restrict" }),
    /** The anchor (#slug) visitors link to; it stays when the question is reworded. */
    slug: text("slug").notNull(),
    position: integer("position").notNull().default(0),
    published: boolean("published").notNull().default(false),
    sourceVersion: integer("source_version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("faq_entries_slug_idx").on(t.slug),
    index("faq_entries_category_idx").on(t.categoryId, t.position),
  ],
);
export type FaqEntry = typeof faqEntries.$inferSelect;
export type NewFaqEntry = typeof faqEntries.$inferInsert;

export const faqTranslations = pgTable(
  "faq_translations",
  {
    entryId: text("entry_id")
      .notNull()
      .references(() => faqEntries.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    question: text("question").notNull(),
    /** Markdown, rendered sanitised. */
    answer: text("answer").notNull(),
    /** The German sourceVersion this text was written from (for German itself: the current one). */
    sourceVersion: integer("source_version").notNull(),
    /** German stemming for German, plain words for the other languages. */
    search: tsvector("search").generatedAlwaysAs(
      sql`case when locale = 'de' then to_tsvector('german'::regconfig, question || ' ' || answer) else to_tsvector('simple'::regconfig, question || ' ' || answer) end`,
    ),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.locale] }),
    index("faq_translations_search_idx").using("gin", t.search).with(GIN_READ_MOSTLY),
  ],
);
export type FaqTranslation = typeof faqTranslations.$inferSelect;

/**
 * A counter per public content area ("faq", "videos"), raised by every edit in the same transaction.
 * Each app instance compares it with the version its cached pages were rendered from.
 */
export const contentVersions = pgTable("content_versions", {
  scope: text("scope").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(1),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});
