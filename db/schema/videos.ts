import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

export const VIDEO_KINDS = ["upload", "external"] as const;
export type VideoKind = (typeof VIDEO_KINDS)[number];

export const videos = pgTable(
  "videos",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    slug: text("slug").notNull(),
    kind: text("kind").$type<VideoKind>().notNull().default("upload"),
    /** YouTube video id for an external video. */
    externalId: text("external_id"),
    mediaId: text("media_id").references(() => videoMedia.id, { onDelete: "set null" }),
    posterId: text("poster_id").references(() => videoMedia.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    published: boolean("published").notNull().default(false),
    sourceVersion: integer("source_version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("videos_slug_idx").on(t.slug), index("videos_position_idx").on(t.position)],
);
export type Video = typeof videos.$inferSelect;
export type NewVideo = typeof videos.$inferInsert;

export const videoTranslations = pgTable(
  "video_translations",
  {
    videoId: text("video_id")
      .notNull()
      .references(() => videos.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** Markdown. */
    transcript: text("transcript").notNull().default(""),
    sourceVersion: integer("source_version").notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.videoId, t.locale] })],
);
export type VideoTranslation = typeof videoTranslations.$inferSelect;

/**
 * An uploaded file (video or poster) stored in chunks, so any app instance can serve it and a range
 * request reads only the chunks it needs. `complete` turns true once every chunk is written.
 */
export const videoMedia = pgTable("video_media", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  contentType: text("content_type").notNull(),
  byteSize: bigint("byte_size", { mode: "number" }).notNull().default(0),
  chunkSize: integer("chunk_size").notNull(),
  complete: boolean("complete").notNull().default(false),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: ts("created_at").notNull().defaultNow(),
});
export type VideoMedia = typeof videoMedia.$inferSelect;

export const videoMediaChunks = pgTable(
  "video_media_chunks",
  {
    mediaId: text("media_id")
      .notNull()
      .references(() => videoMedia.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.seq] })],
);

/** WebVTT captions, one file per video and language. */
export const videoCaptions = pgTable(
  "video_captions",
  {
    videoId: text("video_id")
      .notNull()
      .references(() => videos.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    vtt: text("vtt").notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.videoId, t.locale] })],
);
