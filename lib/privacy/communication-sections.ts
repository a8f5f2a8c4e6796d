import "server-only";
import { and, asc, eq, or } from "drizzle-orm";
import {
  campaignDeliveries,
  campaigns,
  memberBlocks,
  messages,
  notificationPreferences,
  notifications,
  suppressions,
  users,
} from "@/db/schema";
import type { PrivacySection } from "./sections";

/** How a member was reached and reached others: messages sent, blocks, notifications, campaign mail. */
export const COMMUNICATION_SECTIONS: readonly PrivacySection[] = [
  {
    key: "messagesSent",
    export: (db, userId) =>
      db
        .select({
          id: messages.id,
          conversationId: messages.conversationId,
          body: messages.body,
          createdAt: messages.createdAt,
          deletedAt: messages.deletedAt,
        })
        .from(messages)
        .where(and(eq(messages.senderId, userId), eq(messages.kind, "text")))
        .orderBy(asc(messages.createdAt)),
  },
  {
    key: "blockedMembers",
    export: (db, userId) =>
      db
        .select({ blockedId: memberBlocks.blockedId, since: memberBlocks.createdAt })
        .from(memberBlocks)
        .where(eq(memberBlocks.blockerId, userId)),
    erase: async (tx, userId) => {
      await tx
        .delete(memberBlocks)
        .where(or(eq(memberBlocks.blockerId, userId), eq(memberBlocks.blockedId, userId)));
    },
  },
  {
    key: "notificationSettings",
    export: async (db, userId) => {
      const [row] = await db
        .select({ modes: notificationPreferences.modes, digestHour: notificationPreferences.digestHour })
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId));
      return row ?? null;
    },
    erase: async (tx, userId) => {
      await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
    },
  },
  {
    key: "notifications",
    export: (db, userId) =>
      db
        .select({
          kind: notifications.kind,
          url: notifications.url,
          params: notifications.params,
          createdAt: notifications.createdAt,
          readAt: notifications.readAt,
        })
        .from(notifications)
        .where(eq(notifications.recipientId, userId))
        .orderBy(asc(notifications.createdAt)),
    // Their own, and the ones about them that carry their name in others' notification centres.
    erase: async (tx, userId) => {
      await tx
        .delete(notifications)
        .where(or(eq(notifications.recipientId, userId), eq(notifications.actorId, userId)));
    },
  },
  {
    key: "campaignMail",
    // Which campaign and welcome mails went to them, and whether they unsubscribed.
    export: async (db, userId) => {
      const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
      const received = await db
        .select({
          campaign: campaigns.title,
          status: campaignDeliveries.status,
          sentAt: campaignDeliveries.sentAt,
        })
        .from(campaignDeliveries)
        .innerJoin(campaigns, eq(campaigns.id, campaignDeliveries.campaignId))
        .where(eq(campaignDeliveries.userId, userId))
        .orderBy(asc(campaignDeliveries.dueAt));
      const [unsubscribed] = user
        ? await db
            .select({ since: suppressions.createdAt })
            .from(suppressions)
            .where(eq(suppressions.email, user.email.toLowerCase()))
        : [];
      return { received, unsubscribedSince: unsubscribed?.since ?? null };
    },
    // The unsubscribe stays on the suppression list, so the address is never mailed again.
    erase: async (tx, userId) => {
      await tx.delete(campaignDeliveries).where(eq(campaignDeliveries.userId, userId));
    },
  },
];
