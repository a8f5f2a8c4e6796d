import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, organisationOffers, organisations, VISIBILITY } from "@/db/schema";
import { listAuditEntries } from "@/lib/audit/data";
import { IDLE } from "@/lib/forms/state";
import { deleteOfferAction, saveOfferAction } from "@/lib/offers/actions";
import { listOffers, searchOffers } from "@/lib/offers/data";
import { setOrganisationAdmin } from "@/lib/organisations/mutations";
import { actAs } from "../support/actions";
import { createOrganisation, createSession, createUser } from "../support/factories";
import { revalidatedPaths } from "../support/next-cache";
import { addMember } from "../support/organisation-factories";

function offerForm(organisationId: string, fields: Record<string, string | string[]> = {}) {
  const form = new FormData();
  const values = {
    organisationId,
    title: "Migrationsberatung",
    formats: ["in_person"],
    visibility: "public",
    ...fields,
  };
  for (const [k, v] of Object.entries(values)) {
    for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  }
  return form;
}

const save = (token: string | undefined, form: FormData) => actAs(token, () => saveOfferAction(IDLE, form));
const remove = (token: string | undefined, form: FormData) => actAs(token, () => deleteOfferAction(form));

const titles = async (organisationId: string, level: (typeof VISIBILITY)[keyof typeof VISIBILITY]) =>
  (await listOffers({ organisationId, level })).map((offer) => offer.title);

/** An organisation with an admin, a coordinator, an admin of another organisation and a plain member. */
async function cast() {
  const org = await createOrganisation();
  const other = await createOrganisation();
  const coordinator = await createUser({ role: "coordinator" });
  const orgAdmin = await addMember(org.id, { name: "Olga Admin" });
  const otherAdmin = await addMember(other.id, { name: "Otto Anderswo" });
  const plain = await addMember(org.id, { name: "Paul Mitglied" });
  for (const [organisationId, userId] of [
    [org.id, orgAdmin.id],
    [other.id, otherAdmin.id],
  ] as const) {
    await setOrganisationAdmin({ actorId: coordinator.id, organisationId, userId, isAdmin: true });
  }
  return { org, coordinator, orgAdmin, otherAdmin, plain };
}

