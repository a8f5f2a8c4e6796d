import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/auth/viewer";
import { getOrganisationForEdit, mayEditOrganisation } from "@/lib/organisations/data";

/** The organisation whose offers this viewer may edit (coordinators, its admins); anyone else gets 404. */
export const loadOfferEditor = cache(async (slug: string) => {
  const [viewer, organisation] = await Promise.all([getViewer(), getOrganisationForEdit({ slug })]);
  if (!organisation || !(await mayEditOrganisation({ viewer, organisationId: organisation.id }))) notFound();
  return organisation;
});
