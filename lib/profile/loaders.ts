import "server-only";
import { VISIBILITY } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { canSee, viewerLevel } from "@/lib/members/visibility";
import { getUpload, type StoredUpload } from "./data";

export type VisibleUpload = StoredUpload & {
  /** Visible to everyone, so shared caches may keep it. */
  isPublic: boolean;
};

/**
 * An upload the viewer may see, or null, the same for "unknown" and "not for you": the owner always
 * sees their own; anyone else only a current approved member's photo at the level that member chose.
 */
export async function loadVisibleUpload({
  id,
  viewer,
}: {
  id: string;
  viewer: Pick<Viewer, "id" | "status"> | null;
}): Promise<VisibleUpload | null> {
  const upload = await getUpload({ id });
  if (!upload) return null;
  const isPublic = upload.ownerStatus === "approved" && upload.visibility === VISIBILITY.public;
  if (viewer?.id === upload.ownerId) return { ...upload, isPublic };
  if (upload.ownerStatus !== "approved") return null;
  if (!canSee(upload.visibility, viewerLevel(viewer, upload.ownerId))) return null;
  return { ...upload, isPublic };
}
