import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applications, auditLog, devOutbox, users, verificationTokens } from "@/db/schema";
import { hashToken } from "@/lib/auth/tokens";
import type { Locale } from "@/lib/i18n/config";
import { inviteMember } from "@/lib/invitations/mutations";
import { createApplication } from "@/lib/signup/mutations";
import { createUser, signUpInput, uniqueEmail } from "../support/factories";

/**
 * The invitation's subject in that language, whatever the network is called: admin-settings.test.ts
 * names it for a moment, and on PostgreSQL the files share one database.
 */
function invitationSubject(locale: Locale): RegExp {
  const message: string = JSON.parse(
    fs.readFileSync(path.join(process.cwd(), "messages", locale, "core.json"), "utf8"),
  ).mail.invitation.subject;
  const [before = "", after = ""] = message
    .split("{network}")
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${before}.+${after}$`);
}

async function mailsTo(email: string) {
  const db = await getDb();
  return db.select().from(devOutbox).where(eq(devOutbox.to, email));
}

async function userByEmail(email: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

describe("inviteMember", () => {
  it("creates an approved member and mails them a sign-in link in their language", async () => {
    const inviter = await createUser({ role: "coordinator", name: "Katrin Vogel" });
    const email = uniqueEmail();
    await inviteMember({
      name: "Oksana Melnyk",
      email,
      locale: "uk",
      inviterId: inviter.id,
      inviterName: "Katrin Vogel",
    });

    const user = await userByEmail(email);
    expect(user).toMatchObject({
      name: "Oksana Melnyk",
      status: "approved",
      locale: "uk",
      invitedById: inviter.id,
    });
    expect(user!.approvedAt).toBeInstanceOf(Date);
    const db = await getDb();
    const [application] = await db.select().from(applications).where(eq(applications.userId, user!.id));
    expect(application).toMatchObject({
      source: "invitation",
      status: "approved",
      locale: "uk",
      decidedById: inviter.id,
    });
    const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, user!.id));
    expect(audit.map((a) => a.action)).toEqual(["user.invited"]);

    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toMatch(invitationSubject("uk"));
    expect(mail.text).toContain("Katrin Vogel");
    const link = mail.text.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\?\S+/)?.[0];
    expect(link).toBeDefined();
    expect(mail.html).toContain("/api/auth/callback/nodemailer");
    const url = new URL(link!);
    expect(url.searchParams.get("email")).toBe(email);
    // the link's token is the one stored (hashed) for this address, so the link signs them in
    const tokens = await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email));
    expect(tokens.map((t) => t.token)).toEqual([hashToken(url.searchParams.get("token")!)]);
  });

  it("writes the subject in the language chosen for the invitee", async () => {
    const inviter = await createUser({ role: "admin" });
    for (const locale of ["de", "ar"] as const) {
      const email = uniqueEmail();
      await inviteMember({ name: "Test Person", email, locale, inviterId: inviter.id, inviterName: null });
      const [mail] = await mailsTo(email);
      expect(mail?.subject).toMatch(invitationSubject(locale));
      expect(mail?.html).toContain(`lang="${locale}"`);
    }
  });

  it("refuses an address that already belongs to someone and leaves them as they are", async () => {
    const inviter = await createUser({ role: "coordinator" });
    const member = await createUser({ status: "approved", role: "coordinator" });
    const blocked = await createUser({ status: "blocked" });
    const applicantData = signUpInput();
    await createApplication({ data: applicantData, locale: "de", policyVersion: "2026-11-01" });

    for (const email of [member.email, blocked.email, applicantData.email]) {
      const before = await userByEmail(email);
      await expect(
        inviteMember({
          name: "Jemand Anderes",
          email,
          locale: "en",
          inviterId: inviter.id,
          inviterName: null,
        }),
      ).rejects.toMatchObject({ name: "AppError", field: "email", message: "alreadyRegistered" });
      expect(await userByEmail(email)).toEqual(before);
      expect(await mailsTo(email)).toHaveLength(0);
    }
    expect((await userByEmail(applicantData.email))?.status).toBe("pending");
    expect((await userByEmail(blocked.email))?.status).toBe("blocked");
  });
});
