import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { slugify } from "@/lib/network/utils";
import type { Database, Transaction } from "./client";
import { foldName } from "./folding";
import {
  applications,
  consents,
  organisationAdmins,
  organisations,
  profileOrganisations,
  profiles,
  type Role,
  settings,
  users,
} from "./schema";
import { syncSearchColumns } from "./search-fields";
import { insertCampaigns } from "./seed-data/campaigns";
import { insertEvents } from "./seed-data/events";
import { insertFaq } from "./seed-data/faq";
import { insertForum } from "./seed-data/forum";
import { LEGAL_PAGES, type LegalPage, loadLegalTexts, PRIVACY_POLICY_VERSION } from "./seed-data/legal";
import { insertMessages } from "./seed-data/messages";
import {
  APPLICANTS,
  DEMO_ACCOUNTS,
  FURTHER_ORGANISATIONS,
  MEMBERS,
  ORGANISATIONS,
  type OrganisationSlug,
  type SeedMember,
} from "./seed-data/network";
import { insertOffers } from "./seed-data/offers";
import { ORGANISATION_DETAILS, ORGANISATION_FIELDS } from "./seed-data/organisation-details";
import { profileDetailsFor } from "./seed-data/profile-details";

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

/** Organisations get their admin when they get their details; later changes to admins are left alone. */
async function insertOrganisations(tx: Transaction, userIds: Map<string, string>, now: number) {
  const rows = ORGANISATIONS.map((org, i) => {
    const { admin: _admin, ...details } = ORGANISATION_DETAILS[org.slug];
    const createdAt = new Date(now - (365 - i) * DAY);
    const website = `https://www.example.org/${org.slug}`;
    return { ...org, ...details, website, status: "active" as const, createdAt, updatedAt: createdAt };
  });
  // Rows from a seed that predates the details get them, as long as nobody has entered any.
  const fresh = await tx
    .insert(organisations)
    .values(rows)
    .onConflictDoUpdate({
      target: organisations.slug,
      set: fromExcluded(organisations, ORGANISATION_FIELDS),
      setWhere: allNull(ORGANISATION_FIELDS.map((key) => organisations[key])),
    })
    .returning({ id: organisations.id });
  const slugs = ORGANISATIONS.map((org) => org.slug);
  const stored = await tx
    .select({ id: organisations.id, slug: organisations.slug })
    .from(organisations)
    .where(inArray(organisations.slug, slugs));
  const ids = new Map(stored.map((row) => [row.slug, row.id]));
  const admins = ORGANISATIONS.map((org) => ({
    organisationId: idOf(ids, org.slug),
    userId: idOf(userIds, ORGANISATION_DETAILS[org.slug].admin),
  })).filter((admin) => fresh.some((row) => row.id === admin.organisationId));
  if (admins.length > 0) await tx.insert(organisationAdmins).values(admins).onConflictDoNothing();
  return ids;
}

async function insertUsers(tx: Transaction, people: SeedUser[]): Promise<Map<string, string>> {
  await tx
    .insert(users)
    .values(people.map(({ profile: _profile, ...user }) => user))
    .onConflictDoNothing({ target: users.email });
  const emails = people.map((person) => person.email);
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  return new Map(rows.map((row) => [row.email, row.id]));
}

const PROFILE_FIELDS = ["bio", "contactEmail", "phone", "website"] as const;
const allNull = (columns: AnyPgColumn[]) => and(...columns.map((column) => isNull(column)));
/** `set` for an upsert that takes these columns from the row that was to be inserted. */
const fromExcluded = <K extends string>(table: Record<K, AnyPgColumn>, keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, sql.raw(`excluded."${table[key].name}"`)]));

