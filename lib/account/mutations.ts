import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, ne, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { emailChanges, sessions, users, verificationTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { hashToken } from "@/lib/auth/tokens";
import { followAddressChange } from "@/lib/campaigns/subscriptions";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { EARLIER_LINKS_KEPT, EMAIL_CHANGE_HOURS } from "./constants";
import { isEmailTaken, linkedBy } from "./data";

const emailInUse = (cause?: unknown) =>
  new AppError({ code: "conflict", message: "emailInUse", field: "email", cause });

/**
 * Stores (or replaces) the member's pending change to `newEmail` with a fresh link token, which is
 * returned once and stored only as its hash. Links mailed before to the same address keep working
 * (up to EARLIER_LINKS_KEPT, until the new expiry); one to another address stops.
 */
export async function requestEmailChange(input: {
  userId: string;
  newEmail: string;
  now?: Date;
  tx?: Executor;
}): Promise<{ token: string; expiresAt: Date }> {
  const db = input.tx ?? (await getDb());
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
  if (!user) throw new AppError({ code: "not_found", message: "userNotFound" });
  if (user.email === input.newEmail)
    throw new AppError({ code: "invalid", message: "emailUnchanged", field: "email" });
  if (await isEmailTaken({ email: input.newEmail, exceptUserId: input.userId, tx: input.tx }))
    throw emailInUse();
  const token = randomBytes(32).toString("base64url");
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_HOURS * 3600_000);
  const values = { newEmail: input.newEmail, tokenHash: hashToken(token), expiresAt, createdAt: now };
  await db
    .insert(emailChanges)
    .values({ userId: input.userId, ...values })
    .onConflictDoUpdate({
      target: emailChanges.userId,
      set: {
        ...values,
        earlierTokenHashes: sql`case when ${emailChanges.newEmail} = excluded.new_email
          and ${emailChanges.expiresAt} > ${now.toISOString()}::timestamptz
          then (array_prepend(${emailChanges.tokenHash}, ${emailChanges.earlierTokenHashes}))[1:${EARLIER_LINKS_KEPT}]
          else '{}'::text[] end`,
      },
    });
  return { token, expiresAt };
}

/** Drops the member's own pending change; their link stops working. */
export async function cancelEmailChange(input: { userId: string }): Promise<void> {
  const db = await getDb();
  await db.delete(emailChanges).where(eq(emailChanges.userId, input.userId));
}

export type ConfirmedEmailChange = {
  userId: string;
  oldEmail: string;
  newEmail: string;
  name: string | null;
  locale: Locale;
};

/**
 * The link was opened: the account signs in with the new address from now on. One transaction;
 * the address is checked again here, and the unique index settles a race with a sign-up for it.
 * `viewerId`: who is signed in (null: nobody, the link is proof enough); someone else is refused.
 * Every session of the account ends, except `sessionToken` when it is the member's own.
 */
export async function confirmEmailChange(input: {
  token: string;
  viewerId: string | null;
  sessionToken?: string | null;
  now?: Date;
}): Promise<ConfirmedEmailChange> {
  const db = await getDb();
  const now = input.now ?? new Date();
  try {
    return await db.transaction(async (tx) => {
      const [change] = await tx
        .select({
          userId: emailChanges.userId,
          newEmail: emailChanges.newEmail,
          expiresAt: emailChanges.expiresAt,
        })
        .from(emailChanges)
        .where(linkedBy(input.token))
        .for("update")
        .limit(1);
      if (!change || change.expiresAt <= now)
        throw new AppError({ code: "not_found", message: "linkInvalid" });
      if (input.viewerId && input.viewerId !== change.userId)
        throw new AppError({ code: "forbidden", message: "otherAccount" });
      const [user] = await tx
        .select({ email: users.email, name: users.name, locale: users.locale, status: users.status })
        .from(users)
        .where(eq(users.id, change.userId))
        .for("update")
        .limit(1);
      if (user?.status !== "approved") throw new AppError({ code: "not_found", message: "linkInvalid" });
      if (await isEmailTaken({ email: change.newEmail, exceptUserId: change.userId, tx })) throw emailInUse();

      await tx
        .update(users)
        .set({ email: change.newEmail, emailVerified: now })
        .where(eq(users.id, change.userId));
      await tx.delete(emailChanges).where(eq(emailChanges.userId, change.userId));
      // Sign-in links already mailed to the old address stop working.
      await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, user.email));
      await followAddressChange(tx, { oldEmail: user.email, newEmail: change.newEmail });
      // Whoever still has the account open elsewhere (maybe with the lost mailbox) is signed out.
      await tx
        .delete(sessions)
        .where(
          and(
            eq(sessions.userId, change.userId),
            ne(sessions.sessionToken, input.viewerId === change.userId ? (input.sessionToken ?? "") : ""),
          ),
        );
      await recordAudit(tx, {
        actorId: change.userId,
        action: "user.emailChanged",
        targetType: "user",
        targetId: change.userId,
      });
      return {
        userId: change.userId,
        oldEmail: user.email,
        newEmail: change.newEmail,
        name: user.name,
        locale: isLocale(user.locale) ? user.locale : "de",
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailInUse(error);
    throw error;
  }
}
