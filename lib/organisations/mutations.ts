import "server-only";
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import {
  events,
  organisationAdmins,
  organisationOffers,
  organisations,
  profileOrganisations,
  profiles,
  users,
} from "@/db/schema";
import { syncSearchColumns } from "@/db/search-fields";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/config";
import type { UpdateOrganisation } from "./schema";
import { worksAt } from "./works-at";

/** Everyone working at the organisation, as their main organisation or a further one. */
async function memberIds(tx: Executor, organisationId: string): Promise<string[]> {
  const main = await tx
    .select({ userId: profiles.userId })
    .from(profiles)
    .where(eq(profiles.organisationId, organisationId));
  const further = await tx
    .select({ userId: profileOrganisations.userId })
    .from(profileOrganisations)
    .where(eq(profileOrganisations.organisationId, organisationId));
  return [...new Set([...main, ...further].map((m) => m.userId))];
}

/** Coordinators' and admins' edits of an organisation (and its offers) go to the audit log. */
export const isCoordinator = async (tx: Executor, userId: string): Promise<boolean> => {
  const [row] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.role === "coordinator" || row?.role === "admin";
};

/**
 * Saves an organisation's page. The slug stays, so links keep working after a rename; members'
 * search text follows the new name. Coordinators' edits go to the audit log.
 */
export async function updateOrganisation(input: {
  actorId: string;
  data: UpdateOrganisation;
}): Promise<{ slug: string }> {
  const { organisationId, ...fields } = input.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ name: organisations.name, slug: organisations.slug })
      .from(organisations)
      .where(eq(organisations.id, organisationId))
      .for("update")
      .limit(1);
    if (!current) throw new AppError({ code: "not_found", message: "organisationGone" });

    await tx
      .update(organisations)
      .set({
        name: fields.name,
        type: fields.type,
        description: fields.description ?? null,
        street: fields.street ?? null,
        postcode: fields.postcode ?? null,
        city: fields.city ?? null,
        municipality: fields.municipality ?? null,
        phone: fields.phone ?? null,
        email: fields.email ?? null,
        website: fields.website ?? null,
        updatedAt: new Date(),
      })
      .where(eq(organisations.id, organisationId));
    const renamed = current.name !== fields.name;
    if (renamed) await syncSearchColumns(tx, await memberIds(tx, organisationId));
    if (await isCoordinator(tx, input.actorId)) {
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "organisation.updated",
        targetType: "organisation",
        targetId: organisationId,
        data: renamed ? { previousName: current.name, name: fields.name } : undefined,
      });
    }
    return { slug: current.slug };
  });
}

/** Makes a proposed organisation an ordinary one, listed and selectable at sign-up. */
export async function confirmOrganisation(input: { actorId: string; organisationId: string }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(organisations)
      .set({ status: "active", updatedAt: new Date() })
      .where(and(eq(organisations.id, input.organisationId), eq(organisations.status, "proposed")))
      .returning({ name: organisations.name });
    if (!row) throw new AppError({ code: "not_found", message: "organisationGone" });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "organisation.confirmed",
      targetType: "organisation",
      targetId: input.organisationId,
      data: { name: row.name },
    });
  });
}

export type RejectedProposal = {
  organisation: string;
  /** Who proposed it, to be told; null once their account is gone. */
  proposer: { email: string; name: string | null; locale: Locale } | null;
};

/** Deletes a proposed organisation; the people who named it stay, without an organisation. */
export async function rejectOrganisation(input: {
  actorId: string;
  organisationId: string;
}): Promise<RejectedProposal> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        name: organisations.name,
        proposerEmail: users.email,
        proposerName: users.name,
        proposerLocale: users.locale,
      })
      .from(organisations)
      .leftJoin(users, eq(users.id, organisations.proposedById))
      .where(and(eq(organisations.id, input.organisationId), eq(organisations.status, "proposed")))
      .for("update", { of: organisations })
      .limit(1);
    if (!row) throw new AppError({ code: "not_found", message: "organisationGone" });
    // Collected before the delete: afterwards the foreign keys have already let go of them.
    const members = await memberIds(tx, input.organisationId);
    await tx.delete(organisations).where(eq(organisations.id, input.organisationId));
    await syncSearchColumns(tx, members);
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "organisation.rejected",
      targetType: "organisation",
      targetId: input.organisationId,
      data: { name: row.name },
    });
    const { proposerEmail: email, proposerName: name, proposerLocale: locale } = row;
    return {
      organisation: row.name,
      proposer: email ? { email, name, locale: isLocale(locale) ? locale : "de" } : null,
    };
  });
}

