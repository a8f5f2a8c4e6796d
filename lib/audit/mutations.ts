import "server-only";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { AuditAction, AuditTargetType } from "./constants";

/** Appends one entry to the audit log: who did what to which object. */
export async function recordAudit(
  tx: Executor,
  entry: {
    actorId: string;
    action: AuditAction;
    targetType: AuditTargetType;
    targetId: string;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(auditLog).values(entry);
}
