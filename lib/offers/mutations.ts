import "server-only";
import { and, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { organisationOffers, VISIBILITY } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { isCoordinator } from "@/lib/organisations/mutations";
import type { DeleteOffer, OfferInput } from "./schema";

/** Coordinators' changes go to the audit log; an organisation's own admins edit their page freely. */
async function audit(
  tx: Executor,
  input: {
    actorId: string;
    organisationId: string;
    action: "organisation.offer_added" | "organisation.offer_updated" | "organisation.offer_removed";
    title: string;
  },
) {
  if (!(await isCoordinator(tx, input.actorId))) return;
  await recordAudit(tx, {
    actorId: input.actorId,
    action: input.action,
    targetType: "organisation",
    targetId: input.organisationId,
    data: { offer: input.title },
  });
}

const fields = (data: OfferInput) => ({
  title: data.title,
  description: data.description ?? null,
  topics: data.topics,
  languages: data.languages,
  formats: data.formats,
  municipality: data.municipality ?? null,
  location: data.location ?? null,
  schedule: data.schedule ?? null,
  contact: data.contact ?? null,
  visibility: data.visibility === "public" ? VISIBILITY.public : VISIBILITY.members,
});

/** Adds an offer, or saves it when `offerId` names one of this organisation's offers. The action checks who may. */
export async function saveOffer(input: { actorId: string; data: OfferInput }): Promise<{ id: string }> {
  const { organisationId, offerId } = input.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = offerId
      ? await tx
          .update(organisationOffers)
          .set({ ...fields(input.data), updatedAt: new Date() })
          .where(
            and(eq(organisationOffers.id, offerId), eq(organisationOffers.organisationId, organisationId)),
          )
          .returning({ id: organisationOffers.id })
      : await tx
          .insert(organisationOffers)
          .values({ organisationId, ...fields(input.data) })
          .returning({ id: organisationOffers.id });
    if (!row) throw new AppError({ code: "not_found", message: "offerGone" });
    await audit(tx, {
      actorId: input.actorId,
      organisationId,
      action: offerId ? "organisation.offer_updated" : "organisation.offer_added",
      title: input.data.title,
    });
    return row;
  });
}

/** Deletes one of the organisation's offers; false when there is no such offer (any more). */
export async function deleteOffer(input: { actorId: string; data: DeleteOffer }): Promise<boolean> {
  const { organisationId, offerId } = input.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(organisationOffers)
      .where(and(eq(organisationOffers.id, offerId), eq(organisationOffers.organisationId, organisationId)))
      .returning({ title: organisationOffers.title });
    if (!row) return false;
    await audit(tx, {
      actorId: input.actorId,
      organisationId,
      action: "organisation.offer_removed",
      title: row.title,
    });
    return true;
  });
}
