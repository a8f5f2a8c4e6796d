// Organisations' people for integration tests: unique rows, so tests can share one database.
import { getDb } from "@/db/client";
import { foldName } from "@/db/folding";
import { profiles, type Visibility } from "@/db/schema";
import { createUser } from "./factories";

/** An approved member working at the organisation, with per-field visibility. */
export async function addMember(
  organisationId: string,
  input: {
    name?: string;
    role?: "member" | "coordinator";
    languages?: string[];
    topics?: string[];
    jobFunction?: string;
    bio?: string;
    vis?: Partial<
      Record<"visName" | "visOrganisation" | "visLanguages" | "visTopics" | "visJobFunction", Visibility>
    >;
  } = {},
) {
  const name = input.name ?? `Person ${crypto.randomUUID().slice(0, 6)}`;
  const user = await createUser({ name, role: input.role });
  const db = await getDb();
  await db.insert(profiles).values({
    userId: user.id,
    organisationId,
    jobFunction: input.jobFunction ?? "Beraterin",
    bio: input.bio ?? null,
    languages: input.languages ?? ["de"],
    topics: input.topics ?? ["work"],
    nameFolded: foldName(name),
    ...input.vis,
  });
  return user;
}
