import { and, eq, inArray } from "drizzle-orm";
import type { Database, Transaction } from "./client";
import { applications, consents, organisations, profiles, type Role, settings, users } from "./schema";
import { LEGAL_PAGES, type LegalPage, loadLegalTexts, PRIVACY_POLICY_VERSION } from "./seed-data/legal";
import {
  APPLICANTS,
  DEMO_ACCOUNTS,
  MEMBERS,
  ORGANISATIONS,
  type OrganisationSlug,
  type SeedMember,
} from "./seed-data/network";

export type DemoLogin = { role: Role | "applicant"; email: string };

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** "Natalia Wiśniewska" → "natalia.wisniewska@example.org"; the last word is the family name. */
export function emailFor(name: string): string {
  const ascii = name
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/ı/g, "i")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const words = ascii.split(/\s+/);
  const family = words.pop() ?? "";
  const given = words.join("-");
  return `${given ? `${given}.` : ""}${family}@example.org`;
}

type SeedUser = {
  email: string;
  name: string;
  role: Role;
  status: "approved" | "pending";
  locale: string;
  createdAt: Date;
  emailVerified: Date;
  approvedAt: Date | null;
  profile: Omit<SeedMember, "name" | "email" | "locale" | "organisation"> & {
    organisation: OrganisationSlug | null;
  };
};

/** Everyone the seed creates, with timestamps spread over the past months so charts have a shape. */
function seedUsers(now: number): SeedUser[] {
  const approved = (member: SeedMember & { role?: Role }, daysAgo: number): SeedUser => {
    const createdAt = new Date(now - daysAgo * DAY);
    return {
      email: member.email ?? emailFor(member.name),
      name: member.name,
      role: member.role ?? "member",
      status: "approved",
      locale: member.locale ?? "de",
      createdAt,
      emailVerified: new Date(createdAt.getTime() + 10 * 60 * 1000),
      approvedAt: new Date(createdAt.getTime() + DAY),
      profile: member,
    };
  };
  const pending = APPLICANTS.map((applicant): SeedUser => {
    const createdAt = new Date(now - applicant.hoursAgo * HOUR);
    return {
      email: applicant.email,
      name: applicant.name,
      role: "member",
      status: "pending",
      locale: applicant.locale,
      createdAt,
      emailVerified: new Date(createdAt.getTime() + 10 * 60 * 1000),
      approvedAt: null,
      profile: applicant,
    };
  });
  return [
    ...DEMO_ACCOUNTS.map((account, i) => approved(account, 200 - i)),
    ...MEMBERS.map((member, i) => approved(member, 180 - i * 4)),
    ...pending,
  ];
}

async function insertOrganisations(tx: Transaction, now: number): Promise<Map<string, string>> {
  const rows = ORGANISATIONS.map((org, i) => ({
    ...org,
    status: "active" as const,
    createdAt: new Date(now - (365 - i) * DAY),
  }));
  await tx.insert(organisations).values(rows).onConflictDoNothing({ target: organisations.slug });
  const stored = await tx
    .select({ id: organisations.id, slug: organisations.slug })
    .from(organisations)
    .where(
      inArray(
        organisations.slug,
        ORGANISATIONS.map((org) => org.slug),
      ),
    );
  return new Map(stored.map((row) => [row.slug, row.id]));
}

async function insertUsers(tx: Transaction, people: SeedUser[]): Promise<Map<string, string>> {
  await tx
    .insert(users)
    .values(people.map(({ profile: _profile, ...user }) => user))
    .onConflictDoNothing({ target: users.email });
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        people.map((person) => person.email),
      ),
    );
  return new Map(rows.map((row) => [row.email, row.id]));
}

function idOf(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Seed: no row for ${key}`);
  return id;
}

async function insertProfiles(
  tx: Transaction,
  people: SeedUser[],
  userIds: Map<string, string>,
  orgIds: Map<string, string>,
) {
  const orgMunicipality = new Map<string, string>(ORGANISATIONS.map((org) => [org.slug, org.municipality]));
  await tx
    .insert(profiles)
    .values(
      people.map(({ email, profile }) => ({
        userId: idOf(userIds, email),
        organisationId: profile.organisation ? idOf(orgIds, profile.organisation) : null,
        jobFunction: profile.jobFunction,
        municipality:
          profile.municipality ?? (profile.organisation ? orgMunicipality.get(profile.organisation) : null),
        topics: [...profile.topics],
        languages: [...profile.languages],
      })),
    )
    .onConflictDoNothing({ target: profiles.userId });
}

async function insertApplications(tx: Transaction, userIds: Map<string, string>, now: number) {
  const applicantIds = APPLICANTS.map((applicant) => idOf(userIds, applicant.email));
  await tx
    .insert(applications)
    .values(
      APPLICANTS.map((applicant, i) => ({
        userId: applicantIds[i]!,
        source: "signup" as const,
        status: "pending" as const,
        locale: applicant.locale,
        proposedOrganisation: applicant.proposedOrganisation,
        createdAt: new Date(now - applicant.hoursAgo * HOUR + 10 * 60 * 1000),
      })),
    )
    .onConflictDoNothing({ target: applications.userId });

  // consents has no unique key: add the record only where this policy version is not yet recorded
  const recorded = await tx
    .select({ userId: consents.userId })
    .from(consents)
    .where(
      and(
        inArray(consents.userId, applicantIds),
        eq(consents.kind, "privacy_policy"),
        eq(consents.policyVersion, PRIVACY_POLICY_VERSION),
      ),
    );
  const done = new Set(recorded.map((row) => row.userId));
  const missing = APPLICANTS.flatMap((applicant, i) => {
    const userId = applicantIds[i]!;
    if (done.has(userId)) return [];
    const acceptedAt = new Date(now - applicant.hoursAgo * HOUR);
    return [{ userId, kind: "privacy_policy" as const, policyVersion: PRIVACY_POLICY_VERSION, acceptedAt }];
  });
  if (missing.length > 0) await tx.insert(consents).values(missing);
}

async function insertSettings(tx: Transaction) {
  const texts = loadLegalTexts();
  const legal = (Object.keys(LEGAL_PAGES) as LegalPage[]).map((page) => ({
    key: `legal.${page}`,
    value: texts[page],
  }));
  await tx
    .insert(settings)
    .values([{ key: "privacy.policyVersion", value: PRIVACY_POLICY_VERSION }, ...legal])
    .onConflictDoNothing({ target: settings.key });
}

/** What every installation needs, demo or not: the privacy policy version and the default legal texts. */
export async function installDefaults(db: Database): Promise<void> {
  await db.transaction(insertSettings);
}

/**
 * Creates the demo network: organisations, approved members, the demo logins, two applications
 * waiting for approval, and the default legal texts. Idempotent: rows that exist are left as they are.
 */
export async function seedDemo(db: Database): Promise<DemoLogin[]> {
  const now = Date.now();
  const people = seedUsers(now);
  await db.transaction(async (tx) => {
    const orgIds = await insertOrganisations(tx, now);
    const userIds = await insertUsers(tx, people);
    await insertProfiles(tx, people, userIds, orgIds);
    await insertApplications(tx, userIds, now);
    await insertSettings(tx);
  });
  const login = (role: DemoLogin["role"]) =>
    DEMO_ACCOUNTS.find((account) => account.role === role)?.email ?? "";
  return [
    { role: "admin", email: login("admin") },
    { role: "coordinator", email: login("coordinator") },
    { role: "member", email: login("member") },
    { role: "applicant", email: APPLICANTS[0]?.email ?? "" },
  ];
}
