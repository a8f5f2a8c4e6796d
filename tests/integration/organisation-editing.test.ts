import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, organisationAdmins, organisations, profileOrganisations, profiles } from "@/db/schema";
import { toEventViewer } from "@/lib/events/access";
import { listOrganisers } from "@/lib/events/editor-data";
import { IDLE } from "@/lib/forms/state";
import { updateOrganisationAction } from "@/lib/organisations/actions";
import { isOrganisationAdmin, mayEditOrganisation } from "@/lib/organisations/data";
import { setOrganisationAdmin, updateOrganisation } from "@/lib/organisations/mutations";
import { UpdateOrganisation } from "@/lib/organisations/schema";
import { isNotFound, redirectTarget } from "../support/actions";
import { createOrganisation, createSession, createUser } from "../support/factories";
import { signInWith } from "../support/next-headers";
import { addMember } from "../support/organisation-factories";

function organisationForm(organisationId: string, overrides: Record<string, string> = {}) {
  const form = new FormData();
  const fields = {
    organisationId,
    name: "Neuer Name e. V.",
    type: "association",
    description: "",
    ...overrides,
  };
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

/** Runs the edit action as this person; resolves to "saved", "notFound" or the returned state. */
async function submitEdit(token: string | undefined, form: FormData) {
  signInWith(token);
  try {
    return await updateOrganisationAction(IDLE, form);
  } catch (error) {
    if (redirectTarget(error) !== null) return "saved";
    if (isNotFound(error)) return "notFound";
    throw error;
  } finally {
    signInWith(undefined);
  }
}

describe("updateOrganisation", () => {
  it("renames the organisation and its members' search text, audited for coordinators", async () => {
    const org = await createOrganisation({ name: "Alter Name e. V." });
    const member = await addMember(org.id, {
      name: "Paula Suche",
      jobFunction: "Lotsin",
      bio: "Hilft gern.",
    });
    const coordinator = await createUser({ role: "coordinator" });
    const data = UpdateOrganisation.parse(
      Object.fromEntries(organisationForm(org.id, { name: "Brücken e. V.", postcode: "06712" })),
    );
    await updateOrganisation({ actorId: coordinator.id, data });

    const db = await getDb();
    const [profile] = await db.select().from(profiles).where(eq(profiles.userId, member.id));
    expect(profile).toMatchObject({ searchText: "Paula Suche", organisationNames: "Brücken e. V." });
    const [stored] = await db.select().from(organisations).where(eq(organisations.id, org.id));
    expect(stored).toMatchObject({
      name: "Brücken e. V.",
      slug: org.slug,
      postcode: "06712",
      type: "association",
    });
    expect(stored!.updatedAt.getTime()).toBeGreaterThan(org.updatedAt.getTime());
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, org.id), eq(auditLog.action, "organisation.updated")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: coordinator.id, data: { previousName: "Alter Name e. V." } });
  });

  it("gives a message key beside each invalid field", () => {
    const result = UpdateOrganisation.safeParse({
      organisationId: "o1",
      name: "X",
      type: "castle",
      description: "a".repeat(4001),
      postcode: "1234",
      municipality: "Berlin",
      phone: "call me",
      email: "nobody",
      website: "javascript:alert(1)",
    });
    expect(result.success).toBe(false);
    const keys = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(keys).toEqual({
      name: "tooShort",
      type: "invalidChoice",
      description: "tooLong",
      postcode: "invalidPostcode",
      municipality: "invalidChoice",
      phone: "invalidPhone",
      email: "invalidEmail",
      website: "invalidUrl",
    });
  });

  it("leaves optional fields empty, reads a bare domain as https and takes an area code in brackets", () => {
    const data = UpdateOrganisation.parse({
      organisationId: "o1",
      name: "Verein",
      type: "other",
      postcode: " ",
      phone: "(03445) 123456",
      website: "www.beispiel.de",
    });
    expect(data.postcode).toBeUndefined();
    expect(data.phone).toBe("(03445) 123456");
    expect(data.website).toBe("https://www.beispiel.de");
  });
});

