import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applications, consents, organisations, profiles, users } from "@/db/schema";
import { toFieldErrors } from "@/lib/forms/schema";
import { createApplication } from "@/lib/signup/mutations";
import { SignUp } from "@/lib/signup/schema";
import { createOrganisation, signUpInput, uniqueEmail } from "../support/factories";

const POLICY = "2026-11-01";

/** The per-field message keys the sign-up form would show for these raw form values. */
function fieldErrors(raw: Record<string, unknown>) {
  const parsed = SignUp.safeParse(raw);
  expect(parsed.success).toBe(false);
  return toFieldErrors(parsed.error!);
}

const validForm = () => ({
  name: "Olena Kovalenko",
  email: "olena@example.org",
  organisation: "Ukrainischer Verein Zeitz",
  jobFunction: "Sozialarbeiterin",
  municipality: "Zeitz",
  topics: ["language"],
  languages: ["uk"],
  privacyConsent: "on",
});

describe("createApplication", () => {
  it("stores a pending person with profile, application and the consent they gave", async () => {
    const organisation = await createOrganisation();
    const data = signUpInput({ organisation: organisation.name });
    const before = Date.now();
    const { userId } = await createApplication({
      data,
      organisationId: organisation.id,
      locale: "uk",
      policyVersion: POLICY,
    });

    const db = await getDb();
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ email: data.email, name: data.name, status: "pending", locale: "uk" });
    expect(user!.emailVerified).toBeNull();
    expect(user!.approvedAt).toBeNull();

    const [profile] = await db.select().from(profiles).where(eq(profiles.userId, userId));
    expect(profile).toMatchObject({
      organisationId: organisation.id,
      jobFunction: data.jobFunction,
      municipality: "Zeitz",
      topics: ["language", "work"],
      languages: ["uk", "de"],
    });

    const [application] = await db.select().from(applications).where(eq(applications.userId, userId));
    expect(application).toMatchObject({
      source: "signup",
      status: "pending",
      locale: "uk",
      proposedOrganisation: null,
    });

    const given = await db.select().from(consents).where(eq(consents.userId, userId));
    expect(given).toHaveLength(1);
    expect(given[0]).toMatchObject({ kind: "privacy_policy", policyVersion: POLICY });
    expect(given[0]!.acceptedAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(given[0]!.acceptedAt.getTime()).toBeLessThanOrEqual(Date.now() + 5_000);
  });

  it("creates a proposed organisation the coordinators still have to confirm", async () => {
    const name = `Deutsch-Syrischer Kulturverein ${crypto.randomUUID().slice(0, 6)}`;
    const data = signUpInput({ organisation: name });
    const { userId } = await createApplication({ data, locale: "ar", policyVersion: POLICY });

    const db = await getDb();
    const [organisation] = await db.select().from(organisations).where(eq(organisations.name, name));
    expect(organisation).toMatchObject({ status: "proposed", proposedById: userId, municipality: "Zeitz" });
    expect(organisation!.slug).toMatch(/^deutsch-syrischer-kulturverein-/);
    const [profile] = await db.select().from(profiles).where(eq(profiles.userId, userId));
    expect(profile!.organisationId).toBe(organisation!.id);
    const [application] = await db.select().from(applications).where(eq(applications.userId, userId));
    expect(application!.proposedOrganisation).toBe(name);
  });

  it("gives a second proposal with the same name its own address", async () => {
    const name = `Verein ${crypto.randomUUID().slice(0, 6)}`;
    await createApplication({
      data: signUpInput({ organisation: name }),
      locale: "de",
      policyVersion: POLICY,
    });
    await createApplication({
      data: signUpInput({ organisation: name }),
      locale: "de",
      policyVersion: POLICY,
    });
    const db = await getDb();
    const rows = await db.select().from(organisations).where(eq(organisations.name, name));
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.slug)).size).toBe(2);
  });

  it("stores nothing for an address that already applied, also typed with other case and spaces", async () => {
    const email = uniqueEmail();
    const first = await createApplication({
      data: signUpInput({ email }),
      locale: "uk",
      policyVersion: POLICY,
    });

    const again = signUpInput({ email: `  ${email.toUpperCase()} `, name: "Someone Else" });
    expect(again.email).toBe(email);
    // The caller gets the known person (to mail them), never a second account.
    expect(await createApplication({ data: again, locale: "de", policyVersion: POLICY })).toEqual({
      userId: first.userId,
      existing: { status: "pending", name: "Olena Kovalenko", locale: "uk" },
    });
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
    expect(await db.select().from(applications).where(eq(applications.userId, first.userId))).toHaveLength(1);
  });

  it("refuses an organisation that does not exist, or is not confirmed, and stores nothing", async () => {
    const proposal = await createOrganisation({ status: "proposed" });
    for (const organisationId of [crypto.randomUUID(), proposal.id]) {
      const data = signUpInput();
      await expect(
        createApplication({ data, organisationId, locale: "de", policyVersion: POLICY }),
      ).rejects.toMatchObject({ field: "organisation", message: "invalidChoice" });
      const db = await getDb();
      // The transaction rolled back: the person can correct the form and send it again.
      expect(await db.select().from(users).where(eq(users.email, data.email))).toHaveLength(0);
    }
  });
});

