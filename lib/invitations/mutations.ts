import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { foldName } from "@/db/folding";
import { applications, profiles, users } from "@/db/schema";
import { sendSignInEmail } from "@/emails/sign-in";
import { recordAudit } from "@/lib/audit/mutations";
import { createSignInLink } from "@/lib/auth/tokens";
import { enrolInWelcomeSequence } from "@/lib/campaigns/mutations";
import { AppError } from "@/lib/errors";
import type { Invite } from "./schema";

/**
 * Creates an approved member for the address and mails them an invitation link. An address that
 * already belongs to someone (member, applicant, rejected or blocked) is refused, so an invitation
 * never changes an existing person's status.
 */
export async function inviteMember(
  input: Invite & { inviterId: string; inviterName: string | null },
): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, input.email))
      .limit(1);
    if (existing) throw new AppError({ code: "conflict", message: "alreadyRegistered", field: "email" });
    const now = new Date();
    const [user] = await tx
      .insert(users)
      .values({
        name: input.name,
        email: input.email,
        locale: input.locale,
        status: "approved",
        approvedAt: now,
        invitedById: input.inviterId,
      })
      .returning({ id: users.id });
    const userId = user!.id;
    await tx.insert(profiles).values({ userId, nameFolded: foldName(input.name), searchText: input.name });
    await enrolInWelcomeSequence(tx, userId);
    await tx.insert(applications).values({
      userId,
      source: "invitation",
      status: "approved",
      locale: input.locale,
      decidedById: input.inviterId,
      decidedAt: now,
    });
    await recordAudit(tx, {
      actorId: input.inviterId,
      action: "user.invited",
      targetType: "user",
      targetId: userId,
    });
  });
  const link = await createSignInLink({ email: input.email, callbackPath: "/home", kind: "invitation" });
  await sendSignInEmail({
    to: input.email,
    locale: input.locale,
    url: link.url,
    code: null,
    purpose: "invitation",
    name: input.name,
    inviterName: input.inviterName,
  });
}
