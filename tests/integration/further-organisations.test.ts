import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { profiles } from "@/db/schema";
import { getProfile, searchDirectory } from "@/lib/members/data";
import { viewerLevel } from "@/lib/members/visibility";
import {
  getOrganisationBySlug,
  listOrganisationChoices,
  listOrganisations,
  organisationIdsForChoices,
} from "@/lib/organisations/data";
import { updateOrganisation } from "@/lib/organisations/mutations";
import { UpdateOrganisation } from "@/lib/organisations/schema";
import { getOwnProfile } from "@/lib/profile/data";
import { updateProfile } from "@/lib/profile/mutations";
import { ProfileInput, VISIBILITY_FIELDS } from "@/lib/profile/schema";
import { createMember, createOrganisation, createUser } from "../support/factories";

const PUBLIC = "0";
const HIDDEN = "2";

/** The profile form as a member sends it, with their further organisations and organisation visibility. */
const profileForm = (name: string, furtherOrganisations: string[], visOrganisation = PUBLIC) =>
  ProfileInput.parse({
    name,
    jobFunction: "Beraterin",
    municipality: "",
    topics: [],
    languages: [],
    furtherOrganisations: [...furtherOrganisations, "", ""].slice(0, 3),
    bio: "",
    contactEmail: "",
    phone: "",
    website: "",
    ...Object.fromEntries(VISIBILITY_FIELDS.map((field) => [field, "0"])),
    visOrganisation,
  });

const uniqueName = (first: string) => `${first} ${crypto.randomUUID().slice(0, 8)}`;

async function memberOf(mainOrganisationId: string) {
  const name = uniqueName("Rana");
  const member = await createMember({ name, profile: { organisationId: mainOrganisationId } });
  return { member, name };
}

