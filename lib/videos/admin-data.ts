/** The coordinators' reads of videos: every video with its translation and caption state, published or not. */
import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { videoCaptions, videoMedia, videos, videoTranslations } from "@/db/schema";
import { type TranslationStatus, translationStatus } from "@/lib/faq/utils";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { mediaUrl, TRANSLATION_TEXTS } from "./data";

export type AdminVideo = {
  id: string;
  slug: string;
  kind: "upload" | "external";
  title: string;
  published: boolean;
  hasMedia: boolean;
  statuses: Record<Locale, TranslationStatus>;
  captionLocales: Locale[];
};

export async function listVideosForAdmin(): Promise<AdminVideo[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: videos.id,
      slug: videos.slug,
      kind: videos.kind,
      published: videos.published,
      mediaId: videos.mediaId,
      externalId: videos.externalId,
      version: videos.sourceVersion,
    })
    .from(videos)
    .orderBy(asc(videos.position), asc(videos.slug));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const texts = await db
    .select({
      videoId: videoTranslations.videoId,
      locale: videoTranslations.locale,
      title: videoTranslations.title,
      sourceVersion: videoTranslations.sourceVersion,
    })
    .from(videoTranslations)
    .where(inArray(videoTranslations.videoId, ids));
  const captions = await db
    .select({ videoId: videoCaptions.videoId, locale: videoCaptions.locale })
    .from(videoCaptions)
    .where(inArray(videoCaptions.videoId, ids));
  return rows.map((row) => {
    const mine = texts.filter((t) => t.videoId === row.id);
    return {
      id: row.id,
      slug: row.slug,
      kind: row.kind,
      published: row.published,
      hasMedia: row.kind === "external" ? Boolean(row.externalId) : Boolean(row.mediaId),
      title: mine.find((t) => t.locale === "de")?.title ?? row.slug,
      statuses: Object.fromEntries(
        LOCALES.map((l) => [
          l,
          l === "de"
            ? "current"
            : translationStatus(
                row.version,
                mine.find((t) => t.locale === l),
              ),
        ]),
      ) as Record<Locale, TranslationStatus>,
      captionLocales: LOCALES.filter((l) => captions.some((c) => c.videoId === row.id && c.locale === l)),
    };
  });
}

export type VideoForEdit = {
  id: string;
  slug: string;
  kind: "upload" | "external";
  externalId: string | null;
  published: boolean;
  media: { url: string; type: string; byteSize: number } | null;
  posterUrl: string | null;
  texts: Partial<
    Record<Locale, { title: string; description: string; transcript: string; status: TranslationStatus }>
  >;
  captionLocales: Locale[];
};

export async function getVideoForEdit(input: { videoId: string }): Promise<VideoForEdit | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: videos.id,
      slug: videos.slug,
      kind: videos.kind,
      externalId: videos.externalId,
      published: videos.published,
      mediaId: videos.mediaId,
      posterId: videos.posterId,
      version: videos.sourceVersion,
      contentType: videoMedia.contentType,
      byteSize: videoMedia.byteSize,
    })
    .from(videos)
    .leftJoin(videoMedia, eq(videoMedia.id, videos.mediaId))
    .where(eq(videos.id, input.videoId))
    .limit(1);
  if (!row) return null;
  const rows = await db
    .select(TRANSLATION_TEXTS)
    .from(videoTranslations)
    .where(eq(videoTranslations.videoId, row.id));
  const captions = await db
    .select({ locale: videoCaptions.locale })
    .from(videoCaptions)
    .where(eq(videoCaptions.videoId, row.id));
  const texts: VideoForEdit["texts"] = {};
  for (const t of rows) {
    if (!(LOCALES as readonly string[]).includes(t.locale)) continue;
    texts[t.locale as Locale] = {
      title: t.title,
      description: t.description,
      transcript: t.transcript,
      status: t.locale === "de" ? "current" : translationStatus(row.version, t),
    };
  }
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    externalId: row.externalId,
    published: row.published,
    media:
      row.mediaId && row.contentType
        ? { url: mediaUrl(row.mediaId), type: row.contentType, byteSize: row.byteSize ?? 0 }
        : null,
    posterUrl: row.posterId ? mediaUrl(row.posterId) : null,
    texts,
    captionLocales: LOCALES.filter((l) => captions.some((c) => c.locale === l)),
  };
}

export async function videoExists(input: { videoId: string }): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ id: videos.id }).from(videos).where(eq(videos.id, input.videoId)).limit(1);
  return Boolean(row);
}
