import "server-only";
import type { Executor } from "@/db/client";
import { notify } from "@/lib/notifications/mutations";

export type ForumNotification = {
  recipientIds: string[];
  kind: "mention" | "reply" | "moderation";
  actorId: string | null;
  url: string;
  subjectKey: string;
  params: Record<string, string>;
};

/**
 * Hands forum notifications to the shared notification store. Recipients must already be filtered
 * to those who may see the content (usersWhoCanSee).
 */
export async function sendForumNotification(input: ForumNotification, tx?: Executor): Promise<void> {
  if (input.recipientIds.length === 0) return;
  // A line about posts keeps their links, so hiding one post takes out only its share (withdrawItem).
  await notify({ ...input, itemized: input.kind !== "moderation" }, tx);
}
