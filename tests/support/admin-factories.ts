// Rows for the admin-area tests: people in each role, each unique.
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, type Role } from "@/db/schema";
import { createMember } from "./factories";

export const createPerson = (role: Role, name = `Person ${role}`) => createMember({ role, name });

/** The newest audit entries about one object. */
export async function auditEntriesFor(targetId: string) {
  const db = await getDb();
  return db.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(desc(auditLog.createdAt));
}
