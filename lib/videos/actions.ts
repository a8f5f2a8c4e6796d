"use server";

import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import { MAX_CAPTION_BYTES } from "./constants";
import {
  deleteVideo,
  moveVideo,
  saveCaptions,
  saveVideo,
  saveVideoTranslation,
  setVideoPublished,
} from "./mutations";
import {
  DeleteVideo,
  MoveVideo,
  SaveCaptions,
  SaveVideo,
  SaveVideoTranslation,
  SetVideoPublished,
} from "./schema";
import { isWebVtt } from "./utils";

// Every action: coordinators only (anyone else gets "not found"), then one mutation.

export const saveVideoAction = formAction(SaveVideo, async (data) => {
  const coordinator = await requireRole("coordinator");
  const { id } = await saveVideo({ actorId: coordinator.id, data });
  redirect(`/admin/videos/${id}?saved=${data.videoId ? "video" : "created"}`);
});

export const saveVideoTranslationAction = formAction(SaveVideoTranslation, async (data) => {
  const coordinator = await requireRole("coordinator");
  await saveVideoTranslation({ actorId: coordinator.id, data });
  redirect(`/admin/videos/${data.videoId}?saved=${data.locale}#translation-${data.locale}`);
});

/** A .vtt file up to 512 KB whose first line says WEBVTT. */
export const saveCaptionsAction = formAction(SaveCaptions, async (data, formData) => {
  const coordinator = await requireRole("coordinator");
  const file = formData.get("vtt");
  if (!(file instanceof File) || file.size === 0)
    throw new AppError({ code: "invalid", message: "captionsRequired", field: "vtt" });
  if (file.size > MAX_CAPTION_BYTES)
    throw new AppError({ code: "invalid", message: "captionsTooLarge", field: "vtt" });
  const text = await file.text();
  if (!isWebVtt(text)) throw new AppError({ code: "invalid", message: "captionsType", field: "vtt" });
  await saveCaptions({
    actorId: coordinator.id,
    videoId: data.videoId,
    locale: data.locale,
    vtt: text.replace(/^\uFEFF/, ""),
  });
  redirect(`/admin/videos/${data.videoId}?saved=captions#captions`);
});

export async function moveVideoAction(formData: FormData): Promise<void> {
  const coordinator = await requireRole("coordinator");
  const data = MoveVideo.parse(Object.fromEntries(formData));
  await moveVideo({ actorId: coordinator.id, videoId: data.videoId, direction: data.direction });
  redirect(`/admin/videos#video-${data.videoId}`);
}

export async function setVideoPublishedAction(formData: FormData): Promise<void> {
  const coordinator = await requireRole("coordinator");
  const data = SetVideoPublished.parse(Object.fromEntries(formData));
  await setVideoPublished({
    actorId: coordinator.id,
    videoId: data.videoId,
    published: data.published === "1",
  });
  redirect(
    `/admin/videos?saved=${data.published === "1" ? "published" : "unpublished"}#video-${data.videoId}`,
  );
}

export async function deleteVideoAction(formData: FormData): Promise<void> {
  const coordinator = await requireRole("coordinator");
  const { videoId, confirmed } = DeleteVideo.parse(Object.fromEntries(formData));
  // Only the confirmation step's form deletes; anything else is shown that step first.
  if (!confirmed) redirect(`/admin/videos/${encodeURIComponent(videoId)}?confirm=delete#confirm-heading`);
  await deleteVideo({ actorId: coordinator.id, videoId });
  redirect("/admin/videos?saved=deleted");
}
