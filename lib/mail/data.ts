import "server-only";
import { desc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type DevMail, devOutbox } from "@/db/schema";

/** The newest mails of the demo outbox, each with its HTML part and key headers. */
export async function listDevMails({ limit }: { limit: number }): Promise<DevMail[]> {
  const db = await getDb();
  return db.select().from(devOutbox).orderBy(desc(devOutbox.createdAt), desc(devOutbox.id)).limit(limit);
}
