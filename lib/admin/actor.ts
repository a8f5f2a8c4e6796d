import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type Capability, may } from "./permissions";

/** Checks the acting person against the database (not the session snapshot) inside the write. */
export async function assertActorMay(tx: Executor, actorId: string, capability: Capability) {
  const [actor] = await tx
    .select({ id: users.id, role: users.role, status: users.status })
    .from(users)
    .where(eq(users.id, actorId))
    .limit(1);
  if (!may(actor, capability)) throw new AppError({ code: "not_found", message: "notAllowed" });
  return actor!;
}