describe("organisations' offers", () => {
  it("shows visitors the public offers and members also those for members, in title order", async () => {
    const org = await createOrganisation();
    const db = await getDb();
    await db.insert(organisationOffers).values([
      { organisationId: org.id, title: "Sprachcafé", formats: ["in_person"] },
      { organisationId: org.id, title: "Austausch der Lotsinnen", visibility: VISIBILITY.members },
      { organisationId: org.id, title: "Beratung", formats: ["phone"] },
    ]);
    expect(await titles(org.id, VISIBILITY.public)).toEqual(["Beratung", "Sprachcafé"]);
    expect(await titles(org.id, VISIBILITY.members)).toEqual([
      "Austausch der Lotsinnen",
      "Beratung",
      "Sprachcafé",
    ]);
    // another organisation's offers never show here
    expect(await titles((await createOrganisation()).id, VISIBILITY.hidden)).toEqual([]);
  });

  it("lets the organisation's admin and coordinators add, edit and delete; others are refused", async () => {
    const { org, coordinator, orgAdmin, otherAdmin, plain } = await cast();
    const outcome = await save(
      await createSession(orgAdmin.id),
      offerForm(org.id, {
        title: "Deutschkurs am Abend",
        languages: ["de", "ar"],
        topics: ["language"],
        formats: ["in_person", "online"],
        municipality: "Zeitz",
        schedule: "Montag 18–20 Uhr",
      }),
    );
    const [offer] = await listOffers({ organisationId: org.id, level: VISIBILITY.public });
    expect(offer).toMatchObject({
      title: "Deutschkurs am Abend",
      languages: ["de", "ar"],
      topics: ["language"],
      formats: ["in_person", "online"],
      municipality: "Zeitz",
      schedule: "Montag 18–20 Uhr",
      location: null,
    });
    expect(outcome).toBe(
      `redirected:/organisations/${org.slug}?offer=added&id=${offer!.id}#offer-${offer!.id}`,
    );

    // another organisation's admin, a plain member and a visitor can neither add nor change nor delete
    for (const token of [await createSession(otherAdmin.id), await createSession(plain.id), undefined]) {
      expect(await save(token, offerForm(org.id, { title: "Fremdes Angebot" }))).toBe("notFound");
      expect(await save(token, offerForm(org.id, { offerId: offer!.id, title: "Gekapert" }))).toBe(
        "notFound",
      );
      const form = new FormData();
      form.set("organisationId", org.id);
      form.set("offerId", offer!.id);
      expect(await remove(token, form)).toBe("notFound");
    }
    expect(await titles(org.id, VISIBILITY.hidden)).toEqual(["Deutschkurs am Abend"]);

    const coordinatorToken = await createSession(coordinator.id);
    expect(
      await save(
        coordinatorToken,
        offerForm(org.id, { offerId: offer!.id, title: "Deutschkurs A1 am Abend", visibility: "members" }),
      ),
    ).toBe(`redirected:/organisations/${org.slug}?offer=saved&id=${offer!.id}#offer-${offer!.id}`);
    expect(await titles(org.id, VISIBILITY.public)).toEqual([]);
    expect(await titles(org.id, VISIBILITY.members)).toEqual(["Deutschkurs A1 am Abend"]);

    const form = new FormData();
    form.set("organisationId", org.id);
    form.set("offerId", offer!.id);
    expect(await remove(await createSession(orgAdmin.id), form)).toBe(
      `redirected:/organisations/${org.slug}?offer=deleted#offers-heading`,
    );
    expect(await titles(org.id, VISIBILITY.hidden)).toEqual([]);
    // a second click finds nothing
    expect(await remove(coordinatorToken, form)).toBe("notFound");

    // only the coordinator's change is a coordinator action for the audit log
    const db = await getDb();
    const audit = await db
      .select({ action: auditLog.action, actorId: auditLog.actorId, data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, org.id), eq(auditLog.targetType, "organisation")));
    expect(audit.filter((row) => row.action.includes("offer"))).toEqual([
      {
        action: "organisation.offer_updated",
        actorId: coordinator.id,
        data: { offer: "Deutschkurs A1 am Abend" },
      },
    ]);
    // the audit log names the organisation and links its page, and finds the entry by its name
    const [entry] = (await listAuditEntries({ target: org.name })).filter((e) => e.action.includes("offer"));
    expect(entry).toMatchObject({ targetName: org.name, targetRef: { slug: org.slug } });
  });

  it("cannot edit one organisation's offer through another organisation it administers", async () => {
    const { org, orgAdmin } = await cast();
    const elsewhere = await createOrganisation();
    const db = await getDb();
    const [foreign] = await db
      .insert(organisationOffers)
      .values({ organisationId: elsewhere.id, title: "Fremd", formats: ["online"] })
      .returning();
    const state = await save(
      await createSession(orgAdmin.id),
      offerForm(org.id, { offerId: foreign!.id, title: "Übernommen" }),
    );
    expect(state).toMatchObject({ status: "error", formError: "offerGone" });
    // the edit page is rendered again, as "gone", where the typed values can be entered anew
    expect(revalidatedPaths).toContain(`/organisations/${org.slug}/offers/${foreign!.id}/edit`);
    expect(await titles(elsewhere.id, VISIBILITY.hidden)).toEqual(["Fremd"]);
  });

  it("returns per-field errors with every value kept whole", async () => {
    const { org, orgAdmin } = await cast();
    const description = "Wir helfen bei Anträgen. ".repeat(160).trim(); // 3,999 characters, within 4,000
    const state = await save(
      await createSession(orgAdmin.id),
      offerForm(org.id, { title: "A", formats: [], languages: ["xx"], schedule: "Dienstag", description }),
    );
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: {
        title: { key: "tooShort" },
        formats: { key: "chooseAtLeastOne" },
        languages: { key: "invalidChoice" },
      },
      values: { title: "A", schedule: "Dienstag", formats: [], languages: ["xx"], description },
    });
    expect(await titles(org.id, VISIBILITY.hidden)).toEqual([]);
  });
});

