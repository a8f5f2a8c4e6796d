import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { type Executor, getDb, rowsOf } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import {
  conversationParticipants,
  conversations,
  messageAttachments,
  messages,
  uploads,
  users,
} from "@/db/schema";
import type { ConversationKind } from "@/db/schema/messages";
import { uploadRow } from "@/db/uploads";
import { AppError } from "@/lib/errors";
import { markSubjectRead, notify } from "@/lib/notifications/mutations";
import { type Once, startSubmission } from "@/lib/submissions/mutations";
import type { PendingAttachment } from "@/lib/uploads/constants";
import type { CheckedFile } from "./attachments";
import { blockedPairs } from "./blocks";
import { conversationSubject } from "./data";
import { conversationNotFound, loadParticipation } from "./participation";
import { claimMessagePending } from "./pending-attachments";

export const conversationHref = (conversationId: string, messageId?: string) =>
  `/messages/${conversationId}${messageId ? `#m-${messageId}` : ""}`;

export type Posted = { conversationId: string; messageId: string };

/**
 * Stores a message with its files and updates everyone's view: the sender has read it; the other
 * current participants who have not blocked the sender get it as unread, at the top of their list,
 * and a notification (mailed per their settings, a burst as one mail).
 */
async function postMessage(
  tx: Executor,
  input: {
    conversationId: string;
    kind: ConversationKind;
    title: string | null;
    senderId: string;
    body: string;
    files: CheckedFile[];
    pending?: PendingAttachment[];
  },
): Promise<Posted> {
  const [message] = await tx
    .insert(messages)
    .values({ conversationId: input.conversationId, senderId: input.senderId, body: input.body })
    .returning({ id: messages.id });
  const messageId = message!.id;
  for (const file of input.files) {
    const [upload] = await tx
      .insert(uploads)
      .values(uploadRow(input.senderId, "message_attachment", file))
      .returning({ id: uploads.id });
    await tx.insert(messageAttachments).values({
      messageId,
      uploadId: upload!.id,
      fileName: file.fileName,
      contentType: file.contentType,
      byteSize: file.data.byteLength,
    });
  }
  await claimMessagePending(tx, input.senderId, messageId, input.pending ?? []);
  await tx
    .update(conversations)
    .set({ lastMessageAt: sql`now()` })
    .where(eq(conversations.id, input.conversationId));
  await tx
    .update(conversationParticipants)
    .set({ lastReadAt: sql`now()`, unreadCount: 0, lastActivityAt: sql`now()` })
    .where(
      and(
        eq(conversationParticipants.conversationId, input.conversationId),
        eq(conversationParticipants.userId, input.senderId),
      ),
    );
  // Whoever writes has seen the messages above theirs: no unread line, no mail about them.
  await markSubjectRead(
    { userId: input.senderId, subjectKey: conversationSubject(input.conversationId) },
    tx,
  );
  const reached = rowsOf<{ user_id: string }>(
    await tx.execute(sql`
      UPDATE conversation_participants p
      SET unread_count = p.unread_count + 1, last_activity_at = now()
      WHERE p.conversation_id = ${input.conversationId} AND p.user_id <> ${input.senderId} AND p.left_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM member_blocks b WHERE b.blocker_id = p.user_id AND b.blocked_id = ${input.senderId})
      RETURNING p.user_id`),
  );
  await notify(
    {
      recipientIds: reached.map((r) => r.user_id),
      kind: "message",
      actorId: input.senderId,
      url: conversationHref(input.conversationId, messageId),
      subjectKey: conversationSubject(input.conversationId),
      params: { title: input.title ?? "", group: input.kind === "group" ? "yes" : "no" },
    },
    tx,
  );
  return { conversationId: input.conversationId, messageId };
}

/** Recipients have read nothing yet (the first message is as new as their membership). */
const newParticipants = (conversationId: string, senderId: string, recipientIds: string[]) => [
  { conversationId, userId: senderId },
  ...recipientIds.map((userId) => ({ conversationId, userId, lastReadAt: new Date(0) })),
];

const requireContent = (input: { body: string; files: CheckedFile[]; pending?: PendingAttachment[] }) => {
  if (!input.body && input.files.length === 0 && !input.pending?.length)
    throw new AppError({ code: "invalid", message: "required", field: "body" });
};

/**
 * Starts a conversation: with one member (no title) their direct conversation, created once per pair
 * and reused; with several, or a title, a new group. Recipients must be approved members whose name
 * the sender may see (the directory's rule), and nobody blocked by or blocking the sender.
 */
