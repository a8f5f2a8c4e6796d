import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { foldName } from "@/db/folding";
import { applications, consents, organisations, profiles, type UserStatus, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { createUniqueSlug } from "@/lib/network/mutations";
import type { SignUp } from "./schema";

type ApplicationInput = {
  data: SignUp;
  /** The confirmed organisation the applicant works at; without it, `data.organisation` is proposed. */
  organisationId?: string;
  locale: Locale;
  policyVersion: string;
};

/** A sign-up's outcome: a new application, or the person who already has this address (nothing stored). */
export type ApplicationResult =
  | { userId: string; existing?: undefined }
  | { userId: string; existing: { status: UserStatus; name: string | null; locale: string } };

/**
 * Stores an application: the person (pending), their profile, the application and their consent.
 * An address that is already known stores nothing and returns its person, whatever their status: the
 * caller tells only the address's owner (by mail), never the form.
 */
export async function createApplication(input: ApplicationInput): Promise<ApplicationResult> {
  try {
    return await insertApplication(input);
  } catch (error) {
    // The same address sent twice at once: the second finds the first.
    if (!isUniqueViolation(error)) throw error;
    return insertApplication(input);
  }
}

async function insertApplication(input: ApplicationInput): Promise<ApplicationResult> {
  const { data, organisationId } = input;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id, status: users.status, name: users.name, locale: users.locale })
      .from(users)
      .where(eq(users.email, data.email))
      .limit(1);
    if (existing) {
      const { id, ...person } = existing;
      return { userId: id, existing: person };
    }

    const [user] = await tx
      .insert(users)
      .values({ name: data.name, email: data.email, locale: input.locale, status: "pending" })
      .returning({ id: users.id });
    const userId = user!.id;

    const [org] = organisationId
      ? await tx
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(and(eq(organisations.id, organisationId), eq(organisations.status, "active")))
          .limit(1)
      : await tx
          .insert(organisations)
          .values({
            name: data.organisation,
            slug: await createUniqueSlug(tx, data.organisation),
            municipality: data.municipality,
            status: "proposed",
            proposedById: userId,
          })
          .returning({ id: organisations.id, name: organisations.name });
    if (!org) throw new AppError({ code: "invalid", message: "invalidChoice", field: "organisation" });

    await tx.insert(profiles).values({
      userId,
      organisationId: org.id,
      jobFunction: data.jobFunction,
      municipality: data.municipality,
      topics: data.topics,
      languages: data.languages,
      nameFolded: foldName(data.name),
      searchText: data.name,
      organisationNames: org.name,
    });
    await tx.insert(applications).values({
      userId,
      source: "signup",
      locale: input.locale,
      proposedOrganisation: organisationId ? null : data.organisation,
    });
    await tx.insert(consents).values({ userId, kind: "privacy_policy", policyVersion: input.policyVersion });
    return { userId };
  });
}