describe("searching all offers", () => {
  /** Two organisations of their own, with a word in every title no other test uses. */
  async function network() {
    const word = `Z${crypto.randomUUID().slice(0, 8)}`;
    const zeitz = await createOrganisation({ name: `Treffpunkt ${word} e. V.` });
    const naumburg = await createOrganisation();
    const proposed = await createOrganisation({ status: "proposed" });
    const db = await getDb();
    await db.update(organisations).set({ municipality: "Zeitz" }).where(eq(organisations.id, zeitz.id));
    await db.insert(organisationOffers).values([
      {
        organisationId: zeitz.id,
        title: `${word} Beratung Wohnen`,
        description: "Hilfe bei der Suche nach Wohnungen.",
        topics: ["housing", "counselling"],
        languages: ["de", "ar"],
        formats: ["in_person"],
      },
      {
        organisationId: naumburg.id,
        title: `${word} Sprachcafé`,
        topics: ["language"],
        languages: ["de", "uk"],
        formats: ["in_person"],
        municipality: "Zeitz",
      },
      {
        organisationId: naumburg.id,
        title: `${word} Online-Sprechstunde`,
        topics: ["counselling"],
        languages: ["ar"],
        formats: ["online", "phone"],
        municipality: "Naumburg (Saale)",
        visibility: VISIBILITY.members,
      },
      { organisationId: proposed.id, title: `${word} Unbestätigt`, formats: ["online"] },
    ]);
    return { word, zeitz };
  }
  const find = async (filters: Parameters<typeof searchOffers>[0]) =>
    (await searchOffers(filters)).offers.map((offer) => offer.title);

  it("combines text, topic, language, format and place, and shows visitors only public offers of confirmed organisations", async () => {
    const { word, zeitz } = await network();
    const all = { q: word, level: VISIBILITY.members };
    expect(await find(all)).toEqual([
      `${word} Beratung Wohnen`,
      `${word} Online-Sprechstunde`,
      `${word} Sprachcafé`,
    ]);
    expect(await find({ ...all, level: VISIBILITY.public })).toEqual([
      `${word} Beratung Wohnen`,
      `${word} Sprachcafé`,
    ]);
    expect(await find({ ...all, topic: "counselling", language: "ar" })).toEqual([
      `${word} Beratung Wohnen`,
      `${word} Online-Sprechstunde`,
    ]);
    expect(await find({ ...all, format: "phone" })).toEqual([`${word} Online-Sprechstunde`]);
    // an offer without a place of its own takes place at its organisation, here in Zeitz
    expect(await find({ ...all, municipality: "Zeitz" })).toEqual([
      `${word} Beratung Wohnen`,
      `${word} Sprachcafé`,
    ]);
    expect(await find({ ...all, municipality: "Zeitz", topic: "counselling" })).toEqual([
      `${word} Beratung Wohnen`,
    ]);
    // German stemming in the description, and the organisation's name
    expect(await find({ q: `${word} Wohnung`, level: VISIBILITY.public })).toEqual([
      `${word} Beratung Wohnen`,
    ]);
    expect(await find({ q: `Treffpunkt ${word}`, level: VISIBILITY.public })).toEqual([
      `${word} Beratung Wohnen`,
    ]);
    // a topic's or a language's name in any UI language counts as a word of the offer
    expect(await find({ q: `${word} housing`, level: VISIBILITY.public })).toEqual([
      `${word} Beratung Wohnen`,
    ]);
    // … and so do the words people mean a topic by (lib/network/topic-words.ts)
    expect(await find({ q: `${word} Wohnungssuche`, level: VISIBILITY.public })).toEqual([
      `${word} Beratung Wohnen`,
    ]);
    expect(await find({ q: `${word} arabische`, level: VISIBILITY.members })).toEqual([
      `${word} Beratung Wohnen`,
      `${word} Online-Sprechstunde`,
    ]);
    expect(await find({ q: `${word} Українська`, level: VISIBILITY.public })).toEqual([`${word} Sprachcafé`]);
    expect(await find({ q: `${word} Gesundheit`, level: VISIBILITY.members })).toEqual([]);
    expect((await searchOffers({ q: word, level: VISIBILITY.public })).offers[0]!.organisation).toEqual({
      slug: zeitz.slug,
      name: zeitz.name,
    });
  });

  it("pages by title with a cursor, without repeating or skipping an offer", async () => {
    const { word } = await network();
    const first = await searchOffers({ q: word, level: VISIBILITY.members, limit: 2 });
    expect(first.offers.map((o) => o.title)).toEqual([
      `${word} Beratung Wohnen`,
      `${word} Online-Sprechstunde`,
    ]);
    const second = await searchOffers({
      q: word,
      level: VISIBILITY.members,
      limit: 2,
      after: first.nextAfter!,
    });
    expect(second.offers.map((o) => o.title)).toEqual([`${word} Sprachcafé`]);
    expect(second.nextAfter).toBeNull();
  });
});
