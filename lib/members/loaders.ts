import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/auth/viewer";
import { type DirectoryPage, getProfile, type ProfileView, searchDirectory } from "./data";
import { type DirectoryQuery, parseDirectoryQuery } from "./schema";
import { type ViewerLevel, viewerLevel } from "./visibility";

export type DirectoryView = DirectoryPage & {
  query: DirectoryQuery;
  /** Visitors and applicants see public fields only; the page says so. */
  level: ViewerLevel;
};

/**
 * The directory for whoever asks: visitors and applicants at the public level, members (coordinators
 * and admins too) at the members level. Everyone, the owner included, is listed at that one level.
 */
export async function loadDirectory(
  params: Record<string, string | string[] | undefined>,
): Promise<DirectoryView> {
  const query = parseDirectoryQuery(params);
  const level = viewerLevel(await getViewer());
  const page = await searchDirectory({
    level,
    q: query.q,
    topic: query.topic,
    language: query.language,
    municipality: query.municipality,
    organisationType: query.type,
    after: query.after,
  });
  return { ...page, query, level };
}

/** A profile as the viewer may see it; "not found" when they may not see the member at all. */
export const loadProfile = cache(async (userId: string): Promise<ProfileView & { level: ViewerLevel }> => {
  const level = viewerLevel(await getViewer(), userId);
  const profile = userId.length <= 100 ? await getProfile({ userId, level }) : null;
  if (!profile) notFound();
  return { ...profile, level };
});
