import { z } from "zod";
import { ROLES, USER_STATUSES } from "@/db/schema";
import type { AuditAction } from "@/lib/audit/constants";
import { emailAddress } from "@/lib/forms/schema";

export const USER_FILTER_STATUSES = [...USER_STATUSES, "deleted"] as const;
export type UserFilterStatus = (typeof USER_FILTER_STATUSES)[number];

/** The list's filters from the query string; anything unknown is ignored rather than refused. */
export const UserFilter = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(USER_FILTER_STATUSES).optional().catch(undefined),
  after: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .optional()
    .catch(undefined),
});
export type UserFilter = z.infer<typeof UserFilter>;

export const UserTarget = z.object({ userId: z.string().trim().min(1).max(64) });
export const ChangeRole = UserTarget.extend({ role: z.enum(ROLES, { error: "invalidChoice" }) });
export type ChangeRole = z.infer<typeof ChangeRole>;

export const USER_PAGE_SIZE = 25;

/** What a coordinator changes about where a person works; each has its own audit entry. */
export const ORGANISATION_CHANGES = ["main", "add", "remove", "grantAdmin", "revokeAdmin"] as const;
export type OrganisationChange = (typeof ORGANISATION_CHANGES)[number];
export const ORGANISATION_AUDIT = {
  main: "user.mainOrganisationChanged",
  add: "user.organisationAdded",
  remove: "user.organisationRemoved",
  grantAdmin: "user.organisationAdminGranted",
  revokeAdmin: "user.organisationAdminRevoked",
} as const satisfies Record<OrganisationChange, AuditAction>;

export const ChangeUserOrganisation = UserTarget.extend({
  organisationId: z.string().trim().min(1, { error: "required" }).max(64),
  change: z.enum(ORGANISATION_CHANGES, { error: "invalidChoice" }),
});
export type ChangeUserOrganisation = z.infer<typeof ChangeUserOrganisation>;
/** The query parameter that brings a further organisation's name back when no confirmed one has it. */
export const UNKNOWN_ADDITION = "addName";

/** A member's new sign-in address, entered by a coordinator (lower-cased, like every stored address). */
export const ChangeUserEmail = UserTarget.extend({ email: emailAddress });
export type ChangeUserEmail = z.infer<typeof ChangeUserEmail>;
