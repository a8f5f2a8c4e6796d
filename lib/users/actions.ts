"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireCapability } from "@/lib/admin/loaders";
import type { Capability } from "@/lib/admin/permissions";
import { AppError } from "@/lib/errors";
import { deleteUserAccount } from "@/lib/privacy/mutations";
import {
  blockUser,
  changeUserOrganisation,
  changeUserRole,
  resendInvitation,
  unblockUser,
} from "./mutations";
import { ChangeRole, ChangeUserOrganisation, UserTarget } from "./schema";

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

/** Main organisation, further ones and the organisation-admin flag, set by a coordinator. */
export async function changeUserOrganisationAction(formData: FormData) {
  const parsed = ChangeUserOrganisation.safeParse({
    userId: formData.get("userId"),
    organisationId: formData.get("organisationId"),
    change: formData.get("change"),
  });
  const change = parsed.success ? parsed.data.change : "main";
  await run("users.organisations", parsed, `organisation.${change}`, (actor, data) =>
    changeUserOrganisation({ actorId: actor.id, ...data }),
  );
}
