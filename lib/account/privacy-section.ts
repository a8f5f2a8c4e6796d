import "server-only";
import { eq } from "drizzle-orm";
import { emailChanges } from "@/db/schema";
import type { PrivacySection } from "@/lib/privacy/sections";

/** A requested new sign-in address still waiting for its link (never the token). */
export const EMAIL_CHANGE_SECTION: PrivacySection = {
  key: "pendingEmailChange",
  export: async (db, userId) => {
    const [row] = await db
      .select({
        newEmail: emailChanges.newEmail,
        requestedAt: emailChanges.createdAt,
        linkExpiresAt: emailChanges.expiresAt,
      })
      .from(emailChanges)
      .where(eq(emailChanges.userId, userId));
    return row ?? null;
  },
  erase: async (tx, userId) => {
    await tx.delete(emailChanges).where(eq(emailChanges.userId, userId));
  },
};
