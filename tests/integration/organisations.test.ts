import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { foldedInSql, foldName } from "@/db/folding";
import { auditLog, organisations, profiles, VISIBILITY, type Visibility } from "@/db/schema";
import { IDLE } from "@/lib/forms/state";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { decideOrganisationAction } from "@/lib/organisations/actions";
import { getOrganisationBySlug, listOrganisations } from "@/lib/organisations/data";
import { confirmOrganisation, rejectOrganisation } from "@/lib/organisations/mutations";
import { listProposedOrganisations } from "@/lib/organisations/proposal-data";
import { createApplication } from "@/lib/signup/mutations";
import { mailsTo } from "../support/event-factories";
import { createOrganisation, createSession, createUser, signUpInput } from "../support/factories";
import { signInWith } from "../support/next-headers";
import { addMember } from "../support/organisation-factories";

const { members: MEMBERS, public: PUBLIC, hidden: HIDDEN } = VISIBILITY;

const page = (slug: string, level: Visibility) => getOrganisationBySlug({ slug, level });
const names = async (slug: string, level: Visibility) =>
  (await page(slug, level))!.members.map((m) => m.name);

describe("an organisation's page", () => {
  it("shows a visitor members whose name and organisation are public, with only their public fields", async () => {
    const org = await createOrganisation();
    await addMember(org.id, {
      name: "Lea Öffentlich",
      languages: ["de", "uk"],
      vis: { visName: PUBLIC, visOrganisation: PUBLIC, visJobFunction: PUBLIC, visLanguages: MEMBERS },
    });
    const visitor = await page(org.slug, PUBLIC);
    expect(visitor).toMatchObject({ name: org.name, memberCount: 1 });
    expect(visitor!.members).toEqual([
      {
        id: expect.any(String),
        name: "Lea Öffentlich",
        jobFunction: "Beraterin",
        photoId: null,
        languages: [],
        topics: [],
      },
    ]);
    // her languages are for members only
    expect(visitor!.languages).toEqual([]);
    expect((await page(org.slug, MEMBERS))!.members[0]!.languages).toEqual(["de", "uk"]);
  });

  it("shows members-only memberships to members but not to visitors", async () => {
    const org = await createOrganisation();
    await addMember(org.id, { name: "Mia Mitglied", vis: { visName: PUBLIC, visOrganisation: MEMBERS } });
    await addMember(org.id, { name: "Nils Namenlos", vis: { visName: MEMBERS, visOrganisation: PUBLIC } });
    expect(await names(org.slug, PUBLIC)).toEqual([]);
    expect(await names(org.slug, MEMBERS)).toEqual(["Mia Mitglied", "Nils Namenlos"]);
  });

  it("shows a hidden membership to no other member and not to a coordinator", async () => {
    const org = await createOrganisation();
    await addMember(org.id, { name: "Hanna Versteckt", vis: { visName: MEMBERS, visOrganisation: HIDDEN } });
    await addMember(org.id, { name: "Vera Sichtbar" });
    // a coordinator views at the members' level like every other member
    expect(await names(org.slug, MEMBERS)).toEqual(["Vera Sichtbar"]);
    expect(await names(org.slug, PUBLIC)).toEqual([]);
    expect((await page(org.slug, MEMBERS))!.memberCount).toBe(1);
  });

  it("counts only the languages and topics the viewer may see", async () => {
    const org = await createOrganisation();
    await addMember(org.id, { languages: ["ar", "de"], topics: ["work"] });
    await addMember(org.id, { languages: ["ar", "fa"], topics: ["health"], vis: { visLanguages: HIDDEN } });
    await addMember(org.id, { languages: ["ar", "uk"], vis: { visOrganisation: HIDDEN } });
    await addMember(org.id, { languages: ["de"], topics: ["work", "housing"] });
    const seen = await page(org.slug, MEMBERS);
    expect(seen!.languages).toEqual([
      { key: "de", count: 2 },
      { key: "ar", count: 1 },
    ]);
    expect(seen!.topics).toEqual([
      { key: "work", count: 2 },
      { key: "health", count: 1 },
      { key: "housing", count: 1 },
    ]);
    // the member with hidden languages still shows, without them
    expect(seen!.members.filter((m) => m.languages.length === 0)).toHaveLength(1);
  });

  it("lists only active organisations, pages by keyset and counts visible members", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const created: Awaited<ReturnType<typeof createOrganisation>>[] = [];
    for (const n of [3, 1, 2]) created.push(await createOrganisation({ name: `Keyset ${tag} ${n}` }));
    await createOrganisation({ name: `Keyset ${tag} 0 vorgeschlagen`, status: "proposed" });
    await addMember(created[1]!.id, { vis: { visName: PUBLIC, visOrganisation: PUBLIC } });
    await addMember(created[1]!.id);

    const first = await listOrganisations({ q: `keyset ${tag}`, limit: 2 });
    expect(first.organisations.map((o) => o.name)).toEqual([`Keyset ${tag} 1`, `Keyset ${tag} 2`]);
    expect(first.organisations[0]!.memberCount).toBe(1);
    const second = await listOrganisations({ q: `Keyset ${tag}`, limit: 2, after: first.nextAfter! });
    expect(second.organisations.map((o) => o.name)).toEqual([`Keyset ${tag} 3`]);
    expect(second.nextAfter).toBeNull();
    const asMember = await listOrganisations({ q: tag, level: MEMBERS });
    expect(asMember.organisations.find((o) => o.id === created[1]!.id)?.memberCount).toBe(2);
    expect((await listOrganisations({ q: tag, type: "employer" })).organisations).toEqual([]);
  });

  it("finds an organisation by its name typed without umlauts or with a typo, as the directory finds people", async () => {
    const tag = String(crypto.getRandomValues(new Uint32Array(1))[0]).padStart(10, "7");
    const bridge = await createOrganisation({ name: `Brückenbauer Zeitz e. V. ${tag}` });
    const house = await createOrganisation({ name: `Mehrgenerationenhaus Hohenmölsen ${tag}` });
    const found = async (q: string) =>
      (await listOrganisations({ q: `${q} ${tag}` })).organisations.map((o) => o.id);
    for (const q of ["Bruckenbauer", "Brueckenbauer", "brückenbauer", "Bruckenbaur", "Zeitz e. V."]) {
      expect(await found(q), q).toEqual([bridge.id]);
    }
    for (const q of ["Mehrgenerationenhaus Hohenmoelsen", "Hohenmolsen", "Mehrgenerationshaus"]) {
      expect(await found(q), q).toEqual([house.id]);
    }
    expect(await found("Bruckenbauer Hohenmölsen")).toEqual([]);

    // organisation names are folded in SQL exactly as foldName folds people's names
    const written = "Jörg Weiß, Natalia Wiśniewska, Mustafa Yılmaz, Łukasz, Олена Йосипенко, عمر";
    const db = await getDb();
    const [row] = rowsOf<{ folded: string }>(
      await db.execute(sql`select ${foldedInSql(sql`${written}`)} as folded`),
    );
    expect(row?.folded).toBe(foldName(written));
    // and so the database keeps them, beside the name as written, renamed or not
    const named = await createOrganisation({ name: written });
    const stored = async () =>
      (
        await db
          .select({ folded: organisations.nameFolded })
          .from(organisations)
          .where(eq(organisations.id, named.id))
      )[0]?.folded;
    expect(await stored()).toBe(foldName(written));
    await db
      .update(organisations)
      .set({ name: `Ärztehaus ${tag}` })
      .where(eq(organisations.id, named.id));
    expect(await stored()).toBe(`arztehaus ${tag}`);
  });
});

