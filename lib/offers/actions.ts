"use server";

import { notFound, redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { formAction } from "@/lib/forms/action";
import { mayEditOrganisation } from "@/lib/organisations/data";
import { getOrganisationSlug } from "./data";
import { deleteOffer, saveOffer } from "./mutations";
import { DeleteOffer, OFFER_MULTI_FIELDS, OfferInput } from "./schema";

/** Coordinators and the organisation's own admins; everyone else finds nothing here. Returns the page's slug. */
async function requireEditor(organisationId: string): Promise<{ actorId: string; slug: string }> {
  const viewer = await getViewer();
  if (!(await mayEditOrganisation({ viewer, organisationId }))) notFound();
  const slug = await getOrganisationSlug(organisationId);
  if (!slug) notFound();
  return { actorId: viewer!.id, slug };
}

export const saveOfferAction = formAction(
  OfferInput,
  async (data) => {
    const { actorId, slug } = await requireEditor(data.organisationId);
    const { id } = await saveOffer({ actorId, data });
    redirect(`/organisations/${slug}?offer=${data.offerId ? "saved" : "added"}#offer-${id}`);
  },
  { multi: OFFER_MULTI_FIELDS },
);

/** The confirmation panel's plain form post; a second click on a deleted offer finds nothing. */
export async function deleteOfferAction(formData: FormData): Promise<void> {
  const parsed = DeleteOffer.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const { actorId, slug } = await requireEditor(parsed.data.organisationId);
  if (!(await deleteOffer({ actorId, data: parsed.data }))) notFound();
  redirect(`/organisations/${slug}?offer=deleted#offers-heading`);
}