export async function startConversation(input: {
  senderId: string;
  recipientIds: string[];
  title?: string;
  body: string;
  files: CheckedFile[];
  /** The sender's files kept from a message sent back (lib/messages/pending-attachments.ts). */
  pending?: PendingAttachment[];
  /** The form's one-time key: sent again, it creates nothing (lib/submissions). */
  once?: Once<Posted>;
}): Promise<Posted> {
  requireContent(input);
  const recipientIds = [...new Set(input.recipientIds)].filter((id) => id !== input.senderId);
  if (recipientIds.length === 0)
    throw new AppError({ code: "invalid", message: "recipientRequired", field: "to" });
  const db = await getDb();
  const found = rowsOf<{ id: string }>(
    await db.execute(sql`
      SELECT u.id FROM users u JOIN profiles p ON p.user_id = u.id
      WHERE u.id IN (${sql.join(
        recipientIds.map((id) => sql`${id}`),
        sql`, `,
      )}) AND u.status = 'approved' AND p.vis_name <= 1`),
  );
  if (found.length !== recipientIds.length) {
    throw new AppError({ code: "invalid", message: "recipientUnknown", field: "to" });
  }
  const { iBlocked, blockedMe } = await blockedPairs(db, input.senderId, recipientIds);
  if (iBlocked.length > 0)
    throw new AppError({ code: "forbidden", message: "youBlockedRecipient", field: "to" });
  if (blockedMe.length > 0)
    throw new AppError({ code: "forbidden", message: "recipientUnavailable", field: "to" });

  const direct = recipientIds.length === 1 && !input.title;
  if (direct) {
    const directKey = [input.senderId, recipientIds[0]].sort().join(":");
    for (let attempt = 0; attempt < 2; attempt++) {
      const [existing] = await db
        .select({ id: conversations.id })
        .from(conversations)
        .where(eq(conversations.directKey, directKey))
        .limit(1);
      if (existing) {
        return sendMessage({
          senderId: input.senderId,
          conversationId: existing.id,
          body: input.body,
          files: input.files,
          pending: input.pending,
          once: input.once,
        });
      }
      try {
        return await db.transaction(async (tx) => {
          const submitted = await startSubmission(tx, input.once);
          const [conversation] = await tx
            .insert(conversations)
            .values({ kind: "direct", directKey, createdById: input.senderId })
            .returning({ id: conversations.id });
          const id = conversation!.id;
          await tx.insert(conversationParticipants).values(newParticipants(id, input.senderId, recipientIds));
          return submitted(
            await postMessage(tx, {
              conversationId: id,
              kind: "direct",
              title: null,
              senderId: input.senderId,
              body: input.body,
              files: input.files,
              pending: input.pending,
            }),
          );
        });
      } catch (error) {
        // The other member started it at the same moment: use theirs.
        if (!isUniqueViolation(error) || attempt > 0) throw error;
      }
    }
  }
  return db.transaction(async (tx) => {
    const submitted = await startSubmission(tx, input.once);
    const [conversation] = await tx
      .insert(conversations)
      .values({ kind: "group", title: input.title ?? null, createdById: input.senderId })
      .returning({ id: conversations.id });
    const id = conversation!.id;
    await tx.insert(conversationParticipants).values(newParticipants(id, input.senderId, recipientIds));
    return submitted(
      await postMessage(tx, {
        conversationId: id,
        kind: "group",
        title: input.title ?? null,
        senderId: input.senderId,
        body: input.body,
        files: input.files,
        pending: input.pending,
      }),
    );
  });
}

/** A new message in a conversation the sender takes part in; in a direct one, not across a block. */
export async function sendMessage(input: {
  senderId: string;
  conversationId: string;
  body: string;
  files: CheckedFile[];
  /** The sender's files kept from a message sent back (lib/messages/pending-attachments.ts). */
  pending?: PendingAttachment[];
  /** The form's one-time key: sent again, it creates nothing (lib/submissions). */
  once?: Once<Posted>;
}): Promise<Posted> {
  requireContent(input);
  const db = await getDb();
  const conversation = await loadParticipation(db, input.conversationId, input.senderId);
  if (!conversation) throw conversationNotFound();
  if (conversation.kind === "direct") {
    const others = await db
      .select({ id: conversationParticipants.userId, status: users.status })
      .from(conversationParticipants)
      .innerJoin(users, eq(users.id, conversationParticipants.userId))
      .where(
        and(
          eq(conversationParticipants.conversationId, input.conversationId),
          sql`${conversationParticipants.userId} <> ${input.senderId}`,
        ),
      );
    // A deleted or blocked account reads nothing: writing to it would only pile up.
    if (others.some((o) => o.status !== "approved"))
      throw new AppError({ code: "forbidden", message: "recipientGone" });
    const { iBlocked, blockedMe } = await blockedPairs(
      db,
      input.senderId,
      others.map((o) => o.id),
    );
    if (iBlocked.length > 0) throw new AppError({ code: "forbidden", message: "youBlockedRecipient" });
    if (blockedMe.length > 0) throw new AppError({ code: "forbidden", message: "recipientUnavailable" });
  }
  return db.transaction(async (tx) => {
    const submitted = await startSubmission(tx, input.once);
    return submitted(
      await postMessage(tx, {
        conversationId: input.conversationId,
        kind: conversation.kind,
        title: conversation.title,
        senderId: input.senderId,
        body: input.body,
        files: input.files,
        pending: input.pending,
      }),
    );
  });
}
