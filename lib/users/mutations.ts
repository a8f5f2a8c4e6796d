import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";

/** Blocks a person and deletes every session they have, so they are signed out everywhere at once. */
export async function blockUser(input: { actorId: string; userId: string }): Promise<void> {
  if (input.actorId === input.userId) throw new AppError({ code: "forbidden", message: "cannotBlockSelf" });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const blocked = await tx
      .update(users)
      .set({ status: "blocked" })
      .where(and(eq(users.id, input.userId), ne(users.status, "blocked")))
      .returning({ id: users.id });
    if (blocked.length === 0) throw new AppError({ code: "not_found", message: "userNotFound" });
    await tx.delete(sessions).where(eq(sessions.userId, input.userId));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "user.blocked",
      targetType: "user",
      targetId: input.userId,
    });
  });
}