export type MergedProposal = {
  proposed: string;
  organisation: { name: string; slug: string };
  /** Who worked at the proposal and is to be told: approved members and applicants who confirmed their address. */
  told: { email: string; name: string | null; locale: Locale }[];
};

/**
 * A proposed organisation turned out to exist already: everyone working there (main or further),
 * its admins, offers and events move to the existing, confirmed one, and the proposal is deleted.
 */
export async function mergeProposedOrganisation(input: {
  actorId: string;
  organisationId: string;
  intoId: string;
}): Promise<MergedProposal> {
  const { organisationId: from, intoId: into } = input;
  if (from === into) throw new AppError({ code: "invalid", message: "invalidChoice" });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: organisations.id,
        name: organisations.name,
        slug: organisations.slug,
        status: organisations.status,
      })
      .from(organisations)
      .where(inArray(organisations.id, [from, into]))
      .for("update");
    const proposal = rows.find((r) => r.id === from && r.status === "proposed");
    const target = rows.find((r) => r.id === into);
    if (!proposal || !target) throw new AppError({ code: "not_found", message: "organisationGone" });
    // Its people are told it is listed under the target's name: a proposal is not listed at all.
    if (target.status !== "active")
      throw new AppError({ code: "invalid", message: "mergeTargetNotConfirmed" });
    const members = await memberIds(tx, from);
    const told = await reachableAmong(tx, members);
    await tx.update(profiles).set({ organisationId: into }).where(eq(profiles.organisationId, from));
    // A further organisation that is now the person's main one, or already a further one, is dropped.
    await tx
      .delete(profileOrganisations)
      .where(and(eq(profileOrganisations.organisationId, from), worksAt(into, profileOrganisations.userId)));
    await tx
      .update(profileOrganisations)
      .set({ organisationId: into })
      .where(eq(profileOrganisations.organisationId, from));
    await tx.execute(sql`insert into ${organisationAdmins} (organisation_id, user_id)
      select ${into}, user_id from ${organisationAdmins} where organisation_id = ${from}
      on conflict do nothing`);
    await tx
      .update(organisationOffers)
      .set({ organisationId: into })
      .where(eq(organisationOffers.organisationId, from));
    await tx
      .update(events)
      .set({ organiserOrganisationId: into })
      .where(eq(events.organiserOrganisationId, from));
    await tx.delete(organisations).where(eq(organisations.id, from));
    await syncSearchColumns(tx, members);
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "organisation.merged",
      targetType: "organisation",
      targetId: into,
      data: { merged: proposal.name, name: target.name },
    });
    return { proposed: proposal.name, organisation: { name: target.name, slug: target.slug }, told };
  });
}

/**
 * Of these people, those a mail about their organisation may go to: approved members, and applicants
 * who confirmed their address (they still wait, and would otherwise find another name in their
 * application without a word). Unconfirmed addresses may not even be theirs; rejected or blocked
 * accounts are not told.
 */
async function reachableAmong(tx: Executor, userIds: string[]): Promise<MergedProposal["told"]> {
  if (userIds.length === 0) return [];
  const rows = await tx
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(
      and(
        inArray(users.id, userIds),
        or(eq(users.status, "approved"), and(eq(users.status, "pending"), isNotNull(users.emailVerified))),
      ),
    );
  return rows.map((r) => ({ ...r, locale: isLocale(r.locale) ? r.locale : "de" }));
}

/**
 * Lets a member edit their organisation's page, or takes that right away. Only an approved member
 * working at that organisation can be made its admin. The action checks that the actor is a coordinator.
 */
export async function setOrganisationAdmin(input: {
  actorId: string;
  organisationId: string;
  userId: string;
  isAdmin: boolean;
}): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (input.isAdmin) {
      const [member] = await tx
        .select({ userId: profiles.userId })
        .from(profiles)
        .innerJoin(users, eq(users.id, profiles.userId))
        .innerJoin(organisations, eq(organisations.id, input.organisationId))
        .where(
          and(
            eq(profiles.userId, input.userId),
            worksAt(input.organisationId),
            eq(users.status, "approved"),
            eq(organisations.status, "active"),
          ),
        )
        .limit(1);
      if (!member) throw new AppError({ code: "invalid", message: "notOrganisationMember", field: "email" });
      await tx
        .insert(organisationAdmins)
        .values({ organisationId: input.organisationId, userId: input.userId })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(organisationAdmins)
        .where(
          and(
            eq(organisationAdmins.organisationId, input.organisationId),
            eq(organisationAdmins.userId, input.userId),
          ),
        );
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: input.isAdmin ? "organisation.admin_added" : "organisation.admin_removed",
      targetType: "organisation",
      targetId: input.organisationId,
      data: { userId: input.userId },
    });
  });
}
