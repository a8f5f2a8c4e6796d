import "server-only";
import { and, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import {
  accounts,
  consents,
  devOutbox,
  sessions,
  userErasures,
  users,
  verificationTokens,
} from "@/db/schema";
import { assertActorMay } from "@/lib/admin/actor";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { getPolicyVersion } from "@/lib/legal/data";
import { isLastAdmin } from "./data";
import { type AfterErase, PRIVACY_SECTIONS } from "./sections";

/** The address an erased account keeps: unique, unroutable (.invalid), and says nothing about the person. */
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;

/** Erases the account inside the caller's transaction; returns what the sections do after commit. */
async function erase(tx: Executor, userId: string): Promise<AfterErase[]> {
  const [user] = await tx
    .select({ email: users.email, erased: userErasures.userId })
    .from(users)
    .leftJoin(userErasures, eq(userErasures.userId, users.id))
    .where(eq(users.id, userId))
    .for("update", { of: users })
    .limit(1);
  if (!user || user.erased) throw new AppError({ code: "not_found", message: "userNotFound" });
  const afterCommit: AfterErase[] = [];
  for (const section of PRIVACY_SECTIONS) await section.erase?.(tx, userId, (step) => afterCommit.push(step));
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  await tx.delete(accounts).where(eq(accounts.userId, userId));
  await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, user.email));
  await tx.delete(devOutbox).where(eq(devOutbox.to, user.email));
  // The row stays so their posts keep an author ("former member"); nothing in it names them.
  await tx
    .update(users)
    .set({
      name: null,
      email: erasedEmail(userId),
      emailVerified: null,
      image: null,
      role: "member",
      status: "blocked",
      locale: "de",
      invitedById: null,
    })
    .where(eq(users.id, userId));
  return afterCommit;
}

/** Runs the sections' after-commit steps; a failure is logged, the deletion stands. */
async function runAfterErase(steps: AfterErase[]) {
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      console.error("After-erase step failed:", error);
    }
  }
}

/** An admin deletes someone's account: personal data erased, content kept, logged. */
export async function deleteUserAccount(input: { actorId: string; userId: string }): Promise<void> {
  if (input.actorId === input.userId) throw new AppError({ code: "forbidden", message: "cannotDeleteSelf" });
  const db = await getDb();
  const afterCommit = await db.transaction(async (tx) => {
    await assertActorMay(tx, input.actorId, "users.delete");
    const steps = await erase(tx, input.userId);
    await tx.insert(userErasures).values({ userId: input.userId, erasedById: input.actorId });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "user.deleted",
      targetType: "user",
      targetId: input.userId,
    });
    return steps;
  });
  await runAfterErase(afterCommit);
}

/** A member deletes their own account after confirming by e-mail link; the last admin cannot. */
export async function deleteOwnAccount(input: { userId: string }): Promise<void> {
  const db = await getDb();
  const afterCommit = await db.transaction(async (tx) => {
    if (await isLastAdmin({ userId: input.userId, tx }))
      throw new AppError({ code: "forbidden", message: "lastAdmin" });
    const steps = await erase(tx, input.userId);
    await tx.insert(userErasures).values({ userId: input.userId, erasedById: input.userId });
    await recordAudit(tx, {
      actorId: input.userId,
      action: "user.selfDeleted",
      targetType: "user",
      targetId: input.userId,
    });
    return steps;
  });
  await runAfterErase(afterCommit);
}

/** Records that the member accepted the current privacy policy. */
export async function acceptPrivacyPolicy(input: { userId: string }): Promise<void> {
  const version = await getPolicyVersion();
  const db = await getDb();
  const [existing] = await db
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.userId, input.userId),
        eq(consents.kind, "privacy_policy"),
        eq(consents.policyVersion, version),
      ),
    )
    .limit(1);
  if (existing) return;
  await db.insert(consents).values({ userId: input.userId, kind: "privacy_policy", policyVersion: version });
}
