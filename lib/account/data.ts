import "server-only";
import { and, eq, ne, or, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { emailChanges, users } from "@/db/schema";
import { hashToken } from "@/lib/auth/tokens";

export type PendingEmailChange = { newEmail: string; expiresAt: Date; expired: boolean };

/** The member's own requested address still waiting for its link, or null. */
export async function getPendingEmailChange(input: {
  userId: string;
  now?: Date;
}): Promise<PendingEmailChange | null> {
  const db = await getDb();
  const [row] = await db
    .select({ newEmail: emailChanges.newEmail, expiresAt: emailChanges.expiresAt })
    .from(emailChanges)
    .where(eq(emailChanges.userId, input.userId))
    .limit(1);
  if (!row) return null;
  return { ...row, expired: row.expiresAt <= (input.now ?? new Date()) };
}

/** Whether another account (member, applicant, anyone) already signs in with this address. */
export async function isEmailTaken(input: { email: string; exceptUserId: string; tx?: Executor }) {
  const db = input.tx ?? (await getDb());
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, input.email), ne(users.id, input.exceptUserId)))
    .limit(1);
  return Boolean(row);
}

/** The pending change this link was mailed for: its newest link or one of the earlier ones kept. */
export function linkedBy(token: string): SQL {
  const hash = hashToken(token);
  return or(eq(emailChanges.tokenHash, hash), sql`${hash} = any(${emailChanges.earlierTokenHashes})`)!;
}

export type EmailChangeLink =
  | { state: "invalid" }
  | { state: "otherAccount" }
  | { state: "taken"; newEmail: string }
  | { state: "valid"; newEmail: string };

/**
 * What the mailed link can do for this viewer (null: signed out; the link alone is proof enough):
 * nothing when unknown, used, cancelled or expired, or when someone else is signed in.
 */
export async function checkEmailChangeLink(input: {
  token: string;
  viewerId: string | null;
  now?: Date;
}): Promise<EmailChangeLink> {
  const db = await getDb();
  const [row] = await db
    .select({
      userId: emailChanges.userId,
      newEmail: emailChanges.newEmail,
      expiresAt: emailChanges.expiresAt,
    })
    .from(emailChanges)
    .innerJoin(users, eq(users.id, emailChanges.userId))
    .where(and(linkedBy(input.token), eq(users.status, "approved")))
    .limit(1);
  if (!row || row.expiresAt <= (input.now ?? new Date())) return { state: "invalid" };
  if (input.viewerId && input.viewerId !== row.userId) return { state: "otherAccount" };
  if (await isEmailTaken({ email: row.newEmail, exceptUserId: row.userId }))
    return { state: "taken", newEmail: row.newEmail };
  return { state: "valid", newEmail: row.newEmail };
}
