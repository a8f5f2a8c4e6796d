import "server-only";
import { desc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type DevMail, devOutbox } from "@/db/schema";
import { type DevMailHeaders, unpackDevHtml } from "./dev-outbox";

export type DevMailView = DevMail & { headers: DevMailHeaders };

/** The newest mails of the demo outbox, each with its HTML part and key headers. */
export async function listDevMails({ limit }: { limit: number }): Promise<DevMailView[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(devOutbox)
    .orderBy(desc(devOutbox.createdAt), desc(devOutbox.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, ...unpackDevHtml(row.html) }));
}
