import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";

const conversationOf = (subjectKey: string) => subjectKey.slice("conversation:".length);

/** Unread messages the recipient may see: they take part, the sender is not blocked, not removed. */
const unreadVisible = (recipientId: string, conversationId: string) => sql`
  FROM messages m
  JOIN conversation_participants p ON p.conversation_id = m.conversation_id
    AND p.user_id = ${recipientId} AND p.left_at IS NULL
  LEFT JOIN users u ON u.id = m.sender_id
  WHERE m.conversation_id = ${conversationId} AND m.kind = 'text' AND m.deleted_at IS NULL
    AND m.created_at > p.last_read_at AND m.sender_id IS DISTINCT FROM ${recipientId}
    AND NOT EXISTS (SELECT 1 FROM member_blocks b WHERE b.blocker_id = ${recipientId} AND b.blocked_id = m.sender_id)`;

/** Tells the mailer whether a message notification may still go out, and what to quote. */
export const messageNotificationSource = {
  /** Only while the recipient has an unread message they may see: read, left or blocked means no mail. */
  async canSee({ recipientId, subjectKey }: { recipientId: string; subjectKey: string }): Promise<boolean> {
    const db = await getDb();
    const rows = rowsOf<{ one: number }>(
      await db.execute(
        sql`SELECT 1 AS one ${unreadVisible(recipientId, conversationOf(subjectKey))} LIMIT 1`,
      ),
    );
    return rows.length > 0;
  },
  /**
   * The newest unread messages (up to ten) that no earlier mail about this conversation quoted: a
   * mail already sent was composed after its claim, so what came before that is in it.
   */
  async excerpts({ recipientId, subjectKey }: { recipientId: string; subjectKey: string }) {
    const db = await getDb();
    const rows = rowsOf<{ author: string | null; body: string }>(
      await db.execute(sql`
        SELECT * FROM (
          SELECT u.name AS author, left(m.body, 1000) AS body, m.created_at, m.id
          ${unreadVisible(recipientId, conversationOf(subjectKey))}
            AND m.created_at > coalesce((SELECT max(n.email_claimed_at) FROM notifications n
              WHERE n.recipient_id = ${recipientId} AND n.subject_key = ${subjectKey}
                AND n.email_status = 'sent'), '-infinity')
          ORDER BY m.created_at DESC, m.id DESC LIMIT 10) newest
        ORDER BY created_at, id`),
    );
    return rows.map((r) => ({ author: r.author, text: r.body }));
  },
};
