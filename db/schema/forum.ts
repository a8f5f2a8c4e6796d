import { sql } from "drizzle-orm";
import {
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
import type { CategoryTranslations } from "./enums";
import { GIN_READ_MOSTLY } from "./gin";
import { workingGroups } from "./groups";
import { uploads } from "./network";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const CATEGORY_VISIBILITIES = ["public", "members", "group"] as const;
export type CategoryVisibility = (typeof CATEGORY_VISIBILITIES)[number];
/** visible · pending (held for approval) · hidden (by a coordinator) · deleted (soft, by author or coordinator). */
export const POST_STATUSES = ["visible", "pending", "hidden", "deleted"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const forumCategories = pgTable(
  "forum_categories",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Name and description in English, Arabic and Ukrainian, where a coordinator gave them. */
    translations: jsonb("translations").$type<CategoryTranslations>().notNull().default({}),
    /** A hex colour such as #1d4ed8, shown as the category's stripe. */
    color: text("color").notNull().default("#1d4ed8"),
    visibility: text("visibility").$type<CategoryVisibility>().notNull().default("members"),
    groupId: text("group_id").references(() => workingGroups.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    threadCount: integer("thread_count").notNull().default(0),
    postCount: integer("post_count").notNull().default(0),
    lastPostAt: ts("last_post_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("forum_categories_position_idx").on(t.position, t.name)],
);
export type ForumCategory = typeof forumCategories.$inferSelect;
export type NewForumCategory = typeof forumCategories.$inferInsert;

export const forumThreads = pgTable(
  "forum_threads",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    categoryId: text("category_id")
      .notNull()
      .references(() => forumCategories.id),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    slug: text("slug").notNull(),
    status: text("status").$type<PostStatus>().notNull().default("visible"),
    pinned: boolean("pinned").notNull().default(false),
    locked: boolean("locked").notNull().default(false),
    closed: boolean("closed").notNull().default(false),
    /** The number given to the newest post: posts are numbered 1, 2, 3 … within their thread. */
    lastNumber: integer("last_number").notNull().default(0),
    replyCount: integer("reply_count").notNull().default(0),
    lastPostAt: ts("last_post_at").notNull().defaultNow(),
    createdAt: ts("created_at").notNull().defaultNow(),
    /** The title's words: search finds a thread by its title, showing its first post. */
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('german', title)`),
  },
  (t) => [
    index("forum_threads_category_idx").on(t.categoryId, t.pinned, t.lastPostAt, t.id),
    index("forum_threads_latest_idx").on(t.lastPostAt, t.id),
    index("forum_threads_search_idx").using("gin", t.search).with(GIN_READ_MOSTLY),
  ],
);
export type ForumThread = typeof forumThreads.$inferSelect;
export type NewForumThread = typeof forumThreads.$inferInsert;

export const forumPosts = pgTable(
  "forum_posts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    threadId: integer("thread_id")
      .notNull()
      .references(() => forumThreads.id, { onDelete: "cascade" }),
    /** Copied from the thread (and moved with it), so search filters by visibility without a join. */
    categoryId: text("category_id")
      .notNull()
      .references(() => forumCategories.id),
    number: integer("number").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    status: text("status").$type<PostStatus>().notNull().default("visible"),
    editCount: integer("edit_count").notNull().default(0),
    editedAt: ts("edited_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('german', body)`),
  },
  (t) => [
    uniqueIndex("forum_posts_thread_number_idx").on(t.threadId, t.number),
    index("forum_posts_search_idx").using("gin", t.search).with(GIN_READ_MOSTLY),
    index("forum_posts_author_idx").on(t.authorId, t.id),
    index("forum_posts_status_idx").on(t.status, t.id).where(sql`status = 'pending'`),
    // The dashboard's current week: a few pages per range of blocks, as rows are written in time order.
    index("forum_posts_created_brin").using("brin", t.createdAt),
  ],
);
export type ForumPost = typeof forumPosts.$inferSelect;
export type NewForumPost = typeof forumPosts.$inferInsert;

/** The text a post had before each edit, newest last. */
export const forumPostRevisions = pgTable(
  "forum_post_revisions",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    postId: integer("post_id")
      .notNull()
      .references(() => forumPosts.id, { onDelete: "cascade" }),
    editorId: text("editor_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("forum_post_revisions_post_idx").on(t.postId, t.createdAt)],
);

export const forumReactions = pgTable(
  "forum_reactions",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => forumPosts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    emoji: text("emoji").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId, t.emoji] })],
);

/** An image or PDF on a post; the file itself is a row in uploads. */
export const forumAttachments = pgTable(
  "forum_attachments",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    postId: integer("post_id")
      .notNull()
      .references(() => forumPosts.id, { onDelete: "cascade" }),
    uploadId: text("upload_id")
      .notNull()
      .references(() => uploads.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("forum_attachments_post_idx").on(t.postId),
    index("forum_attachments_upload_idx").on(t.uploadId),
  ],
);

/** How far a member has read a thread: the highest post number they have seen. */
export const forumReadState = pgTable(
  "forum_read_state",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    threadId: integer("thread_id")
      .notNull()
      .references(() => forumThreads.id, { onDelete: "cascade" }),
    lastReadNumber: integer("last_read_number").notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] })],
);

export const WATCH_LEVELS = ["watch", "mute"] as const;
export type WatchLevel = (typeof WATCH_LEVELS)[number];

/** Watch (notify on every reply) or mute (never notify, hide from "latest") a thread or a category. */
export const forumWatches = pgTable(
  "forum_watches",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    subjectType: text("subject_type").$type<"thread" | "category">().notNull(),
    subjectId: text("subject_id").notNull(),
    level: text("level").$type<WatchLevel>().notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.subjectType, t.subjectId] }),
    index("forum_watches_subject_idx").on(t.subjectType, t.subjectId, t.level),
  ],
);
