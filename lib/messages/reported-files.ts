import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { firstStoredAttachment, type StoredAttachment } from "./attachment-data";
import type { AttachmentView } from "./data";

/**
 * Coordinators read only what was reported, and only while they judge it: the files of a message
 * with an open report, never another message's, and none once the report is decided (hidden,
 * restored, deleted or dismissed). The callers check the coordinator's role.
 */
const underOpenReport = (messageId: SQL) => sql`EXISTS (SELECT 1 FROM reports r
  WHERE r.subject_type = 'message' AND r.subject_id = ${messageId} AND r.status = 'open')`;

/** The files of a reported message, for the moderation queue; none when no report on it is open. */
export async function listReportedMessageAttachments(messageId: string): Promise<AttachmentView[]> {
  const db = await getDb();
  const rows = rowsOf<{ id: string; file_name: string; content_type: string; byte_size: number }>(
    await db.execute(sql`
      SELECT a.id, a.file_name, a.content_type, a.byte_size FROM message_attachments a
      WHERE a.message_id = ${messageId} AND ${underOpenReport(sql`a.message_id`)}
      ORDER BY a.file_name`),
  );
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    contentType: r.content_type,
    byteSize: Number(r.byte_size),
  }));
}

/** An attachment of a message under an open report, for a coordinator; null otherwise. */
export async function getReportedAttachment(attachmentId: string): Promise<StoredAttachment | null> {
  const db = await getDb();
  return firstStoredAttachment(
    await db.execute(sql`
      SELECT a.id, a.file_name, a.content_type, a.byte_size, up.data
      FROM message_attachments a JOIN uploads up ON up.id = a.upload_id
      WHERE a.id = ${attachmentId} AND ${underOpenReport(sql`a.message_id`)}
      LIMIT 1`),
  );
}
