import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { applications, consents, organisations, profiles, type UserStatus, users } from "@/db/schema";
import { foldName } from "@/db/search-fields";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { createUniqueSlug } from "@/lib/network/mutations";
import { NEW_ORGANISATION } from "./constants";
import type { SignUp } from "./schema";

type ApplicationInput = { data: SignUp; locale: Locale; policyVersion: string };

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
  const { data } = input;
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

    let organisationId: string | null = null;
    let organisationName: string | null = null;
    if (data.organisationId === NEW_ORGANISATION) {
      const [created] = await tx
        .insert(organisations)
        .values({
          name: data.proposedOrganisation!,
          slug: await createUniqueSlug(tx, data.proposedOrganisation!),
          municipality: data.municipality,
          status: "proposed",
          proposedById: userId,
        })
        .returning({ id: organisations.id });
      organisationId = created!.id;
      organisationName = data.proposedOrganisation!;
    } else {
      const [org] = await tx
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, data.organisationId))
        .limit(1);
      if (!org) throw new AppError({ code: "invalid", message: "invalidChoice", field: "organisationId" });
      organisationId = org.id;
      organisationName = org.name;
    }

    await tx.insert(profiles).values({
      userId,
      organisationId,
      jobFunction: data.jobFunction,
      municipality: data.municipality,
      topics: data.topics,
      languages: data.languages,
      nameFolded: foldName(data.name),
      searchText: data.name,
      organisationNames: organisationName ?? "",
    });
    await tx.insert(applications).values({
      userId,
      source: "signup",
      locale: input.locale,
      proposedOrganisation: data.organisationId === NEW_ORGANISATION ? data.proposedOrganisation : null,
    });
    await tx.insert(consents).values({ userId, kind: "privacy_policy", policyVersion: input.policyVersion });
    return { userId };
  });
}
