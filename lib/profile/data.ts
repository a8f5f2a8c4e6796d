import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  organisations,
  profileOrganisations,
  profiles,
  type UserStatus,
  uploads,
  users,
  VISIBILITY,
  type Visibility,
} from "@/db/schema";

export type OwnProfile = {
  id: string;
  name: string;
  organisation: string | null;
  /** Ids of the further organisations, in the member's order. */
  furtherOrganisations: string[];
  jobFunction: string;
  municipality: string;
  topics: string[];
  languages: string[];
  bio: string;
  photoId: string | null;
  phone: string;
  contactEmail: string;
  website: string;
  visibility: {
    visName: Visibility;
    visPhoto: Visibility;
    visJobFunction: Visibility;
    visOrganisation: Visibility;
    visMunicipality: Visibility;
    visTopics: Visibility;
    visLanguages: Visibility;
    visBio: Visibility;
    visContact: Visibility;
  };
};

/** Everything the member may edit on their own profile, with empty strings for unset fields. */
export async function getOwnProfile({ userId }: { userId: string }): Promise<OwnProfile | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      organisation: organisations.name,
      jobFunction: profiles.jobFunction,
      municipality: profiles.municipality,
      topics: profiles.topics,
      languages: profiles.languages,
      bio: profiles.bio,
      photoId: profiles.photoId,
      phone: profiles.phone,
      contactEmail: profiles.contactEmail,
      website: profiles.website,
      visName: profiles.visName,
      visPhoto: profiles.visPhoto,
      visJobFunction: profiles.visJobFunction,
      visOrganisation: profiles.visOrganisation,
      visMunicipality: profiles.visMunicipality,
      visTopics: profiles.visTopics,
      visLanguages: profiles.visLanguages,
      visBio: profiles.visBio,
      visContact: profiles.visContact,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  const further = await db
    .select({ id: profileOrganisations.organisationId })
    .from(profileOrganisations)
    .where(eq(profileOrganisations.userId, userId))
    .orderBy(asc(profileOrganisations.position));
  const members: Visibility = VISIBILITY.members;
  return {
    id: row.id,
    name: row.name ?? "",
    organisation: row.organisation,
    furtherOrganisations: further.map((o) => o.id),
    jobFunction: row.jobFunction ?? "",
    municipality: row.municipality ?? "",
    topics: row.topics ?? [],
    languages: row.languages ?? [],
    bio: row.bio ?? "",
    photoId: row.photoId,
    phone: row.phone ?? "",
    contactEmail: row.contactEmail ?? "",
    website: row.website ?? "",
    visibility: {
      visName: row.visName ?? members,
      visPhoto: row.visPhoto ?? members,
      visJobFunction: row.visJobFunction ?? members,
      visOrganisation: row.visOrganisation ?? members,
      visMunicipality: row.visMunicipality ?? members,
      visTopics: row.visTopics ?? members,
      visLanguages: row.visLanguages ?? members,
      visBio: row.visBio ?? members,
      visContact: row.visContact ?? members,
    },
  };
}

export type StoredUpload = {
  id: string;
  ownerId: string;
  ownerStatus: UserStatus;
  contentType: string;
  byteSize: number;
  data: Buffer;
  /** Who may see it: the owner's photo visibility, or hidden when the photo is no longer on the profile. */
  visibility: Visibility;
};

/** A profile photo with what deciding its visibility needs; no authorisation here (see loaders.ts). */
export async function getUpload({ id }: { id: string }): Promise<StoredUpload | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: uploads.id,
      ownerId: uploads.ownerId,
      ownerStatus: users.status,
      contentType: uploads.contentType,
      byteSize: uploads.byteSize,
      data: uploads.data,
      visPhoto: profiles.visPhoto,
      currentPhotoId: profiles.photoId,
    })
    .from(uploads)
    .innerJoin(users, eq(users.id, uploads.ownerId))
    .leftJoin(profiles, eq(profiles.userId, uploads.ownerId))
    .where(and(eq(uploads.id, id), eq(uploads.purpose, "profile_photo")))
    .limit(1);
  if (!row) return null;
  const { visPhoto, currentPhotoId, ...upload } = row;
  const current = visPhoto !== null && currentPhotoId === row.id;
  return { ...upload, visibility: current ? visPhoto : VISIBILITY.hidden };
}
