"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
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
    const { id } = await saveOffer({ actorId, data }).catch((error: unknown) => {
      // Deleted meanwhile: the edit page renders again as "gone", where the typed values can be
      // entered as a new offer.
      if (error instanceof AppError && error.message === "offerGone")
        revalidatePath(`/organisations/${slug}/offers/${data.offerId}/edit`);
      throw error;
    });
    redirect(`/organisations/${slug}?offer=${data.offerId ? "saved" : "added"}&id=${id}#offer-${id}`);
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
