import type { UserStatus } from "@/db/schema";

/**
 * The status a blocked person gets back when the block is lifted: the one kept at blocking; for a
 * block from before it was kept, a member if they were ever approved, else an applicant again.
 */
export function statusAfterUnblock(user: {
  statusBeforeBlock: Exclude<UserStatus, "blocked"> | null;
  approvedAt: Date | null;
}): Exclude<UserStatus, "blocked"> {
  return user.statusBeforeBlock ?? (user.approvedAt ? "approved" : "pending");
}
