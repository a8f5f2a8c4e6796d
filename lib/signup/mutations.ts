import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, consents, organisations, profiles, users } from "@/db/schema";
import { foldName } from "@/db/search-fields";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { createUniqueSlug } from "@/lib/network/mutations";
import { NEW_ORGANISATION, type SignUp } from "./schema";

/** Stores an application: the person (pending), their profile, the application and their consent. */
export async function createApplication(input: {
  data: SignUp;
  locale: Locale;
  policyVersion: string;
}): Promise<{ userId: string }> {
  const { data } = input;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, data.email))
      .limit(1);
    if (existing) throw new AppError({ code: "conflict", message: "emailTaken", field: "email" });

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
