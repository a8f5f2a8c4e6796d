/** Files attached to direct messages, read only by who may see their message. */
import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";

export type StoredAttachment = {
  id: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  data: Buffer;
};

/** The first row of a query for an attachment's id, file_name, content_type, byte_size and upload data. */
export function firstStoredAttachment(result: unknown): StoredAttachment | null {
  const [row] = rowsOf<{
    id: string;
    file_name: string;
    content_type: string;
    byte_size: number;
    data: Buffer | Uint8Array;
  }>(result);
  if (!row) return null;
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    byteSize: Number(row.byte_size),
    data: Buffer.from(row.data),
  };
}

/**
 * An attachment for a viewer who takes part in its conversation now and has not blocked its sender;
 * null for everyone else, exactly as for an unknown id.
 */
export async function getAttachmentForParticipant(input: {
  attachmentId: string;
  userId: string;
}): Promise<StoredAttachment | null> {
  const db = await getDb();
  return firstStoredAttachment(
    await db.execute(sql`
      SELECT a.id, a.file_name, a.content_type, a.byte_size, up.data
      FROM message_attachments a
      JOIN messages m ON m.id = a.message_id
      JOIN conversation_participants p ON p.conversation_id = m.conversation_id
        AND p.user_id = ${input.userId} AND p.left_at IS NULL
      JOIN uploads up ON up.id = a.upload_id
      WHERE a.id = ${input.attachmentId} AND m.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM member_blocks b WHERE b.blocker_id = ${input.userId} AND b.blocked_id = m.sender_id)
      LIMIT 1`),
  );
}
