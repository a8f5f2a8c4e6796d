import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { foldName } from "@/db/folding";
import { organisations, profileOrganisations, profiles, uploads, users } from "@/db/schema";
import { syncSearchColumns } from "@/db/search-fields";
import { uploadRow } from "@/db/uploads";
import { AppError } from "@/lib/errors";
import { PHOTO_CONTENT_TYPE, type ProcessedPhoto } from "./photo";
import type { ProfileInput } from "./schema";

/** Stores the member's own profile: name, fields, visibility and the search columns derived from them. */
export async function updateProfile({ userId, data }: { userId: string; data: ProfileInput }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    // Visitors' cached threads and events are renewed at the commit by triggers on the name and on
    // whether visitors may see it (`visName`: db/migrations 0029 and 0030).
    const [user] = await tx
      .update(users)
      .set({ name: data.name })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!user) throw new AppError({ code: "not_found", message: "generic" });
    const fields = {
      jobFunction: data.jobFunction ?? null,
      municipality: data.municipality ?? null,
      topics: data.topics,
      languages: data.languages,
      bio: data.bio ?? null,
      phone: data.phone ?? null,
      contactEmail: data.contactEmail ?? null,
      website: data.website ?? null,
      nameFolded: foldName(data.name),
      visName: data.visName,
      visPhoto: data.visPhoto,
      visJobFunction: data.visJobFunction,
      visOrganisation: data.visOrganisation,
      visMunicipality: data.visMunicipality,
      visTopics: data.visTopics,
      visLanguages: data.visLanguages,
      visBio: data.visBio,
      visContact: data.visContact,
      updatedAt: new Date(),
    };
    await tx
      .insert(profiles)
      .values({ userId, ...fields })
      .onConflictDoUpdate({ target: profiles.userId, set: fields });
    await setFurtherOrganisations(tx, userId, data.furtherOrganisations);
    await syncSearchColumns(tx, [userId]);
  });
}

/**
 * Replaces the member's further organisations with the chosen ones, once each in their order (empty
 * slots are ""); each must be a confirmed one other than the main one. The main one named again is an
 * error beside its slot (the form's field `furtherOrganisations-<slot>`).
 */
async function setFurtherOrganisations(tx: Executor, userId: string, slots: string[]): Promise<void> {
  const ids = [...new Set(slots.filter(Boolean))];
  if (ids.length > 0) {
    const [main] = await tx
      .select({ id: profiles.organisationId })
      .from(profiles)
      .where(eq(profiles.userId, userId));
    const mainSlot = main?.id ? slots.indexOf(main.id) : -1;
    if (mainSlot >= 0) {
      throw new AppError({
        code: "invalid",
        message: "furtherIsMain",
        field: `furtherOrganisations-${mainSlot}`,
      });
    }
    const found = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(inArray(organisations.id, ids), eq(organisations.status, "active")));
    if (found.length !== ids.length) {
      throw new AppError({ code: "invalid", message: "invalidChoice", field: "furtherOrganisations" });
    }
  }
  await tx.delete(profileOrganisations).where(eq(profileOrganisations.userId, userId));
  if (ids.length > 0) {
    await tx
      .insert(profileOrganisations)
      .values(ids.map((organisationId, position) => ({ userId, organisationId, position })));
  }
}

/** Makes the processed image the member's photo and deletes the one it replaces. */
export async function setProfilePhoto({
  userId,
  photo,
}: {
  userId: string;
  photo: ProcessedPhoto;
}): Promise<{ photoId: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await ensureProfile(tx, userId);
    const [upload] = await tx
      .insert(uploads)
      .values(uploadRow(userId, "profile_photo", { ...photo, contentType: PHOTO_CONTENT_TYPE }))
      .returning({ id: uploads.id });
    const photoId = upload!.id;
    await tx.update(profiles).set({ photoId, updatedAt: new Date() }).where(eq(profiles.userId, userId));
    await deletePhotos(tx, userId, photoId);
    return { photoId };
  });
}

/** Removes the member's photo, the stored bytes included. */
export async function removeProfilePhoto({ userId }: { userId: string }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(profiles)
      .set({ photoId: null, updatedAt: new Date() })
      .where(eq(profiles.userId, userId));
    await deletePhotos(tx, userId);
  });
}

/** Every profile photo of the member except `keepId`. */
async function deletePhotos(tx: Executor, userId: string, keepId?: string): Promise<void> {
  await tx
    .delete(uploads)
    .where(
      and(
        eq(uploads.ownerId, userId),
        eq(uploads.purpose, "profile_photo"),
        keepId ? ne(uploads.id, keepId) : undefined,
      ),
    );
}

/**
 * People created before profiles existed have none yet: give them one, searchable by name. Locks the
 * row, so two uploads at once cannot both survive as orphans.
 */
async function ensureProfile(tx: Executor, userId: string): Promise<void> {
  const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError({ code: "not_found", message: "generic" });
  const name = user.name ?? "";
  await tx
    .insert(profiles)
    .values({ userId, nameFolded: foldName(name), searchText: name })
    .onConflictDoNothing({ target: profiles.userId });
  await tx
    .select({ userId: profiles.userId })
    .from(profiles)
    .where(eq(profiles.userId, userId))
    .for("update");
}
