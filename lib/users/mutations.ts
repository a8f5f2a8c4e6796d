import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import {
  emailChanges,
  organisationAdmins,
  organisations,
  profileOrganisations,
  profiles,
  type Role,
  sessions,
  userErasures,
  users,
} from "@/db/schema";
import { syncSearchColumns } from "@/db/search-fields";
import { sendSignInEmail } from "@/emails/sign-in";
import { requestEmailChange } from "@/lib/account/mutations";
import { assertActorMay } from "@/lib/admin/actor";
import { recordAudit } from "@/lib/audit/mutations";
import { createSignInLink } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { ORGANISATION_AUDIT, type OrganisationChange } from "./schema";
import { statusAfterUnblock } from "./utils";

const notFound = () => new AppError({ code: "not_found", message: "userNotFound" });

/** The target, if it exists and was not erased; locked for the rest of the transaction. */
async function lockTarget(tx: Executor, userId: string) {
  const [target] = await tx
    .select({
      id: users.id,
      role: users.role,
      status: users.status,
      statusBeforeBlock: users.statusBeforeBlock,
      approvedAt: users.approvedAt,
      email: users.email,
      name: users.name,
      locale: users.locale,
    })
    .from(users)
    .leftJoin(userErasures, eq(userErasures.userId, users.id))
    .where(and(eq(users.id, userId), isNull(userErasures.userId)))
    .for("update", { of: users })
    .limit(1);
  if (!target) throw notFound();
  return target;
}

/** Coordinators manage members; only admins may block, unblock or re-address coordinators and admins. */
function assertOutranks(actor: { role: Role }, target: { role: Role }, message = "onlyAdminsForStaff") {
  if (target.role !== "member" && actor.role !== "admin") throw new AppError({ code: "forbidden", message });
}

/** Blocks a person and deletes every session they have, so they are signed out everywhere at once. */
export async function blockUser(input: { actorId: string; userId: string }): Promise<void> {
  if (input.actorId === input.userId) throw new AppError({ code: "forbidden", message: "cannotBlockSelf" });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const actor = await assertActorMay(tx, input.actorId, "users.block");
    const target = await lockTarget(tx, input.userId);
    assertOutranks(actor, target);
    if (target.status === "blocked") throw new AppError({ code: "conflict", message: "alreadyBlocked" });
    await tx
      .update(users)
      .set({ status: "blocked", statusBeforeBlock: target.status })
      .where(and(eq(users.id, input.userId), ne(users.status, "blocked")));
    await tx.delete(sessions).where(eq(sessions.userId, input.userId));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "user.blocked",
      targetType: "user",
      targetId: input.userId,
      data: { previousStatus: target.status },
    });
  });
}

/**
 * Lifts a block and gives back the status the person had before it: a member can sign in again, an
 * applicant returns to the queue undecided, a rejected applicant stays rejected.
 */
export async function unblockUser(input: { actorId: string; userId: string }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const actor = await assertActorMay(tx, input.actorId, "users.block");
    const target = await lockTarget(tx, input.userId);
    assertOutranks(actor, target);
    if (target.status !== "blocked") throw new AppError({ code: "conflict", message: "notBlocked" });
    const restored = statusAfterUnblock(target);
    await tx
      .update(users)
      .set({ status: restored, statusBeforeBlock: null })
      .where(eq(users.id, input.userId));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "user.unblocked",
      targetType: "user",
      targetId: input.userId,
      data: { status: restored },
    });
  });
}

/** Admins only; nobody changes their own role, so the network always keeps the admin who acts. */
export async function changeUserRole(input: { actorId: string; userId: string; role: Role }): Promise<void> {
  if (input.actorId === input.userId)
    throw new AppError({ code: "forbidden", message: "cannotChangeOwnRole", field: "role" });
  const db = await getDb();
  await db.transaction(async (tx) => {
    await assertActorMay(tx, input.actorId, "users.changeRole");
    const target = await lockTarget(tx, input.userId);
    if (target.role === input.role)
      throw new AppError({ code: "conflict", message: "roleUnchanged", field: "role" });
    await tx.update(users).set({ role: input.role }).where(eq(users.id, input.userId));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "user.roleChanged",
      targetType: "user",
      targetId: input.userId,
      data: { from: target.role, to: input.role },
    });
  });
}

/** Mails a fresh invitation link to an invited person who has not signed in yet. */
export async function resendInvitation(input: {
  actorId: string;
  actorName: string | null;
  userId: string;
}): Promise<void> {
  const db = await getDb();
  const target = await db.transaction(async (tx) => {
    await assertActorMay(tx, input.actorId, "users.resendInvitation");
    const [row] = await tx
      .select({
        email: users.email,
        name: users.name,
        locale: users.locale,
        status: users.status,
        invitedById: users.invitedById,
        emailVerified: users.emailVerified,
        erased: userErasures.userId,
      })
      .from(users)
      .leftJoin(userErasures, eq(userErasures.userId, users.id))
      .where(eq(users.id, input.userId))
      .limit(1);
    if (!row || row.erased) throw notFound();
    if (!row.invitedById || row.emailVerified || row.status !== "approved")
      throw new AppError({ code: "conflict", message: "invitationNotPending" });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "user.invitationResent",
      targetType: "user",
      targetId: input.userId,
    });
    return row;
  });
  const link = await createSignInLink({ email: target.email, callbackPath: "/home", kind: "invitation" });
  await sendSignInEmail({
    to: target.email,
    locale: isLocale(target.locale) ? target.locale : "de",
    url: link.url,
    code: null,
    purpose: "invitation",
    name: target.name,
    inviterName: input.actorName,
  });
}

