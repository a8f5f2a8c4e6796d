import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { nextPosition } from "@/db/positions";
import { videoCaptions, videoMedia, videoMediaChunks, videos, videoTranslations } from "@/db/schema";
import { freeSlug } from "@/db/slugs";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { slugify } from "@/lib/faq/utils";
import type { Locale } from "@/lib/i18n/config";
import { editCachedContent } from "@/lib/page-cache/mutations";
import type { MediaKind } from "./constants";
import type { SaveVideo, SaveVideoTranslation } from "./schema";

async function slugTaken(tx: Executor, slug: string, exceptId?: string) {
  const [row] = await tx.select({ id: videos.id }).from(videos).where(eq(videos.slug, slug)).limit(1);
  return Boolean(row && row.id !== exceptId);
}

/** Creates or saves a video with its German texts; changed German texts make translations outdated. */
export async function saveVideo(input: { actorId: string; data: SaveVideo }): Promise<{ id: string }> {
  const { data } = input;
  return editCachedContent("videos", async (tx) => {
    if (!data.videoId) {
      if (data.slug && (await slugTaken(tx, data.slug)))
        throw new AppError({ code: "conflict", message: "slugTaken", field: "slug" });
      const slug =
        data.slug ??
        (await freeSlug(tx, videos.slug, slugify(data.title) || `video-${crypto.randomUUID().slice(0, 8)}`));
      const next = await nextPosition(tx, videos.position);
      const [row] = await tx
        .insert(videos)
        .values({
          slug,
          kind: data.kind,
          externalId: data.externalId,
          published: data.published,
          position: next,
          createdBy: input.actorId,
        })
        .returning({ id: videos.id });
      await tx.insert(videoTranslations).values({
        videoId: row!.id,
        locale: "de",
        title: data.title,
        description: data.description,
        transcript: data.transcript,
        sourceVersion: 1,
      });
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "video.created",
        targetType: "video",
        targetId: row!.id,
        data: { slug },
      });
      return { id: row!.id };
    }
    const [current] = await tx
      .select({ version: videos.sourceVersion, slug: videos.slug })
      .from(videos)
      .where(eq(videos.id, data.videoId))
      .for("update")
      .limit(1);
    if (!current) throw new AppError({ code: "not_found", message: "videoGone" });
    const slug = data.slug ?? current.slug;
    if (slug !== current.slug && (await slugTaken(tx, slug, data.videoId))) {
      throw new AppError({ code: "conflict", message: "slugTaken", field: "slug" });
    }
    const [german] = await tx
      .select({
        title: videoTranslations.title,
        description: videoTranslations.description,
        transcript: videoTranslations.transcript,
      })
      .from(videoTranslations)
      .where(and(eq(videoTranslations.videoId, data.videoId), eq(videoTranslations.locale, "de")))
      .limit(1);
    const changed =
      !german ||
      german.title !== data.title ||
      german.description !== data.description ||
      german.transcript !== data.transcript;
    const version = changed ? current.version + 1 : current.version;
    await tx
      .update(videos)
      .set({
        slug,
        kind: data.kind,
        externalId: data.externalId,
        published: data.published,
        sourceVersion: version,
        updatedAt: new Date(),
      })
      .where(eq(videos.id, data.videoId));
    const texts = {
      title: data.title,
      description: data.description,
      transcript: data.transcript,
      sourceVersion: version,
      updatedAt: new Date(),
    };
    await tx
      .insert(videoTranslations)
      .values({ videoId: data.videoId, locale: "de", ...texts })
      .onConflictDoUpdate({ target: [videoTranslations.videoId, videoTranslations.locale], set: texts });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "video.updated",
      targetType: "video",
      targetId: data.videoId,
      data: { germanChanged: changed, published: data.published },
    });
    return { id: data.videoId };
  });
}

export async function saveVideoTranslation(input: {
  actorId: string;
  data: SaveVideoTranslation;
}): Promise<void> {
  const { data } = input;
  await editCachedContent("videos", async (tx) => {
    const [video] = await tx
      .select({ version: videos.sourceVersion })
      .from(videos)
      .where(eq(videos.id, data.videoId))
      .limit(1);
    if (!video) throw new AppError({ code: "not_found", message: "videoGone" });
    const texts = {
      title: data.title,
      description: data.description,
      transcript: data.transcript,
      sourceVersion: video.version,
      updatedAt: new Date(),
    };
    await tx
      .insert(videoTranslations)
      .values({ videoId: data.videoId, locale: data.locale, ...texts })
      .onConflictDoUpdate({ target: [videoTranslations.videoId, videoTranslations.locale], set: texts });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "video.translated",
      targetType: "video",
      targetId: data.videoId,
      data: { locale: data.locale },
    });
  });
}

