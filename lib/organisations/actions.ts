"use server";

import { notFound, redirect } from "next/navigation";
import { sendOrganisationMergedEmail } from "@/emails/organisation-merged";
import { sendOrganisationRejectedEmail } from "@/emails/organisation-rejected";
import { getViewer, requireRole } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import {
  choiceNamed,
  getOrganisationForEdit,
  getUserIdByEmail,
  listOrganisationChoices,
  mayEditOrganisation,
} from "./data";
import {
  confirmOrganisation,
  mergeProposedOrganisation,
  rejectOrganisation,
  setOrganisationAdmin,
  updateOrganisation,
} from "./mutations";
import { DecideOrganisation, MergeOrganisation, SetOrganisationAdmin, UpdateOrganisation } from "./schema";

/** Coordinators, and the organisation's own admins; everyone else finds nothing here. */
export const updateOrganisationAction = formAction(UpdateOrganisation, async (data) => {
  const viewer = await getViewer();
  if (!(await mayEditOrganisation({ viewer, organisationId: data.organisationId }))) notFound();
  const { slug } = await updateOrganisation({ actorId: viewer!.id, data });
  redirect(`/organisations/${slug}?saved=1`);
});

export const decideOrganisationAction = formAction(DecideOrganisation, async (data) => {
  const coordinator = await requireRole("coordinator");
  const input = { actorId: coordinator.id, organisationId: data.organisationId };
  if (data.decision === "confirm") await confirmOrganisation(input);
  else {
    const { organisation, proposer } = await rejectOrganisation(input);
    if (proposer) {
      const { email: to, name, locale } = proposer;
      await sendOrganisationRejectedEmail({ to, name, locale, organisation });
    }
  }
  return { status: "success", message: data.decision === "confirm" ? "confirmed" : "rejected" };
});

export const setOrganisationAdminAction = formAction(SetOrganisationAdmin, async (data) => {
  const coordinator = await requireRole("coordinator");
  const organisationId = (await getOrganisationForEdit({ slug: data.organisation }))?.id;
  if (!organisationId)
    throw new AppError({ code: "not_found", message: "unknownOrganisation", field: "organisation" });
  const userId = await getUserIdByEmail({ email: data.email });
  if (!userId) throw new AppError({ code: "not_found", message: "unknownMember", field: "email" });
  await setOrganisationAdmin({ actorId: coordinator.id, organisationId, userId, isAdmin: data.isAdmin });
  return { status: "success", message: data.isAdmin ? "adminGranted" : "adminRevoked" };
});

/**
 * A proposal that exists already: its people go to the existing organisation, the proposal goes, and
 * they are told under which name their organisation is listed now. A typed name that no confirmed
 * organisation has goes back to the field with what was typed.
 */
export const mergeOrganisationAction = formAction(MergeOrganisation, async (data) => {
  const coordinator = await requireRole("coordinator");
  const intoId = data.intoId ?? choiceNamed(await listOrganisationChoices(), data.intoName ?? "")?.id;
  if (!intoId) throw new AppError({ code: "not_found", message: "unknownMergeTarget", field: "intoName" });
  const { proposed, organisation, told } = await mergeProposedOrganisation({
    actorId: coordinator.id,
    organisationId: data.organisationId,
    intoId,
  });
  for (const { email: to, name, locale } of told)
    await sendOrganisationMergedEmail({ to, name, locale, proposed, organisation });
  return { status: "success", message: "merged" };
});