/**
 * A coordinator sets where a person works: their main organisation, further ones, and the
 * organisation-admin flag (which counts only where they work, see lib/organisations/works-at.ts).
 */
export async function changeUserOrganisation(input: {
  actorId: string;
  userId: string;
  organisationId: string;
  change: OrganisationChange;
}): Promise<void> {
  const { userId, organisationId, change } = input;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await assertActorMay(tx, input.actorId, "users.organisations");
    const target = await lockTarget(tx, userId);
    const [org] = await tx
      .select({ name: organisations.name, active: sql<boolean>`${organisations.status} = 'active'` })
      .from(organisations)
      .where(eq(organisations.id, organisationId))
      .limit(1);
    if (!org) throw new AppError({ code: "not_found", message: "organisationNotFound" });
    const [profile] = await tx
      .select({ main: profiles.organisationId, mainName: organisations.name })
      .from(profiles)
      .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
      .where(eq(profiles.userId, userId))
      .limit(1);
    const further = await tx
      .select({ id: profileOrganisations.organisationId, position: profileOrganisations.position })
      .from(profileOrganisations)
      .where(eq(profileOrganisations.userId, userId));
    const isFurther = further.some((f) => f.id === organisationId);
    const worksThere = profile?.main === organisationId || isFurther;
    const conflict = (message: string) => new AppError({ code: "conflict", message });
    const furtherRow = and(
      eq(profileOrganisations.userId, userId),
      eq(profileOrganisations.organisationId, organisationId),
    );
    const adminRow = and(
      eq(organisationAdmins.userId, userId),
      eq(organisationAdmins.organisationId, organisationId),
    );
    let data: Record<string, unknown> = { name: org.name };

    if (change === "main" || change === "add") {
      if (!org.active) throw conflict("organisationNotConfirmed");
      if (change === "main" && profile?.main === organisationId) throw conflict("organisationUnchanged");
      if (change === "add" && worksThere) throw conflict("alreadyWorksThere");
    }
    if (change === "main") {
      await tx
        .insert(profiles)
        .values({ userId, organisationId })
        .onConflictDoUpdate({ target: profiles.userId, set: { organisationId, updatedAt: new Date() } });
      await tx.delete(profileOrganisations).where(furtherRow);
      data = { ...data, previousName: profile?.mainName ?? null };
    } else if (change === "add") {
      const position = Math.max(-1, ...further.map((f) => f.position)) + 1;
      await tx.insert(profileOrganisations).values({ userId, organisationId, position });
    } else if (change === "remove") {
      if (!isFurther) throw conflict("notFurtherOrganisation");
      await tx.delete(profileOrganisations).where(furtherRow);
    } else if (change === "grantAdmin") {
      if (!worksThere || target.status !== "approved") throw conflict("adminNeedsMember");
      const added = await tx
        .insert(organisationAdmins)
        .values({ userId, organisationId })
        .onConflictDoNothing()
        .returning({ userId: organisationAdmins.userId });
      if (added.length === 0) throw conflict("alreadyOrganisationAdmin");
    } else {
      const removed = await tx
        .delete(organisationAdmins)
        .where(adminRow)
        .returning({ userId: organisationAdmins.userId });
      if (removed.length === 0) throw conflict("notOrganisationAdmin");
    }
    await syncSearchColumns(tx, [userId]);
    await recordAudit(tx, {
      actorId: input.actorId,
      action: ORGANISATION_AUDIT[change],
      targetType: "user",
      targetId: userId,
      data,
    });
  });
}

/**
 * A coordinator enters a member's new sign-in address (mistyped at invitation, mailbox lost): the
 * member's own pending change is stored, so nothing changes until the link mailed to the new address
 * is opened, and a typo here cannot lock anyone out. Only admins do this for coordinators and admins
 * (otherwise a coordinator could take over an admin's account). Returns the link token, once.
 */
export async function requestUserEmailChange(input: {
  actorId: string;
  userId: string;
  newEmail: string;
}): Promise<{ token: string; name: string | null; locale: Locale }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const actor = await assertActorMay(tx, input.actorId, "users.email");
    const target = await lockTarget(tx, input.userId);
    assertOutranks(actor, target, "emailOnlyAdminsForStaff");
    if (target.status !== "approved") throw new AppError({ code: "conflict", message: "emailNeedsMember" });
    const { token } = await requestEmailChange({ userId: input.userId, newEmail: input.newEmail, tx });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "user.emailChangeRequested",
      targetType: "user",
      targetId: input.userId,
    });
    return { token, name: target.name, locale: isLocale(target.locale) ? target.locale : "de" };
  });
}

/** Withdraws the waiting change of a member's sign-in address; the mailed link stops working. */
export async function cancelUserEmailChange(input: { actorId: string; userId: string }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const actor = await assertActorMay(tx, input.actorId, "users.email");
    const target = await lockTarget(tx, input.userId);
    assertOutranks(actor, target, "emailOnlyAdminsForStaff");
    const removed = await tx
      .delete(emailChanges)
      .where(eq(emailChanges.userId, input.userId))
      .returning({ userId: emailChanges.userId });
    if (removed.length === 0) throw new AppError({ code: "conflict", message: "noEmailChangePending" });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "user.emailChangeCancelled",
      targetType: "user",
      targetId: input.userId,
    });
  });
}
