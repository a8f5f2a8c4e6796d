import type { Role } from "@/db/schema";

/**
 * Who may do what in the admin area: the least role for each capability. Pages and actions ask
 * `requireCapability`, mutations check the actor against the database again.
 */
export const CAPABILITIES = {
  "dashboard.view": "coordinator",
  "users.view": "coordinator",
  "users.block": "coordinator",
  "users.resendInvitation": "coordinator",
  "users.organisations": "coordinator",
  "users.email": "coordinator",
  "users.changeRole": "admin",
  "users.delete": "admin",
  "audit.view": "coordinator",
  "feedback.view": "coordinator",
  "settings.edit": "admin",
  "campaigns.manage": "coordinator",
} as const satisfies Record<string, Role>;
export type Capability = keyof typeof CAPABILITIES;

const RANK: Record<Role, number> = { member: 0, coordinator: 1, admin: 2 };

/** Whether someone (null: a visitor) may use a capability; only approved people count. */
export function may(
  person: { role: Role; status: string } | null | undefined,
  capability: Capability,
): boolean {
  if (person?.status !== "approved") return false;
  return RANK[person.role] >= RANK[CAPABILITIES[capability]];
}
