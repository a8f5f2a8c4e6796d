import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  applications,
  calendarFeeds,
  consents,
  eventOccurrences,
  eventRsvps,
  events,
  forumPosts,
  forumReadState,
  forumThreads,
  forumWatches,
  organisationAdmins,
  organisations,
  profileOrganisations,
  profiles,
  uploads,
  users,
  workingGroupMembers,
  workingGroups,
} from "@/db/schema";
import { EMAIL_CHANGE_SECTION } from "@/lib/account/privacy-section";
import { sendEventNotices } from "@/lib/events/notices";
import { withdrawAllAnswers } from "@/lib/events/rsvp-mutations";
import { eraseNameFromPosts } from "@/lib/forum/privacy-section";
import { ACTIVITY_SECTIONS } from "./activity-sections";
import { COMMUNICATION_SECTIONS } from "./communication-sections";

/** What an erase step leaves to do once the deletion is committed (mails to others, say). */
export type AfterErase = () => Promise<void>;

/**
 * One part of a member's data. `export` returns what goes into their JSON download (only their own
 * rows); `erase`, run when the account is deleted, removes what would still identify them. Content
 * others rely on (posts, messages) stays and shows as "former member". Areas add one entry each.
 * An erase step runs inside the deletion's transaction; what must wait for the commit (mail to
 * others) it hands to `afterCommit`.
 */
export type PrivacySection = {
  key: string;
  export: (db: Executor, userId: string) => Promise<unknown>;
  erase?: (tx: Executor, userId: string, afterCommit: (step: AfterErase) => void) => Promise<void>;
};

