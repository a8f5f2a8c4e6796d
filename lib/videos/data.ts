import "server-only";
import { and, asc, between, eq, inArray, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { videoCaptions, videoMedia, videoMediaChunks, videos, videoTranslations } from "@/db/schema";
import { type TranslationStatus, translationStatus } from "@/lib/faq/utils";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { renderMarkdown } from "@/lib/markdown/render";

export const mediaUrl = (mediaId: string) => `/api/videos/media/${mediaId}`;
export const captionsUrl = (videoId: string, locale: Locale) => `/api/videos/captions/${videoId}/${locale}`;

/** A translation's texts and the German version it was written from. */
export const TRANSLATION_TEXTS = {
  locale: videoTranslations.locale,
  title: videoTranslations.title,
  description: videoTranslations.description,
  transcript: videoTranslations.transcript,
  sourceVersion: videoTranslations.sourceVersion,
};

type Texts = {
  locale: string;
  title: string;
  description: string;
  transcript: string;
  sourceVersion: number;
};

/** The visitor's language if translated, else German. */
function pick(texts: Texts[], locale: Locale, germanVersion: number) {
  const german = texts.find((t) => t.locale === "de");
  const own = texts.find((t) => t.locale === locale);
  const shown = own ?? german;
  return {
    shown,
    shownLocale: (own ? locale : "de") as Locale,
    status: (locale === "de" ? "current" : translationStatus(germanVersion, own)) as TranslationStatus,
  };
}

export type PublicVideoCard = {
  slug: string;
  kind: "upload" | "external";
  title: string;
  description: string;
  posterUrl: string | null;
  shownLocale: Locale;
};

export async function listPublishedVideos(input: { locale: Locale }): Promise<PublicVideoCard[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: videos.id,
      slug: videos.slug,
      kind: videos.kind,
      posterId: videos.posterId,
      version: videos.sourceVersion,
    })
    .from(videos)
    .where(eq(videos.published, true))
    .orderBy(asc(videos.position), asc(videos.slug));
  if (rows.length === 0) return [];
  const texts = await db
    .select({ videoId: videoTranslations.videoId, ...TRANSLATION_TEXTS })
    .from(videoTranslations)
    .where(
      and(
        inArray(
          videoTranslations.videoId,
          rows.map((r) => r.id),
        ),
        inArray(videoTranslations.locale, ["de", input.locale]),
      ),
    );
  return rows.flatMap((row) => {
    const { shown, shownLocale } = pick(
      texts.filter((t) => t.videoId === row.id),
      input.locale,
      row.version,
    );
    if (!shown) return [];
    return [
      {
        slug: row.slug,
        kind: row.kind,
        title: shown.title,
        description: shown.description,
        posterUrl: row.posterId ? mediaUrl(row.posterId) : null,
        shownLocale,
      },
    ];
  });
}

export type PublicVideo = PublicVideoCard & {
  id: string;
  externalId: string | null;
  source: { url: string; type: string } | null;
  transcriptHtml: string;
  status: TranslationStatus;
  captions: { locale: Locale; url: string }[];
};

/** A published video (or, with `preview`, any video: for coordinators). */
export async function getVideo(input: {
  slug: string;
  locale: Locale;
  preview?: boolean;
}): Promise<PublicVideo | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: videos.id,
      slug: videos.slug,
      kind: videos.kind,
      externalId: videos.externalId,
      mediaId: videos.mediaId,
      posterId: videos.posterId,
      version: videos.sourceVersion,
      contentType: videoMedia.contentType,
      complete: videoMedia.complete,
    })
    .from(videos)
    .leftJoin(videoMedia, eq(videoMedia.id, videos.mediaId))
    .where(and(eq(videos.slug, input.slug), input.preview ? undefined : eq(videos.published, true)))
    .limit(1);
  if (!row) return null;
  const texts = await db
    .select(TRANSLATION_TEXTS)
    .from(videoTranslations)
    .where(
      and(eq(videoTranslations.videoId, row.id), inArray(videoTranslations.locale, ["de", input.locale])),
    );
  const { shown, shownLocale, status } = pick(texts, input.locale, row.version);
  if (!shown) return null;
  const captions = await db
    .select({ locale: videoCaptions.locale })
    .from(videoCaptions)
    .where(eq(videoCaptions.videoId, row.id));
  const captionLocales = LOCALES.filter((l) => captions.some((c) => c.locale === l));
  // The visitor's language first: the first track is the default one.
  captionLocales.sort((a, b) => Number(b === input.locale) - Number(a === input.locale));
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    externalId: row.externalId,
    title: shown.title,
    description: shown.description,
    transcriptHtml: shown.transcript ? renderMarkdown(shown.transcript) : "",
    posterUrl: row.posterId ? mediaUrl(row.posterId) : null,
    source:
      row.mediaId && row.complete && row.contentType
        ? { url: mediaUrl(row.mediaId), type: row.contentType }
        : null,
    shownLocale,
    status,
    captions: captionLocales.map((locale) => ({ locale, url: captionsUrl(row.id, locale) })),
  };
}

export type MediaInfo = {
  id: string;
  contentType: string;
  byteSize: number;
  chunkSize: number;
  isPublic: boolean;
};

/** A complete media file and whether a published video shows it (else coordinators only). */
export async function getMediaInfo(input: { mediaId: string }): Promise<MediaInfo | null> {
  const db = await getDb();
  const [media] = await db
    .select({
      id: videoMedia.id,
      contentType: videoMedia.contentType,
      byteSize: videoMedia.byteSize,
      chunkSize: videoMedia.chunkSize,
    })
    .from(videoMedia)
    .where(and(eq(videoMedia.id, input.mediaId), eq(videoMedia.complete, true)))
    .limit(1);
  if (!media) return null;
  const [shown] = await db
    .select({ id: videos.id })
    .from(videos)
    .where(and(eq(videos.published, true), or(eq(videos.mediaId, media.id), eq(videos.posterId, media.id))))
    .limit(1);
  return { ...media, isPublic: Boolean(shown) };
}

/** Chunks `from`…`to` (inclusive) of a media file, in order. */
export async function readMediaChunks(input: {
  mediaId: string;
  from: number;
  to: number;
}): Promise<Buffer[]> {
  const db = await getDb();
  const rows = await db
    .select({ data: videoMediaChunks.data })
    .from(videoMediaChunks)
    .where(
      and(eq(videoMediaChunks.mediaId, input.mediaId), between(videoMediaChunks.seq, input.from, input.to)),
    )
    .orderBy(asc(videoMediaChunks.seq));
  return rows.map((r) => Buffer.from(r.data));
}

export async function getCaptions(input: {
  videoId: string;
  locale: string;
}): Promise<{ vtt: string; isPublic: boolean } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ vtt: videoCaptions.vtt, published: videos.published })
    .from(videoCaptions)
    .innerJoin(videos, eq(videos.id, videoCaptions.videoId))
    .where(and(eq(videoCaptions.videoId, input.videoId), eq(videoCaptions.locale, input.locale)))
    .limit(1);
  return row ? { vtt: row.vtt, isPublic: row.published } : null;
}