describe("who may edit an organisation", () => {
  it("lets coordinators and this organisation's admins edit; others find nothing", async () => {
    const org = await createOrganisation();
    const other = await createOrganisation();
    const coordinator = await createUser({ role: "coordinator" });
    const orgAdmin = await addMember(org.id);
    const otherAdmin = await addMember(other.id);
    const plain = await addMember(org.id);
    await setOrganisationAdmin({
      actorId: coordinator.id,
      organisationId: org.id,
      userId: orgAdmin.id,
      isAdmin: true,
    });
    await setOrganisationAdmin({
      actorId: coordinator.id,
      organisationId: other.id,
      userId: otherAdmin.id,
      isAdmin: true,
    });
    expect(await isOrganisationAdmin({ userId: orgAdmin.id, organisationId: org.id })).toBe(true);
    expect(await isOrganisationAdmin({ userId: otherAdmin.id, organisationId: org.id })).toBe(false);

    const nameNow = async () => {
      const db = await getDb();
      return (await db.select().from(organisations).where(eq(organisations.id, org.id)))[0]!.name;
    };
    const before = await nameNow();
    for (const refused of [otherAdmin, plain]) {
      const form = organisationForm(org.id, { name: `Gekapert ${refused.id}` });
      expect(await submitEdit(await createSession(refused.id), form)).toBe("notFound");
    }
    expect(await submitEdit(undefined, organisationForm(org.id))).toBe("notFound");
    expect(await nameNow()).toBe(before);

    expect(
      await submitEdit(await createSession(orgAdmin.id), organisationForm(org.id, { name: "Von der Admin" })),
    ).toBe("saved");
    expect(await nameNow()).toBe("Von der Admin");
    expect(
      await submitEdit(
        await createSession(coordinator.id),
        organisationForm(org.id, { name: "Von der Koordination" }),
      ),
    ).toBe("saved");
    expect(await nameNow()).toBe("Von der Koordination");
    // an organisation admin's edit is not a coordinator action: only the coordinator's is audited
    const db = await getDb();
    const audit = await db
      .select({ actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, org.id), eq(auditLog.action, "organisation.updated")));
    expect(audit).toEqual([{ actorId: coordinator.id }]);
  });

  it("lets an admin of a further organisation edit it and run its events, until they leave it", async () => {
    const main = await createOrganisation();
    const further = await createOrganisation();
    const coordinator = await createUser({ role: "coordinator" });
    const member = await addMember(main.id);
    const db = await getDb();
    await db.insert(profileOrganisations).values({ userId: member.id, organisationId: further.id });
    await setOrganisationAdmin({
      actorId: coordinator.id,
      organisationId: further.id,
      userId: member.id,
      isAdmin: true,
    });
    const viewer = { ...member, status: "approved" };
    const organiserOptions = async () =>
      (await listOrganisers(toEventViewer(viewer)!, "")).options.map((o) => o.value);

    expect(await mayEditOrganisation({ viewer, organisationId: further.id })).toBe(true);
    expect(await organiserOptions()).toContain(`org:${further.id}`);
    const form = organisationForm(further.id, { name: "Vom Admin der weiteren" });
    expect(await submitEdit(await createSession(member.id), form)).toBe("saved");

    await db.delete(profileOrganisations).where(eq(profileOrganisations.userId, member.id));
    expect(await mayEditOrganisation({ viewer, organisationId: further.id })).toBe(false);
    expect(await organiserOptions()).toEqual(["self"]);
    expect(await submitEdit(await createSession(member.id), form)).toBe("notFound");
  });

  it("returns per-field errors with the values kept to someone allowed", async () => {
    const org = await createOrganisation();
    const coordinator = await createUser({ role: "coordinator" });
    const state = await submitEdit(
      await createSession(coordinator.id),
      organisationForm(org.id, { postcode: "abc", website: "ftp://x.de" }),
    );
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: { postcode: { key: "invalidPostcode" }, website: { key: "invalidUrl" } },
      values: { postcode: "abc", name: "Neuer Name e. V." },
    });
  });

  it("makes only approved members of that organisation its admins, and can take it back", async () => {
    const org = await createOrganisation();
    const coordinator = await createUser({ role: "coordinator" });
    const outsider = await addMember((await createOrganisation()).id);
    await expect(
      setOrganisationAdmin({
        actorId: coordinator.id,
        organisationId: org.id,
        userId: outsider.id,
        isAdmin: true,
      }),
    ).rejects.toMatchObject({ message: "notOrganisationMember", field: "email" });

    const member = await addMember(org.id);
    await setOrganisationAdmin({
      actorId: coordinator.id,
      organisationId: org.id,
      userId: member.id,
      isAdmin: true,
    });
    await setOrganisationAdmin({
      actorId: coordinator.id,
      organisationId: org.id,
      userId: member.id,
      isAdmin: false,
    });
    expect(await isOrganisationAdmin({ userId: member.id, organisationId: org.id })).toBe(false);
    const db = await getDb();
    expect(
      await db.select().from(organisationAdmins).where(eq(organisationAdmins.organisationId, org.id)),
    ).toEqual([]);
    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, org.id));
    expect(actions.map((a) => a.action).sort()).toEqual([
      "organisation.admin_added",
      "organisation.admin_removed",
    ]);
  });
});
