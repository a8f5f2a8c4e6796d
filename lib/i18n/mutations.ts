import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Locale } from "./config";

/** The language a member's e-mails are written in follows the one they chose for the site. */
export async function setUserLocale(input: { userId: string; locale: Locale }): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ locale: input.locale }).where(eq(users.id, input.userId));
}
