import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { memberBlocks, notifications, users } from "@/db/schema";
import { alphabetical } from "@/db/search-fields";
import { AppError } from "@/lib/errors";
import { recountUnread } from "./participation";

/** Pairs that may not write to each other: either one blocked the other. */
export async function blockedPairs(db: Executor, userId: string, others: string[]) {
  if (others.length === 0) return { iBlocked: [] as string[], blockedMe: [] as string[] };
  const rows = await db
    .select({ blocker: memberBlocks.blockerId, blocked: memberBlocks.blockedId })
    .from(memberBlocks)
    .where(
      sql`(${memberBlocks.blockerId} = ${userId} AND ${inArray(memberBlocks.blockedId, others)})
        OR (${memberBlocks.blockedId} = ${userId} AND ${inArray(memberBlocks.blockerId, others)})`,
    );
  return {
    iBlocked: rows.filter((r) => r.blocker === userId).map((r) => r.blocked),
    blockedMe: rows.filter((r) => r.blocked === userId).map((r) => r.blocker),
  };
}

/**
 * Blocks a member: they can no longer write to the blocker directly or start a conversation with
 * them, and the blocker no longer sees their messages (nor is notified or mailed about them).
 */
export async function blockMember(input: { blockerId: string; blockedId: string }): Promise<void> {
  if (input.blockerId === input.blockedId)
    throw new AppError({ code: "invalid", message: "cannotBlockSelf" });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(memberBlocks)
      .values({ blockerId: input.blockerId, blockedId: input.blockedId })
      .onConflictDoNothing()
      .returning({ id: memberBlocks.blockedId });
    if (inserted.length === 0) return;
    await recountUnreadWith(tx, input.blockerId, input.blockedId);
    // What they already caused is not shown or mailed any more.
    await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(
        and(
          eq(notifications.recipientId, input.blockerId),
          eq(notifications.actorId, input.blockedId),
          isNull(notifications.readAt),
        ),
      );
  });
}

export async function unblockMember(input: { blockerId: string; blockedId: string }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .delete(memberBlocks)
      .where(and(eq(memberBlocks.blockerId, input.blockerId), eq(memberBlocks.blockedId, input.blockedId)));
    await recountUnreadWith(tx, input.blockerId, input.blockedId);
  });
}

/** Unread counts of the member's conversations shared with `other`, counting only senders they see. */
const recountUnreadWith = (tx: Executor, userId: string, other: string) =>
  recountUnread(
    tx,
    sql`p.user_id = ${userId} AND p.left_at IS NULL
      AND EXISTS (SELECT 1 FROM conversation_participants o WHERE o.conversation_id = p.conversation_id AND o.user_id = ${other})`,
  );

/** Members the viewer blocked, by name. */
export async function listBlockedMembers(
  userId: string,
): Promise<{ id: string; name: string | null; since: Date }[]> {
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name, since: memberBlocks.createdAt })
    .from(memberBlocks)
    .innerJoin(users, eq(users.id, memberBlocks.blockedId))
    .where(eq(memberBlocks.blockerId, userId))
    .orderBy(alphabetical(users.name));
}