describe("further organisations", () => {
  it("a member listed at further organisations appears on their pages, in their counts and in the directory", async () => {
    const main = await createOrganisation({ type: "public_authority" });
    const club = await createOrganisation({
      type: "migrant_organisation",
      name: uniqueName("Brückenverein"),
    });
    const school = await createOrganisation({ type: "education_provider" });
    const { member, name } = await memberOf(main.id);

    await updateProfile({ userId: member.id, data: profileForm(name, [club.id, school.id]) });

    expect((await getOwnProfile({ userId: member.id }))?.furtherOrganisations).toEqual([club.id, school.id]);
    const visitorView = await getProfile({ userId: member.id, level: 0 });
    expect(visitorView?.organisations.map((o) => o.name)).toEqual([main.name, club.name, school.name]);
    const clubPage = await getOrganisationBySlug({ slug: club.slug, level: 0 });
    expect(clubPage?.members.map((m) => m.id)).toEqual([member.id]);
    expect(clubPage?.memberCount).toBe(1);
    const { organisations } = await listOrganisations({ q: club.name, level: 0 });
    expect(organisations.find((o) => o.id === club.id)?.memberCount).toBe(1);

    // Found by the further organisation's type and by its name, though the main one is an authority.
    const byType = await searchDirectory({ level: 0, q: name, organisationType: "migrant_organisation" });
    expect(byType.members.map((m) => m.id)).toEqual([member.id]);
    const byName = await searchDirectory({ level: 0, q: club.name.split(" ")[1] });
    expect(byName.members.map((m) => m.id)).toEqual([member.id]);
  });

  it("hiding the organisations hides the further ones too, from profile, organisation page and filters", async () => {
    const main = await createOrganisation();
    const club = await createOrganisation({ type: "welfare_association" });
    const { member, name } = await memberOf(main.id);
    await updateProfile({ userId: member.id, data: profileForm(name, [club.id], HIDDEN) });
    const coordinator = await createUser({ role: "coordinator" });

    for (const level of [0, viewerLevel(coordinator, member.id)] as const) {
      expect((await getProfile({ userId: member.id, level }))?.organisations).toEqual([]);
      expect((await getOrganisationBySlug({ slug: club.slug, level }))?.members).toEqual([]);
      const filtered = await searchDirectory({ level, q: name, organisationType: "welfare_association" });
      expect(filtered.members).toEqual([]);
    }
    const own = await getProfile({ userId: member.id, level: viewerLevel(member, member.id) });
    expect(own?.organisations.map((o) => o.name)).toEqual([main.name, club.name]);
  });

  it("refuses a proposed, unknown or main organisation beside the field, and keeps what was stored", async () => {
    const main = await createOrganisation();
    const club = await createOrganisation();
    const proposed = await createOrganisation({ status: "proposed" });
    const { member, name } = await memberOf(main.id);
    await updateProfile({ userId: member.id, data: profileForm(name, [club.id]) });

    for (const wrong of [proposed.id, "no-such-organisation"]) {
      await expect(
        updateProfile({ userId: member.id, data: profileForm(name, [wrong]) }),
      ).rejects.toMatchObject({
        field: "furtherOrganisations",
        message: "invalidChoice",
      });
    }
    // The main one again: the message stands beside the field it was named in.
    await expect(
      updateProfile({ userId: member.id, data: profileForm(name, ["", main.id]) }),
    ).rejects.toMatchObject({ field: "furtherOrganisations-1", message: "furtherIsMain" });
    expect((await getOwnProfile({ userId: member.id }))?.furtherOrganisations).toEqual([club.id]);
    expect(
      ProfileInput.safeParse({ ...profileForm(name, []), furtherOrganisations: ["a", "b", "c", "d"] })
        .success,
    ).toBe(false);
    // The same organisation chosen twice is kept once.
    await updateProfile({ userId: member.id, data: profileForm(name, [club.id, "", club.id]) });
    expect((await getOwnProfile({ userId: member.id }))?.furtherOrganisations).toEqual([club.id]);
  });

  it("organisations are typed by name: any case, and with the short name where several share one", async () => {
    const unique = uniqueName("Brückenbauer");
    const shared = uniqueName("Caritas");
    const club = await createOrganisation({ name: unique });
    const [first, second] = [
      await createOrganisation({ name: shared }),
      await createOrganisation({ name: shared }),
    ];
    const proposed = await createOrganisation({ name: uniqueName("Vorgeschlagen"), status: "proposed" });

    const choices = await listOrganisationChoices();
    expect(choices.find((c) => c.id === club.id)?.label).toBe(unique);
    expect(choices.find((c) => c.id === first.id)?.label).toBe(`${shared} (${first.slug})`);
    expect(choices.find((c) => c.id === second.id)?.label).toBe(`${shared} (${second.slug})`);
    expect(choices.some((c) => c.id === proposed.id)).toBe(false);

    expect(
      await organisationIdsForChoices([` ${unique.toUpperCase()} `, "", `${shared} (${second.slug})`]),
    ).toEqual({ ids: [club.id, "", second.id] });
    expect(await organisationIdsForChoices(["", "", ""])).toEqual({ ids: ["", "", ""] });
    // A name several share, a proposed organisation and a typo: the first such slot is named.
    expect(await organisationIdsForChoices([unique, shared])).toEqual({ unknownSlot: 1 });
    expect(await organisationIdsForChoices(["", proposed.name, unique])).toEqual({
      unknownSlot: 1,
    });
    expect(await organisationIdsForChoices([`${unique}x`])).toEqual({ unknownSlot: 0 });
  });

  it("renaming a further organisation updates its members' search text", async () => {
    const actor = await createUser({ role: "coordinator" });
    const main = await createOrganisation();
    const club = await createOrganisation({ type: "association" });
    const { member, name } = await memberOf(main.id);
    await updateProfile({ userId: member.id, data: profileForm(name, [club.id]) });
    const renamed = uniqueName("Nachbarschaftshilfe");

    await updateOrganisation({
      actorId: actor.id,
      data: UpdateOrganisation.parse({ organisationId: club.id, name: renamed, type: "association" }),
    });

    const db = await getDb();
    const [row] = await db
      .select({ organisationNames: profiles.organisationNames })
      .from(profiles)
      .where(eq(profiles.userId, member.id));
    expect(row?.organisationNames).toBe(`${main.name} ${renamed}`);
  });
});