describe("proposed organisations", () => {
  async function propose(locale: Locale = "de") {
    const data = signUpInput();
    const { userId } = await createApplication({ data, locale, policyVersion: "2026-11-01" });
    const db = await getDb();
    const [profile] = await db.select().from(profiles).where(eq(profiles.userId, userId));
    return {
      userId,
      email: data.email,
      name: data.organisation,
      organisationId: profile!.organisationId!,
    };
  }

  it("tells the proposer by mail, in their language, that their proposal was rejected", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const proposal = await propose("ar");
    const form = new FormData();
    form.set("organisationId", proposal.organisationId);
    form.set("decision", "reject");
    signInWith(await createSession(coordinator.id));
    try {
      expect(await decideOrganisationAction(IDLE, form)).toMatchObject({ status: "success" });
    } finally {
      signInWith(undefined);
    }
    const [mail] = await mailsTo(proposal.email);
    const ar = translatorFor("ar");
    const organisation = `\u2068${proposal.name}\u2069`;
    expect(mail?.subject).toBe(ar("organisations.admin.rejectedMail.subject", { organisation }));
    expect(mail?.text).toContain(ar("organisations.admin.rejectedMail.body", { organisation }));
  });

  it("waits for a coordinator, who confirms it once", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const proposal = await propose();
    const waiting = (await listProposedOrganisations()).find((o) => o.id === proposal.organisationId);
    expect(waiting).toMatchObject({
      name: proposal.name,
      proposerId: proposal.userId,
      proposerEmail: proposal.email,
      proposerStatus: "pending",
    });
    expect((await listOrganisations({ q: proposal.name })).organisations).toEqual([]);

    await confirmOrganisation({ actorId: coordinator.id, organisationId: proposal.organisationId });
    expect((await listOrganisations({ q: proposal.name })).organisations.map((o) => o.id)).toEqual([
      proposal.organisationId,
    ]);
    expect((await listProposedOrganisations()).map((o) => o.id)).not.toContain(proposal.organisationId);
    await expect(
      confirmOrganisation({ actorId: coordinator.id, organisationId: proposal.organisationId }),
    ).rejects.toMatchObject({ message: "organisationGone" });
    await expect(
      rejectOrganisation({ actorId: coordinator.id, organisationId: proposal.organisationId }),
    ).rejects.toMatchObject({ message: "organisationGone" });
  });

  it("is deleted on rejection; the proposer keeps their profile without an organisation", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const proposal = await propose();
    await rejectOrganisation({ actorId: coordinator.id, organisationId: proposal.organisationId });

    const db = await getDb();
    expect(
      await db.select().from(organisations).where(eq(organisations.id, proposal.organisationId)),
    ).toEqual([]);
    const [profile] = await db.select().from(profiles).where(eq(profiles.userId, proposal.userId));
    expect(profile!.organisationId).toBeNull();
    expect(profile!.organisationNames).toBe("");
    const audit = await db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.targetId, proposal.organisationId), eq(auditLog.action, "organisation.rejected")),
      );
    expect(audit[0]).toMatchObject({ actorId: coordinator.id, data: { name: proposal.name } });
  });
});