export async function saveCaptions(input: {
  actorId: string;
  videoId: string;
  locale: Locale;
  vtt: string;
}): Promise<void> {
  await editCachedContent("videos", async (tx) => {
    const [video] = await tx
      .select({ id: videos.id })
      .from(videos)
      .where(eq(videos.id, input.videoId))
      .limit(1);
    if (!video) throw new AppError({ code: "not_found", message: "videoGone" });
    await tx
      .insert(videoCaptions)
      .values({ videoId: input.videoId, locale: input.locale, vtt: input.vtt })
      .onConflictDoUpdate({
        target: [videoCaptions.videoId, videoCaptions.locale],
        set: { vtt: input.vtt, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "video.captions_saved",
      targetType: "video",
      targetId: input.videoId,
      data: { locale: input.locale },
    });
  });
}

export async function setVideoPublished(input: {
  actorId: string;
  videoId: string;
  published: boolean;
}): Promise<void> {
  await editCachedContent("videos", async (tx) => {
    const [row] = await tx
      .update(videos)
      .set({ published: input.published, updatedAt: new Date() })
      .where(eq(videos.id, input.videoId))
      .returning({ id: videos.id });
    if (!row) throw new AppError({ code: "not_found", message: "videoGone" });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: input.published ? "video.published" : "video.unpublished",
      targetType: "video",
      targetId: input.videoId,
    });
  });
}

export async function moveVideo(input: {
  actorId: string;
  videoId: string;
  direction: "up" | "down";
}): Promise<void> {
  await editCachedContent("videos", async (tx) => {
    const ids = (
      await tx
        .select({ id: videos.id })
        .from(videos)
        .orderBy(asc(videos.position), asc(videos.slug))
        .for("update")
    ).map((r) => r.id);
    const from = ids.indexOf(input.videoId);
    if (from < 0) throw new AppError({ code: "not_found", message: "videoGone" });
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    for (const [position, id] of ids.entries())
      await tx.update(videos).set({ position }).where(eq(videos.id, id));
  });
}

export async function deleteVideo(input: { actorId: string; videoId: string }): Promise<void> {
  await editCachedContent("videos", async (tx) => {
    const [row] = await tx
      .delete(videos)
      .where(eq(videos.id, input.videoId))
      .returning({ slug: videos.slug, mediaId: videos.mediaId, posterId: videos.posterId });
    if (!row) throw new AppError({ code: "not_found", message: "videoGone" });
    for (const mediaId of [row.mediaId, row.posterId])
      if (mediaId) await tx.delete(videoMedia).where(eq(videoMedia.id, mediaId));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "video.deleted",
      targetType: "video",
      targetId: input.videoId,
      data: { slug: row.slug },
    });
  });
}

// Uploads: a media row, then its chunks as they stream in, then it is attached to the video in one step.

export async function createMedia(input: {
  actorId: string;
  contentType: string;
  chunkSize: number;
}): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(videoMedia)
    .values({ contentType: input.contentType, chunkSize: input.chunkSize, createdBy: input.actorId })
    .returning({ id: videoMedia.id });
  return row!.id;
}

export async function appendMediaChunk(input: { mediaId: string; seq: number; data: Buffer }): Promise<void> {
  const db = await getDb();
  await db.insert(videoMediaChunks).values(input);
}

export async function discardMedia(input: { mediaId: string }): Promise<void> {
  const db = await getDb();
  await db.delete(videoMedia).where(eq(videoMedia.id, input.mediaId));
}

/** Marks the upload complete and puts it on the video; the file it replaces is deleted. */
export async function attachMedia(input: {
  actorId: string;
  videoId: string;
  kind: MediaKind;
  mediaId: string;
  byteSize: number;
}): Promise<void> {
  await editCachedContent("videos", async (tx) => {
    const [video] = await tx
      .select({ mediaId: videos.mediaId, posterId: videos.posterId })
      .from(videos)
      .where(eq(videos.id, input.videoId))
      .for("update")
      .limit(1);
    if (!video) throw new AppError({ code: "not_found", message: "videoGone" });
    await tx
      .update(videoMedia)
      .set({ complete: true, byteSize: input.byteSize })
      .where(eq(videoMedia.id, input.mediaId));
    const previous = input.kind === "video" ? video.mediaId : video.posterId;
    await tx
      .update(videos)
      .set(
        input.kind === "video"
          ? { mediaId: input.mediaId, updatedAt: new Date() }
          : { posterId: input.mediaId, updatedAt: new Date() },
      )
      .where(eq(videos.id, input.videoId));
    if (previous) await tx.delete(videoMedia).where(eq(videoMedia.id, previous));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: input.kind === "video" ? "video.file_uploaded" : "video.poster_uploaded",
      targetType: "video",
      targetId: input.videoId,
      data: { byteSize: input.byteSize },
    });
  });
}
