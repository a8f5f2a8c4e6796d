// Rows for integration tests. Every row is unique, so tests can share one PostgreSQL database.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { foldName } from "@/db/folding";
import {
  applications,
  type NewProfile,
  type OrganisationType,
  organisations,
  profiles,
  type Role,
  sessions,
  type UserStatus,
  users,
  type Visibility,
} from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { VISIBILITY_FIELDS } from "@/lib/profile/schema";
import { createApplication } from "@/lib/signup/mutations";
import { SignUp } from "@/lib/signup/schema";

const uid = () => crypto.randomUUID();

export const uniqueEmail = (): string => `${uid()}@test.example`;

export async function createUser(
  input: {
    status?: UserStatus;
    role?: Role;
    emailVerified?: Date | null;
    locale?: Locale;
    name?: string;
    email?: string;
  } = {},
) {
  const db = await getDb();
  const status = input.status ?? "approved";
  const [user] = await db
    .insert(users)
    .values({
      name: input.name ?? "Testperson",
      email: input.email ?? uniqueEmail(),
      status,
      role: input.role ?? "member",
      locale: input.locale ?? "de",
      emailVerified: input.emailVerified === undefined ? new Date() : input.emailVerified,
      approvedAt: status === "approved" ? new Date() : null,
    })
    .returning();
  return user!;
}

/** A signed-in browser: the session row Auth.js would write; returns its cookie value. */
export async function createSession(userId: string, options: { expires?: Date } = {}): Promise<string> {
  const db = await getDb();
  const sessionToken = uid();
  await db.insert(sessions).values({
    sessionToken,
    userId,
    expires: options.expires ?? new Date(Date.now() + 24 * 60 * 60 * 1000),
  });
  return sessionToken;
}

export async function createOrganisation(
  input: { name?: string; status?: "active" | "proposed"; type?: OrganisationType } = {},
) {
  const db = await getDb();
  const id = uid();
  const [organisation] = await db
    .insert(organisations)
    .values({
      name: input.name ?? `Testverein ${id.slice(0, 8)}`,
      slug: `test-${id}`,
      municipality: "Zeitz",
      status: input.status ?? "active",
      type: input.type ?? "other",
    })
    .returning();
  return organisation!;
}

type ProfileVisibility = Partial<
  Record<
    | "name"
    | "photo"
    | "jobFunction"
    | "organisation"
    | "municipality"
    | "topics"
    | "languages"
    | "bio"
    | "contact",
    Visibility
  >
>;

/** A user with a profile, search columns filled the way the mutations fill them; visibility per field. */
export async function createMember(
  input: Parameters<typeof createUser>[0] & {
    profile?: Omit<NewProfile, "userId" | "nameFolded" | "searchText" | "organisationNames">;
    visibility?: ProfileVisibility;
  } = {},
) {
  const { profile = {}, visibility = {}, ...userInput } = input;
  const user = await createUser(userInput);
  const db = await getDb();
  const [organisation] = profile.organisationId
    ? await db.select().from(organisations).where(eq(organisations.id, profile.organisationId))
    : [];
  await db.insert(profiles).values({
    ...profile,
    userId: user.id,
    nameFolded: foldName(user.name ?? ""),
    searchText: user.name ?? "",
    organisationNames: organisation?.name ?? "",
    visName: visibility.name,
    visPhoto: visibility.photo,
    visJobFunction: visibility.jobFunction,
    visOrganisation: visibility.organisation,
    visMunicipality: visibility.municipality,
    visTopics: visibility.topics,
    visLanguages: visibility.languages,
    visBio: visibility.bio,
    visContact: visibility.contact,
  });
  return user;
}

/** A valid, parsed sign-up form; without an organisation it proposes a new one. */
export function signUpInput(overrides: Record<string, unknown> = {}): SignUp {
  return SignUp.parse({
    name: "Olena Kovalenko",
    email: uniqueEmail(),
    organisation: `Initiative ${uid().slice(0, 8)}`,
    jobFunction: "Sozialarbeiterin",
    municipality: "Zeitz",
    topics: ["language", "work"],
    languages: ["uk", "de"],
    privacyConsent: "on",
    ...overrides,
  });
}

/**
 * Someone who signed up; `confirmed` (the default): they clicked the link in the confirmation mail,
 * so they wait in the coordinators' queue.
 */
export async function createApplicant(options: { confirmed?: boolean; locale?: Locale } = {}) {
  const data = signUpInput();
  const { userId } = await createApplication({
    data,
    locale: options.locale ?? "de",
    policyVersion: "2026-11-01",
  });
  const db = await getDb();
  if (options.confirmed ?? true)
    await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, userId));
  const [application] = await db.select().from(applications).where(eq(applications.userId, userId));
  return { userId, email: data.email, name: data.name, applicationId: application!.id };
}

/** The sign-up form as the browser sends it (topics and languages as repeated fields); overrides per test. */
export function signUpFormData(overrides: Record<string, string> = {}): FormData {
  const form = new FormData();
  const fields = {
    name: "Olena Kovalenko",
    email: uniqueEmail(),
    organisation: `Initiative ${uid().slice(0, 8)}`,
    jobFunction: "Sozialarbeiterin",
    municipality: "Zeitz",
    privacyConsent: "on",
    ...overrides,
  };
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.append("topics", "language");
  form.append("languages", "uk");
  return form;
}

/** What the profile form sends with only the name filled in and every field at one visibility; overrides per test. */
export const profileForm = (
  name: string | null,
  visibility: string,
  overrides: Record<string, unknown> = {},
) => ({
  name,
  jobFunction: "",
  municipality: "",
  topics: [],
  languages: [],
  furtherOrganisations: [],
  bio: "",
  contactEmail: "",
  phone: "",
  website: "",
  ...Object.fromEntries(VISIBILITY_FIELDS.map((field) => [field, visibility])),
  ...overrides,
});
