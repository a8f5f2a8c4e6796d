// On PostgreSQL the test files share one database: count the seed's own rows, never totals.
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applications, consents, organisations, profiles, settings, users } from "@/db/schema";
import { emailFor, seedDemo } from "@/db/seed";
import { APPLICANTS, DEMO_ACCOUNTS, MEMBERS, ORGANISATIONS } from "@/db/seed-data/network";
import { listPendingApplications } from "@/lib/applications/data";

const seedEmails = [
  ...DEMO_ACCOUNTS.map((a) => a.email),
  ...MEMBERS.map((m) => m.email ?? emailFor(m.name)),
  ...APPLICANTS.map((a) => a.email),
];
const slugs = ORGANISATIONS.map((o) => o.slug);

async function counts() {
  const db = await getDb();
  const people = await db.select().from(users).where(inArray(users.email, seedEmails));
  const ids = people.map((p) => p.id);
  const [orgs, profileRows, applicationRows, consentRows, settingRows] = await Promise.all([
    db.select().from(organisations).where(inArray(organisations.slug, slugs)),
    db.select().from(profiles).where(inArray(profiles.userId, ids)),
    db.select().from(applications).where(inArray(applications.userId, ids)),
    db.select().from(consents).where(inArray(consents.userId, ids)),
    db.select().from(settings),
  ]);
  return {
    organisations: orgs.length,
    approved: people.filter((p) => p.status === "approved").length,
    pending: people.filter((p) => p.status === "pending").length,
    profiles: profileRows.length,
    pendingApplications: applicationRows.filter((a) => a.status === "pending").length,
    consents: consentRows.length,
    legalTexts: settingRows.filter((s) => s.key.startsWith("legal.")).length,
  };
}

describe("seedDemo", () => {
  it("creates the demo network with its logins, once", async () => {
    expect(new Set(seedEmails).size).toBe(seedEmails.length); // no two people share an address
    const db = await getDb();
    const logins = await seedDemo(db);

    const after = await counts();
    expect(after.organisations).toBe(8);
    expect(after.approved).toBe(DEMO_ACCOUNTS.length + MEMBERS.length);
    expect(after.approved).toBeGreaterThanOrEqual(35);
    expect(after.approved).toBeLessThanOrEqual(60);
    expect(after.pending).toBe(2);
    expect(after.pendingApplications).toBe(2);
    expect(after.consents).toBe(2);
    expect(after.profiles).toBe(seedEmails.length);
    expect(after.legalTexts).toBe(4);

    expect(logins.map((l) => l.role)).toEqual(["admin", "coordinator", "member", "applicant"]);
    for (const login of logins) {
      const [user] = await db.select().from(users).where(eq(users.email, login.email));
      expect(user, login.email).toBeDefined();
      if (login.role === "applicant") expect(user!.status).toBe("pending");
      else expect(user).toMatchObject({ role: login.role, status: "approved" });
      expect(user!.emailVerified).toBeInstanceOf(Date);
    }

    // The applicants are in the approval queue: confirmed, each with a pending application.
    const queue = await db
      .select({ email: users.email })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.userId))
      .where(and(eq(applications.status, "pending"), inArray(users.email, seedEmails)));
    expect(queue.map((q) => q.email).sort()).toEqual(APPLICANTS.map((a) => a.email).sort());
    // An applicant who proposed an organisation shows it as waiting for confirmation, not as rejected.
    const waiting = await listPendingApplications({ confirmed: true, limit: 500 });
    for (const applicant of APPLICANTS.filter((a) => a.proposedOrganisation)) {
      expect(waiting.find((a) => a.email === applicant.email)).toMatchObject({
        organisation: applicant.proposedOrganisation,
        organisationProposed: true,
      });
    }

    await seedDemo(db);
    expect(await counts()).toEqual(after);
  });
});
