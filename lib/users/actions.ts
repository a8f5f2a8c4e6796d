"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { sendEmailChangeConfirmation } from "@/emails/email-change";
import { emailChangeLink } from "@/lib/account/utils";
import { requireCapability } from "@/lib/admin/loaders";
import type { Capability } from "@/lib/admin/permissions";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import { choiceNamed, listOrganisationChoices } from "@/lib/organisations/data";
import { deleteUserAccount } from "@/lib/privacy/mutations";
import { enforceRateLimits } from "@/lib/rate-limit/mutations";
import { emailChangeLimits } from "@/lib/rate-limit/policies";
import {
  blockUser,
  cancelUserEmailChange,
  changeUserOrganisation,
  changeUserRole,
  requestUserEmailChange,
  resendInvitation,
  unblockUser,
} from "./mutations";
import { ChangeRole, ChangeUserEmail, ChangeUserOrganisation, UNKNOWN_ADDITION, UserTarget } from "./schema";

/**
 * Every user action is a plain form post from a confirmation step (works without JavaScript): check
 * the capability, run the mutation, then go back to the person's page with what happened or why not.
 */
async function run<T extends { userId: string }>(
  capability: Capability,
  parsed: { success: true; data: T } | { success: false },
  done: string,
  mutate: (actor: { id: string; name: string | null }, data: T) => Promise<void>,
): Promise<never> {
  const actor = await requireCapability(capability);
  if (!parsed.success) redirect("/admin/users?error=invalid");
  const { userId } = parsed.data;
  let outcome = `done=${done}`;
  try {
    await mutate(actor, parsed.data);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    outcome = `error=${encodeURIComponent(error.message)}`;
  }
  revalidatePath("/admin/users");
  redirect(`/admin/users/${encodeURIComponent(userId)}?${outcome}`);
}

const target = (formData: FormData) => UserTarget.safeParse({ userId: formData.get("userId") });

export async function blockUserAction(formData: FormData) {
  await run("users.block", target(formData), "blocked", (actor, { userId }) =>
    blockUser({ actorId: actor.id, userId }),
  );
}

export async function unblockUserAction(formData: FormData) {
  await run("users.block", target(formData), "unblocked", (actor, { userId }) =>
    unblockUser({ actorId: actor.id, userId }),
  );
}

export async function changeRoleAction(formData: FormData) {
  const parsed = ChangeRole.safeParse({ userId: formData.get("userId"), role: formData.get("role") });
  await run("users.changeRole", parsed, "roleChanged", (actor, { userId, role }) =>
    changeUserRole({ actorId: actor.id, userId, role }),
  );
}

export async function resendInvitationAction(formData: FormData) {
  await run("users.resendInvitation", target(formData), "invitationResent", (actor, { userId }) =>
    resendInvitation({ actorId: actor.id, actorName: actor.name, userId }),
  );
}

export async function deleteUserAction(formData: FormData) {
  await run("users.delete", target(formData), "deleted", (actor, { userId }) =>
    deleteUserAccount({ actorId: actor.id, userId }),
  );
}

/**
 * Main organisation, further ones and the organisation-admin flag, set by a coordinator. A further one
 * comes typed (`organisationName`, as suggested): a name no confirmed organisation has goes back to
 * the field with what was typed.
 */
export async function changeUserOrganisationAction(formData: FormData) {
  const typed = formData.get("organisationName");
  let organisationId = formData.get("organisationId");
  if (typeof typed === "string") {
    await requireCapability("users.organisations");
    const person = target(formData);
    if (!person.success) redirect("/admin/users?error=invalid");
    const choice = choiceNamed(await listOrganisationChoices(), typed);
    if (!choice) {
      const back = new URLSearchParams({ [UNKNOWN_ADDITION]: typed.slice(0, 300) });
      redirect(`/admin/users/${encodeURIComponent(person.data.userId)}?${back}#add-organisation`);
    }
    organisationId = choice.id;
  }
  const parsed = ChangeUserOrganisation.safeParse({
    userId: formData.get("userId"),
    organisationId,
    change: formData.get("change"),
  });
  const change = parsed.success ? parsed.data.change : "main";
  await run("users.organisations", parsed, `organisation.${change}`, (actor, data) =>
    changeUserOrganisation({ actorId: actor.id, ...data }),
  );
}

/**
 * "Neue Anmelde-Adresse" on a person's page: a wrong, unchanged or taken address is said beside the
 * field; otherwise the link goes to the new address, in the member's language.
 */
export const requestUserEmailChangeAction = formAction(ChangeUserEmail, async ({ userId, email }) => {
  const actor = await requireCapability("users.email");
  await enforceRateLimits(emailChangeLimits(userId, email));
  const { token, name, locale } = await requestUserEmailChange({
    actorId: actor.id,
    userId,
    newEmail: email,
  });
  const url = emailChangeLink(token);
  await sendEmailChangeConfirmation({ to: email, locale, name, url, byCoordinator: true });
  revalidatePath("/admin/users");
  redirect(`/admin/users/${encodeURIComponent(userId)}?done=emailChangeRequested#email-heading`);
});

export async function cancelUserEmailChangeAction(formData: FormData) {
  await run("users.email", target(formData), "emailChangeCancelled", (actor, { userId }) =>
    cancelUserEmailChange({ actorId: actor.id, userId }),
  );
}
