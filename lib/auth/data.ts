import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type UserStatus, users } from "@/db/schema";
import { isLocale, type Locale } from "@/lib/i18n/config";

export type AccessState = { id: string; status: UserStatus; locale: Locale; emailVerified: Date | null };

export async function findAccessState(email: string): Promise<AccessState | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, status: users.status, locale: users.locale, emailVerified: users.emailVerified })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  if (!row) return null;
  return { ...row, locale: isLocale(row.locale) ? row.locale : "de" };
}

/** Applicants (to confirm and see their status) and members may sign in; nobody else. */
export const mayReceiveSignInLink = (state: AccessState | null): state is AccessState =>
  state !== null && (state.status === "pending" || state.status === "approved");
