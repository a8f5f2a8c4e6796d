// Rows and helpers for the messages and notifications tests (unique rows: PostgreSQL is shared).
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { devOutbox } from "@/db/schema";
import { createMember } from "./factories";

/** An approved member with a profile (listed in the directory), with a distinct name. */
export async function member(name: string, extra: Parameters<typeof createMember>[0] = {}) {
  return createMember({ name: `${name} ${crypto.randomUUID().slice(0, 6)}`, ...extra });
}

/** Mails in the demo outbox to this address, oldest first. */
export async function outboxTo(email: string) {
  const db = await getDb();
  const rows = await db.select().from(devOutbox).where(eq(devOutbox.to, email));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