export const PRIVACY_SECTIONS: readonly PrivacySection[] = [
  {
    key: "account",
    export: async (db, userId) => {
      const [row] = await db
        .select({
          name: users.name,
          email: users.email,
          role: users.role,
          status: users.status,
          locale: users.locale,
          emailVerified: users.emailVerified,
          approvedAt: users.approvedAt,
          createdAt: users.createdAt,
        })
        .from(users)
        .where(eq(users.id, userId));
      return row ?? null;
    },
  },
  {
    key: "profile",
    export: async (db, userId) => {
      const [row] = await db
        .select({
          organisation: organisations.name,
          jobFunction: profiles.jobFunction,
          municipality: profiles.municipality,
          topics: profiles.topics,
          languages: profiles.languages,
          bio: profiles.bio,
          phone: profiles.phone,
          contactEmail: profiles.contactEmail,
          website: profiles.website,
          visibility: {
            name: profiles.visName,
            photo: profiles.visPhoto,
            jobFunction: profiles.visJobFunction,
            organisation: profiles.visOrganisation,
            municipality: profiles.visMunicipality,
            topics: profiles.visTopics,
            languages: profiles.visLanguages,
            bio: profiles.visBio,
            contact: profiles.visContact,
          },
          updatedAt: profiles.updatedAt,
        })
        .from(profiles)
        .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
        .where(eq(profiles.userId, userId));
      return row ?? null;
    },
    erase: async (tx, userId) => {
      await tx.delete(profiles).where(eq(profiles.userId, userId));
    },
  },
  {
    key: "otherOrganisations",
    export: (db, userId) =>
      db
        .select({ organisation: organisations.name, position: profileOrganisations.position })
        .from(profileOrganisations)
        .innerJoin(organisations, eq(organisations.id, profileOrganisations.organisationId))
        .where(eq(profileOrganisations.userId, userId))
        .orderBy(asc(profileOrganisations.position)),
    erase: async (tx, userId) => {
      await tx.delete(profileOrganisations).where(eq(profileOrganisations.userId, userId));
    },
  },
  {
    key: "uploads",
    export: async (db, userId) => {
      const rows = await db
        .select({
          id: uploads.id,
          purpose: uploads.purpose,
          contentType: uploads.contentType,
          data: uploads.data,
          createdAt: uploads.createdAt,
        })
        .from(uploads)
        .where(eq(uploads.ownerId, userId));
      return rows.map(({ data, ...r }) => ({ ...r, base64: data.toString("base64") }));
    },
    // Profile photos go; files attached to posts and messages are content and stay with them.
    erase: async (tx, userId) => {
      await tx.delete(uploads).where(and(eq(uploads.ownerId, userId), eq(uploads.purpose, "profile_photo")));
    },
  },
  {
    key: "consents",
    export: (db, userId) =>
      db
        .select({
          kind: consents.kind,
          policyVersion: consents.policyVersion,
          acceptedAt: consents.acceptedAt,
        })
        .from(consents)
        .where(eq(consents.userId, userId))
        .orderBy(asc(consents.acceptedAt)),
    erase: async (tx, userId) => {
      await tx.delete(consents).where(eq(consents.userId, userId));
    },
  },
  {
    key: "application",
    export: (db, userId) =>
      db
        .select({
          source: applications.source,
          status: applications.status,
          locale: applications.locale,
          proposedOrganisation: applications.proposedOrganisation,
          reason: applications.reason,
          decidedAt: applications.decidedAt,
          createdAt: applications.createdAt,
        })
        .from(applications)
        .where(eq(applications.userId, userId)),
    erase: async (tx, userId) => {
      await tx.delete(applications).where(eq(applications.userId, userId));
    },
  },
  {
    key: "organisationAdmin",
    export: (db, userId) =>
      db
        .select({ organisation: organisations.name, since: organisationAdmins.createdAt })
        .from(organisationAdmins)
        .innerJoin(organisations, eq(organisations.id, organisationAdmins.organisationId))
        .where(eq(organisationAdmins.userId, userId)),
    erase: async (tx, userId) => {
      await tx.delete(organisationAdmins).where(eq(organisationAdmins.userId, userId));
    },
  },
  {
    key: "forumThreads",
    export: (db, userId) =>
      db
        .select({
          id: forumThreads.id,
          title: forumThreads.title,
          status: forumThreads.status,
          createdAt: forumThreads.createdAt,
        })
        .from(forumThreads)
        .where(eq(forumThreads.authorId, userId))
        .orderBy(asc(forumThreads.createdAt)),
  },
  {
    key: "forumPosts",
    export: (db, userId) =>
      db
        .select({
          id: forumPosts.id,
          threadId: forumPosts.threadId,
          thread: forumThreads.title,
          body: forumPosts.body,
          status: forumPosts.status,
          createdAt: forumPosts.createdAt,
          editedAt: forumPosts.editedAt,
        })
        .from(forumPosts)
        .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
        .where(eq(forumPosts.authorId, userId))
        .orderBy(asc(forumPosts.createdAt)),
    // Their posts stay; their name goes from everyone's posts that mention or quote them.
    erase: eraseNameFromPosts,
  },
  {
    key: "forumSubscriptions",
    export: (db, userId) =>
      db
        .select({
          subjectType: forumWatches.subjectType,
          subjectId: forumWatches.subjectId,
          level: forumWatches.level,
        })
        .from(forumWatches)
        .where(eq(forumWatches.userId, userId)),
    erase: async (tx, userId) => {
      await tx.delete(forumWatches).where(eq(forumWatches.userId, userId));
      await tx.delete(forumReadState).where(eq(forumReadState.userId, userId));
    },
  },
  {
    key: "workingGroups",
    export: (db, userId) =>
      db
        .select({ groupId: workingGroupMembers.groupId, group: workingGroups.name })
        .from(workingGroupMembers)
        .innerJoin(workingGroups, eq(workingGroups.id, workingGroupMembers.groupId))
        .where(eq(workingGroupMembers.userId, userId)),
    erase: async (tx, userId) => {
      await tx.delete(workingGroupMembers).where(eq(workingGroupMembers.userId, userId));
    },
  },
  {
    key: "eventRsvps",
    export: (db, userId) =>
      db
        .select({
          event: events.title,
          startsAt: eventOccurrences.startsAt,
          response: eventRsvps.response,
          createdAt: eventRsvps.createdAt,
          updatedAt: eventRsvps.updatedAt,
        })
        .from(eventRsvps)
        .innerJoin(eventOccurrences, eq(eventOccurrences.id, eventRsvps.occurrenceId))
        .innerJoin(events, eq(events.id, eventOccurrences.eventId))
        .where(eq(eventRsvps.userId, userId))
        .orderBy(asc(eventOccurrences.startsAt)),
    // A seat they held on a coming date goes to the waiting list, who are told once it is committed.
    erase: async (tx, userId, afterCommit) => {
      const notices = await withdrawAllAnswers(tx, userId);
      await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
      afterCommit(() => sendEventNotices(notices));
    },
  },
  ...COMMUNICATION_SECTIONS,
  EMAIL_CHANGE_SECTION,
  ...ACTIVITY_SECTIONS,
];