describe("SignUp schema", () => {
  it("accepts a complete form and normalises the address", () => {
    const parsed = SignUp.parse({ ...validForm(), email: " Olena@Example.ORG " });
    expect(parsed.email).toBe("olena@example.org");
  });

  it("names every missing field of an empty form", () => {
    const errors = fieldErrors({
      name: "",
      email: "",
      organisation: "",
      jobFunction: "",
      municipality: "",
      topics: [],
      languages: [],
    });
    expect(Object.fromEntries(Object.entries(errors).map(([field, e]) => [field, e.key]))).toEqual({
      name: "required",
      email: "required",
      organisation: "required",
      jobFunction: "required",
      municipality: "invalidChoice",
      topics: "chooseAtLeastOne",
      languages: "chooseAtLeastOne",
      privacyConsent: "consentRequired",
    });
  });

  it("names the limit of an over-long name", () => {
    expect(fieldErrors({ ...validForm(), name: "a".repeat(101) }).name).toEqual({
      key: "tooLong",
      values: { max: 100 },
    });
    expect(SignUp.safeParse({ ...validForm(), name: "a".repeat(100) }).success).toBe(true);
  });

  it("asks for at least two characters in a name", () => {
    expect(fieldErrors({ ...validForm(), name: "A" }).name).toEqual({ key: "tooShort", values: { min: 2 } });
  });

  it("refuses control characters", () => {
    expect(fieldErrors({ ...validForm(), name: "Olena\u0000Kovalenko" }).name?.key).toBe("invalidCharacters");
    expect(fieldErrors({ ...validForm(), jobFunction: "Beratung\u0007" }).jobFunction?.key).toBe(
      "invalidCharacters",
    );
  });

  it("refuses an invalid e-mail address", () => {
    for (const email of ["olena", "olena@", "olena@example", "ole na@example.org"]) {
      expect(fieldErrors({ ...validForm(), email }).email?.key).toBe("invalidEmail");
    }
  });

  it("names the limits of an organisation's name", () => {
    expect(fieldErrors({ ...validForm(), organisation: "a".repeat(151) }).organisation).toEqual({
      key: "tooLong",
      values: { max: 150 },
    });
    expect(fieldErrors({ ...validForm(), organisation: " V " }).organisation).toEqual({
      key: "tooShort",
      values: { min: 2 },
    });
  });

  it("refuses choices that are not on the lists", () => {
    const errors = fieldErrors({ ...validForm(), municipality: "Berlin", topics: ["work", "hacking"] });
    expect(errors.municipality?.key).toBe("invalidChoice");
    expect(errors.topics?.key).toBe("invalidChoice");
  });
});
