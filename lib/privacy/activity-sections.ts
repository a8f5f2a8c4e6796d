import "server-only";
import { and, asc, eq } from "drizzle-orm";
import {
  calendarFeeds,
  conversationParticipants,
  conversations,
  events,
  forumPostRevisions,
  forumPosts,
  forumReactions,
  reports,
} from "@/db/schema";
import type { PrivacySection } from "./sections";

/**
 * What a member did besides writing: reports, reactions, conversations, edits, events they organise,
 * their calendar feed. Only their own part of each row: never another participant's state.
 */
export const ACTIVITY_SECTIONS: readonly PrivacySection[] = [
  {
    key: "reportsMade",
    export: (db, userId) =>
      db
        .select({
          subjectType: reports.subjectType,
          subjectId: reports.subjectId,
          reason: reports.reason,
          status: reports.status,
          createdAt: reports.createdAt,
          resolvedAt: reports.resolvedAt,
        })
        .from(reports)
        .where(eq(reports.reporterId, userId))
        .orderBy(asc(reports.createdAt)),
  },
  {
    key: "forumReactions",
    export: (db, userId) =>
      db
        .select({
          postId: forumReactions.postId,
          threadId: forumPosts.threadId,
          emoji: forumReactions.emoji,
          createdAt: forumReactions.createdAt,
        })
        .from(forumReactions)
        .innerJoin(forumPosts, eq(forumPosts.id, forumReactions.postId))
        .where(eq(forumReactions.userId, userId))
        .orderBy(asc(forumReactions.createdAt)),
  },
  {
    key: "forumPostEdits",
    // The earlier text of their own posts; a moderator's edit of someone else's post is not theirs.
    export: (db, userId) =>
      db
        .select({
          postId: forumPostRevisions.postId,
          earlierBody: forumPostRevisions.body,
          editedAt: forumPostRevisions.createdAt,
        })
        .from(forumPostRevisions)
        .innerJoin(forumPosts, eq(forumPosts.id, forumPostRevisions.postId))
        .where(and(eq(forumPostRevisions.editorId, userId), eq(forumPosts.authorId, userId)))
        .orderBy(asc(forumPostRevisions.createdAt)),
  },
  {
    key: "conversations",
    export: (db, userId) =>
      db
        .select({
          conversationId: conversations.id,
          kind: conversations.kind,
          title: conversations.title,
          joinedAt: conversationParticipants.joinedAt,
          leftAt: conversationParticipants.leftAt,
          lastReadAt: conversationParticipants.lastReadAt,
        })
        .from(conversationParticipants)
        .innerJoin(conversations, eq(conversations.id, conversationParticipants.conversationId))
        .where(eq(conversationParticipants.userId, userId))
        .orderBy(asc(conversationParticipants.joinedAt)),
  },
  {
    key: "eventsOrganised",
    export: (db, userId) =>
      db
        .select({
          id: events.id,
          title: events.title,
          startsAt: events.startsAt,
          visibility: events.visibility,
          status: events.status,
          createdAt: events.createdAt,
        })
        .from(events)
        .where(eq(events.organiserUserId, userId))
        .orderBy(asc(events.startsAt)),
  },
  {
    key: "calendarFeed",
    // Whether a feed address exists; the secret token itself stays out of the file.
    export: async (db, userId) => {
      const [feed] = await db
        .select({ createdAt: calendarFeeds.createdAt })
        .from(calendarFeeds)
        .where(eq(calendarFeeds.userId, userId));
      return { exists: Boolean(feed), createdAt: feed?.createdAt ?? null };
    },
  },
];