function idOf(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Seed: no row for ${key}`);
  return id;
}

/**
 * The organisations applicants proposed at sign-up, waiting for confirmation as sign-up leaves them;
 * returns their ids by the proposer's e-mail. Only for applicants without a profile yet, so a proposal
 * a coordinator has since rejected stays rejected.
 */
async function insertProposedOrganisations(tx: Transaction, userIds: Map<string, string>, now: number) {
  const proposers = APPLICANTS.filter((applicant) => applicant.proposedOrganisation);
  const profiled = await tx
    .select({ userId: profiles.userId })
    .from(profiles)
    .where(
      inArray(
        profiles.userId,
        proposers.map((applicant) => idOf(userIds, applicant.email)),
      ),
    );
  const ids = new Map<string, string>();
  for (const applicant of proposers) {
    const userId = idOf(userIds, applicant.email);
    if (profiled.some((row) => row.userId === userId)) continue;
    const name = applicant.proposedOrganisation!;
    const createdAt = new Date(now - applicant.hoursAgo * HOUR);
    await tx
      .insert(organisations)
      .values({
        name,
        slug: slugify(name),
        municipality: applicant.municipality,
        status: "proposed",
        proposedById: userId,
        createdAt,
        updatedAt: createdAt,
      })
      .onConflictDoNothing({ target: organisations.slug });
    const [row] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, slugify(name)));
    ids.set(applicant.email, row!.id);
  }
  return ids;
}

async function insertProfiles(
  tx: Transaction,
  people: SeedUser[],
  userIds: Map<string, string>,
  orgIds: Map<string, string>,
  proposedIds: Map<string, string>,
) {
  const orgMunicipality = new Map<string, string>(ORGANISATIONS.map((org) => [org.slug, org.municipality]));
  const rows = people.map(({ email, name, profile }) => {
    const details = profileDetailsFor(name);
    return {
      userId: idOf(userIds, email),
      organisationId: profile.organisation
        ? idOf(orgIds, profile.organisation)
        : (proposedIds.get(email) ?? null),
      jobFunction: profile.jobFunction,
      municipality:
        profile.municipality ?? (profile.organisation ? orgMunicipality.get(profile.organisation) : null),
      topics: [...profile.topics],
      languages: [...profile.languages],
      ...details,
      nameFolded: foldName(name),
    };
  });
  // Profiles from a seed that predates bios get them while all four are empty; visibility is left
  // as it is, so no field becomes more visible than it was.
  await tx
    .insert(profiles)
    .values(rows)
    .onConflictDoUpdate({
      target: profiles.userId,
      set: fromExcluded(profiles, PROFILE_FIELDS),
      setWhere: allNull(PROFILE_FIELDS.map((key) => profiles[key])),
    });
  const further = people.flatMap(({ email, name }) =>
    (FURTHER_ORGANISATIONS[name] ?? []).map((slug, position) => ({
      userId: idOf(userIds, email),
      organisationId: idOf(orgIds, slug),
      position,
    })),
  );
  if (further.length > 0) await tx.insert(profileOrganisations).values(further).onConflictDoNothing();
  await syncSearchColumns(
    tx,
    rows.map((row) => row.userId),
  );
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
 * Creates the demo network: organisations with their admins, approved members with profiles, the demo
 * logins, the organisations' offers, two applications waiting for approval, and the default legal
 * texts. Idempotent: rows that exist are left as they are, except that empty details are filled and search columns kept derived.
 */
export async function seedDemo(db: Database): Promise<DemoLogin[]> {
  const now = Date.now();
  const people = seedUsers(now);
  await db.transaction(async (tx) => {
    const userIds = await insertUsers(tx, people);
    const orgIds = await insertOrganisations(tx, userIds, now);
    const proposedIds = await insertProposedOrganisations(tx, userIds, now);
    await insertProfiles(tx, people, userIds, orgIds, proposedIds);
    await insertOffers(tx, orgIds);
    await insertApplications(tx, userIds, now);
    await insertSettings(tx);
    await insertFaq(tx);
    await insertEvents(tx, now);
    await insertForum(tx, now);
    await insertMessages(tx, now);
    await insertCampaigns(tx, now);
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
