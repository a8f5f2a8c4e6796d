import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { foldedInSql, foldName } from "@/db/folding";
import { profiles, VISIBILITY, type Visibility } from "@/db/schema";
import { LOCALES } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import {
  type DirectorySearch,
  getProfile,
  listNewestMembers,
  type MemberSummary,
  searchDirectory,
} from "@/lib/members/data";
import { decodeCursor, directoryHref, encodeCursor, parseDirectoryQuery } from "@/lib/members/schema";
import { type ViewerLevel, viewerLevel } from "@/lib/members/visibility";
import { SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { TOPIC_SEARCH_WORDS } from "@/lib/network/topic-words";
import { updateProfile } from "@/lib/profile/mutations";
import { ProfileInput, VISIBILITY_FIELDS } from "@/lib/profile/schema";
import { createMember, createOrganisation, createUser } from "../support/factories";

const { public: PUBLIC, members: MEMBERS, hidden: HIDDEN } = VISIBILITY;

/** A word nobody else has, so a search for it finds only this test's people (the database is shared). */
const marker = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => String.fromCharCode(97 + (b % 26))).join("");

/** Every result of a search, page by page, as the directory would show them one after another. */
async function searchAll(search: Omit<DirectorySearch, "after">): Promise<MemberSummary[]> {
  const all: MemberSummary[] = [];
  let after: DirectorySearch["after"];
  do {
    const page = await searchDirectory({ limit: 200, ...search, after });
    all.push(...page.members);
    after = page.next ?? undefined;
  } while (after);
  return all;
}

const ids = (members: MemberSummary[]) => members.map((m) => m.id);

const FULL_PROFILE = {
  jobFunction: "Migrationsberaterin",
  municipality: "Zeitz",
  topics: ["housing", "counselling"],
  languages: ["ar", "de"],
  bio: "Ich berate zu **Wohnung** und Arbeit.",
  phone: "+49 3441 123456",
  contactEmail: "beratung@example.org",
  website: "https://example.org",
};

describe("who a visitor, a member and a coordinator see", () => {
  it("shows visitors only members whose name is public, and none of their members-only fields", async () => {
    const word = marker();
    const org = await createOrganisation({ type: "welfare_association" });
    const publicName = await createMember({
      name: `Amira ${word}`,
      profile: { ...FULL_PROFILE, organisationId: org.id },
      visibility: { name: PUBLIC },
    });
    const membersOnly = await createMember({ name: `Bernd ${word}`, profile: FULL_PROFILE });

    const seenByVisitor = await searchAll({ level: PUBLIC, q: word });
    expect(ids(seenByVisitor)).toEqual([publicName.id]);
    expect(seenByVisitor[0]).toEqual({
      id: publicName.id,
      name: `Amira ${word}`,
      photoId: null,
      organisation: null,
      jobFunction: null,
      municipality: null,
      topics: [],
      languages: [],
    });
    expect(await getProfile({ userId: membersOnly.id, level: viewerLevel(null, membersOnly.id) })).toBeNull();
    const page = await getProfile({ userId: publicName.id, level: viewerLevel(null, publicName.id) });
    expect(page).toMatchObject({ name: `Amira ${word}`, organisation: null, bio: null, contact: null });
    expect(page?.visibility).toBeNull();

    const member = await createUser();
    const seenByMember = await searchAll({ level: viewerLevel(member), q: word });
    expect(ids(seenByMember).sort()).toEqual([publicName.id, membersOnly.id].sort());
    expect(seenByMember.find((m) => m.id === membersOnly.id)).toMatchObject({
      jobFunction: "Migrationsberaterin",
      municipality: "Zeitz",
      languages: ["ar", "de"],
    });
  });

  it("does not let a visitor find anyone by a members-only field", async () => {
    const word = marker();
    const languageHidden = await createMember({
      name: `Chen ${word}`,
      profile: { ...FULL_PROFILE, languages: ["ti"] },
      visibility: { name: PUBLIC },
    });
    const languagePublic = await createMember({
      name: `Dana ${word}`,
      profile: { ...FULL_PROFILE, languages: ["ti"] },
      visibility: { name: PUBLIC, languages: PUBLIC },
    });
    expect(ids(await searchAll({ level: PUBLIC, q: word, language: "ti" }))).toEqual([languagePublic.id]);
    expect(ids(await searchAll({ level: MEMBERS, q: word, language: "ti" })).sort()).toEqual(
      [languageHidden.id, languagePublic.id].sort(),
    );
    // The bio is members-only: a word from it finds nobody for a visitor, the member for a member.
    const bioWord = marker();
    const withBio = await createMember({
      name: `Emil ${marker()}`,
      profile: { bio: `Sprechstunde ${bioWord}` },
      visibility: { name: PUBLIC },
    });
    expect(ids(await searchAll({ level: PUBLIC, q: bioWord }))).not.toContain(withBio.id);
    expect(ids(await searchAll({ level: MEMBERS, q: bioWord }))).toContain(withBio.id);
  });

  it("hides a hidden field from other members and coordinators, and shows it to its owner", async () => {
    const org = await createOrganisation({ type: "association" });
    const owner = await createMember({
      name: `Fatma ${marker()}`,
      profile: { ...FULL_PROFILE, organisationId: org.id },
      visibility: { bio: HIDDEN, contact: HIDDEN, languages: HIDDEN },
    });
    const member = await createUser();
    const coordinator = await createUser({ role: "coordinator" });
    for (const viewer of [member, coordinator]) {
      const profile = await getProfile({ userId: owner.id, level: viewerLevel(viewer, owner.id) });
      expect(profile).toMatchObject({
        jobFunction: "Migrationsberaterin",
        bio: null,
        contact: null,
        languages: [],
      });
      expect(profile?.organisations).toEqual([{ name: org.name, type: "association", slug: org.slug }]);
      expect(profile?.visibility).toBeNull();
    }
    // hidden from the directory's search and filters too
    const bioWord = marker();
    const hiddenBio = await createMember({
      name: `Gustav ${marker()}`,
      profile: { bio: `Notizen ${bioWord}`, languages: ["so"] },
      visibility: { bio: HIDDEN, languages: HIDDEN },
    });
    expect(ids(await searchAll({ level: viewerLevel(coordinator), q: bioWord }))).not.toContain(hiddenBio.id);
    expect(ids(await searchAll({ level: MEMBERS, language: "so" }))).not.toContain(hiddenBio.id);

    const own = await getProfile({ userId: owner.id, level: viewerLevel(owner, owner.id) });
    expect(own).toMatchObject({
      bio: FULL_PROFILE.bio,
      languages: ["ar", "de"],
      contact: { email: "beratung@example.org", phone: "+49 3441 123456", website: "https://example.org" },
      visibility: { name: MEMBERS, bio: HIDDEN, contact: HIDDEN, languages: HIDDEN, topics: MEMBERS },
    });
  });

  it("finds a member by each field the viewer may see, however much more closely the others are kept", async () => {
    const [orgWord, bioWord] = [marker(), marker()];
    const org = await createOrganisation({ name: `Sozialwerk ${orgWord}` });
    const person = await createMember({
      name: `Gerhard ${marker()}`,
      profile: { jobFunction: "Ehrenamtlicher Lernpate", organisationId: org.id, bio: `Privat ${bioWord}` },
      visibility: { name: PUBLIC, jobFunction: PUBLIC, bio: HIDDEN },
    });
    for (const q of ["Lernpate", `Sozialwerk ${orgWord}`]) {
      expect(ids(await searchAll({ level: MEMBERS, q })), q).toContain(person.id);
    }
    expect(ids(await searchAll({ level: MEMBERS, q: bioWord }))).toEqual([]);
    // a visitor sees the public function, but not the members-only organisation
    expect(ids(await searchAll({ level: PUBLIC, q: "Lernpate" }))).toContain(person.id);
    expect(ids(await searchAll({ level: PUBLIC, q: orgWord }))).toEqual([]);
  });

  it("never lists a member whose name is hidden, not even on the start page", async () => {
    const word = marker();
    const hiddenName = await createMember({ name: `Hanna ${word}`, visibility: { name: HIDDEN } });
    expect(ids(await searchAll({ level: MEMBERS, q: word }))).toEqual([]);
    expect(ids(await listNewestMembers({ level: MEMBERS, limit: 50 }))).not.toContain(hiddenName.id);
    expect(await getProfile({ userId: hiddenName.id, level: MEMBERS })).toBeNull();
    expect(
      await getProfile({ userId: hiddenName.id, level: viewerLevel(hiddenName, hiddenName.id) }),
    ).not.toBeNull();
  });

  it("never shows pending, rejected or blocked people", async () => {
    const word = marker();
    const people = await Promise.all(
      (["pending", "rejected", "blocked"] as const).map((status) =>
        createMember({ status, name: `Ida ${word}`, visibility: { name: PUBLIC } }),
      ),
    );
    expect(await searchAll({ level: MEMBERS, q: word })).toEqual([]);
    expect(await searchAll({ level: PUBLIC, q: word })).toEqual([]);
    for (const person of people) {
      expect(await getProfile({ userId: person.id, level: MEMBERS })).toBeNull();
    }
  });
});

describe("searching the directory", () => {
  it("finds Müller by Muller, Mueller and typos, but not other people", async () => {
    const first = `Jördis${marker()}`;
    const mueller = await createMember({ name: `${first} Müller` });
    const schroeder = await createMember({ name: `${first} Schröder` });
    for (const q of ["Muller", "müller", "Mueller", "mueller", "Mulr", "Mülr", "Muler", "MÜLLER"]) {
      const found = ids(await searchAll({ level: MEMBERS, q }));
      expect(found, q).toContain(mueller.id);
      expect(found, q).not.toContain(schroeder.id);
    }
    expect(ids(await searchAll({ level: MEMBERS, q: "Schroeder" }))).toContain(schroeder.id);
    expect(ids(await searchAll({ level: MEMBERS, q: `${first.toLowerCase()} mueller` }))).toEqual([
      mueller.id,
    ]);
  });

  it("finds Łukasz by Lukasz and Đurić by Duric, capitals and all, as the database folds them", async () => {
    const tag = marker();
    const lukasz = await createMember({ name: `Łukasz Đurić ${tag}` });
    // "Lu" and "Du" find it only as the start of the folded words (the typo tolerance needs three letters).
    for (const q of [`Lukasz ${tag}`, `ŁUKASZ ${tag}`, `Lu ${tag}`, `Du ${tag}`, `Đu ${tag}`]) {
      expect(ids(await searchAll({ level: MEMBERS, q })), q).toEqual([lukasz.id]);
    }
    // The SQL fold (organisation names; migration 0028 refolded the stored names with it) is the same.
    const db = await getDb();
    const names = ["Łukasz Đurić", "Øberg Weiß", "İlhan Yılmaz", "Müller-Lüdenscheidt"];
    for (const name of names) {
      const [row] = rowsOf<{ folded: string }>(
        await db.execute(sql`select ${foldedInSql(sql`${name}::text`)} as folded`),
      );
      expect(row?.folded, name).toBe(foldName(name));
    }
  });

  it("has names stored before migration 0028 refolded by it as foldName folds them now", async () => {
    const name = `Łukasz Øberg-Weiß İlhan ${marker()}`;
    const person = await createMember({ name });
    const db = await getDb();
    await db.update(profiles).set({ nameFolded: "stale" }).where(eq(profiles.userId, person.id));
    const migration = readFileSync("db/migrations/0028_fold_names.sql", "utf8");
    // Only this test's row: the database is shared with tests running beside this one.
    await db.execute(sql.raw(migration.replace("WHERE ", `WHERE u."id" = '${person.id}' AND `)));
    const [row] = await db.select().from(profiles).where(eq(profiles.userId, person.id));
    expect(row?.nameFolded).toBe(foldName(name));
  });

  it("finds a name written in another transliteration, but not a different name", async () => {
    // Digits: random letters beside a name can themselves be similar enough to the searched name
    // (a tag starting "yu" put Josef within reach of "Yusef"), and the test flaked once in a while.
    const tag = String(crypto.getRandomValues(new Uint32Array(1))[0]).padStart(10, "7");
    const yousef = await createMember({ name: `Yousef ${tag}` });
    const josef = await createMember({ name: `Josef ${tag}` });
    const kateryna = await createMember({ name: `Kateryna Tkachenko ${tag}` });
    for (const q of ["Yusef", "Yousef", "Jusef"]) {
      expect(ids(await searchAll({ level: MEMBERS, q: `${q} ${tag}` })), q).toEqual([yousef.id]);
    }
    for (const q of ["Katerina", "Tkatschenko", "Katerina Tkachenko", "Kateryna Tkatschenko"]) {
      expect(ids(await searchAll({ level: MEMBERS, q: `${q} ${tag}` })), q).toEqual([kateryna.id]);
    }
    expect(ids(await searchAll({ level: MEMBERS, q: `Josef ${tag}` }))).toEqual([josef.id]);
  });

  it("finds a name written in Latin letters when it is typed in Cyrillic", async () => {
    const tag = String(crypto.getRandomValues(new Uint32Array(1))[0]).padStart(10, "7");
    const dmytro = await createMember({ name: `Dmytro Shevchenko ${tag}` });
    for (const q of ["Шевченко", "Дмитро Шевченко", "шевченко"]) {
      expect(ids(await searchAll({ level: MEMBERS, q: `${q} ${tag}` })), q).toEqual([dmytro.id]);
    }
    expect(ids(await searchAll({ level: MEMBERS, q: `Коваленко ${tag}` }))).toEqual([]);
  });

  it("finds a bio about a Wohnung when searching for Wohnungen", async () => {
    const word = marker();
    const person = await createMember({
      name: `Karim ${marker()}`,
      profile: { bio: `Ich helfe bei der Suche nach einer Wohnung in ${word}.` },
    });
    expect(ids(await searchAll({ level: MEMBERS, q: `Wohnungen ${word}` }))).toEqual([person.id]);
  });

  it("combines topic, language, municipality and organisation type", async () => {
    const word = marker();
    const migrants = await createOrganisation({ type: "migrant_organisation" });
    const employer = await createOrganisation({ type: "employer" });
    const base = {
      organisationId: migrants.id,
      topics: ["housing", "work"],
      languages: ["ar", "de"],
      municipality: "Zeitz",
    };
    const variants = [
      base,
      { ...base, topics: ["work"] },
      { ...base, languages: ["de"] },
      { ...base, municipality: "Naumburg (Saale)" },
      { ...base, organisationId: employer.id },
    ];
    const people = [];
    for (const [i, profile] of variants.entries()) {
      people.push(await createMember({ name: `Lina ${i} ${word}`, profile }));
    }
    const search = {
      level: MEMBERS,
      q: word,
      topic: "housing",
      language: "ar",
      municipality: "Zeitz",
      organisationType: "migrant_organisation",
    } as const;
    expect(ids(await searchAll(search))).toEqual([people[0]!.id]);
    // each filter alone lets the others through
    expect(await searchAll({ level: MEMBERS, q: word, topic: "housing" })).toHaveLength(4);
    expect(await searchAll({ level: MEMBERS, q: word, language: "ar" })).toHaveLength(4);
    expect(await searchAll({ level: MEMBERS, q: word, municipality: "Zeitz" })).toHaveLength(4);
    expect(await searchAll({ level: MEMBERS, q: word, organisationType: "employer" })).toHaveLength(1);
  });

  it("pages by keyset in name order, every member exactly once", async () => {
    const word = marker();
    const names = ["Özlem", "Anton", "anton", "Zoe", "Émile", "Anton", "Berta"].map((n) => `${n} ${word}`);
    const created = [];
    for (const name of names) created.push(await createMember({ name }));
    const seen: MemberSummary[] = [];
    let after: DirectorySearch["after"];
    let pages = 0;
    do {
      const page = await searchDirectory({ level: MEMBERS, q: word, limit: 2, after });
      expect(page.members.length).toBeLessThanOrEqual(2);
      seen.push(...page.members);
      after = page.next ? decodeCursor(encodeCursor(page.next)) : undefined;
      pages += 1;
    } while (after);
    expect(pages).toBe(4);
    expect(new Set(ids(seen)).size).toBe(seen.length);
    expect(ids(seen).sort()).toEqual(created.map((u) => u.id).sort());
    const firstNames = seen.map((m) => foldName(m.name ?? "").split(" ")[0]);
    expect(firstNames).toEqual(["anton", "anton", "anton", "berta", "emile", "ozlem", "zoe"]);
    const antons = ids(seen.slice(0, 3));
    expect(antons).toEqual([...antons].sort());
  });
});

describe("searching by the name of a topic or a language", () => {
  const PUBLIC_PROFILE = { name: PUBLIC, jobFunction: PUBLIC, organisation: PUBLIC, bio: PUBLIC } as const;

  it("finds a member by their topics and languages, named in any of the four languages", async () => {
    const word = marker();
    const nour = await createMember({
      name: `Nour ${word}`,
      profile: { topics: ["housing", "children_family"], languages: ["ar", "de"] },
    });
    const olha = await createMember({
      name: `Olha ${word}`,
      profile: { topics: ["work"], languages: ["uk", "de"] },
    });
    // "Familien" and "arabische" reach "Familie" and "Arabisch" by German stemming; "Wohnungen", "Kita"
    // and "Miete" are words people mean housing and family by (lib/network/topic-words.ts).
    const nourWords = ["Wohnen", "housing", "السكن", "Житло", "Familien", "Arabisch", "arabische", "Arabic"];
    const meant = ["Wohnungen", "Miete", "Kita", "apartment", "квартира", "сім'я", "сімʼя"];
    for (const q of [...nourWords, ...meant, "العربية", "Арабська"]) {
      expect(ids(await searchAll({ level: MEMBERS, q: `${q} ${word}` })), q).toEqual([nour.id]);
    }
    for (const q of ["Arbeit", "Work", "Ukrainisch", "Ukrainian", "Українська"]) {
      expect(ids(await searchAll({ level: MEMBERS, q: `${q} ${word}` })), q).toEqual([olha.id]);
    }
    expect(ids(await searchAll({ level: MEMBERS, q: `Deutsch ${word}` })).sort()).toEqual(
      [nour.id, olha.id].sort(),
    );
    expect(ids(await searchAll({ level: MEMBERS, q: `Gesundheit ${word}` }))).toEqual([]);
    expect(ids(await searchAll({ level: MEMBERS, q: `Arzt ${word}` }))).toEqual([]);
  });

  it("finds nobody by a topic or language the viewer may not see, not even by leaving it out", async () => {
    const word = marker();
    const withTopics = (name: string, shown: Visibility) =>
      createMember({
        name: `${name} ${marker()}`,
        profile: { bio: `Sprechstunde ${word}`, topics: ["health"], languages: ["ti"] },
        visibility: { ...PUBLIC_PROFILE, topics: shown, languages: shown },
      });
    const open = await withTopics("Rahel", PUBLIC);
    const forMembers = await withTopics("Selam", MEMBERS);
    const hidden = await withTopics("Tesfay", HIDDEN);
    const coordinator = await createUser({ role: "coordinator" });
    const found = async (level: ViewerLevel, q: string) => ids(await searchAll({ level, q })).sort();

    const everyone = [open.id, forMembers.id, hidden.id].sort();
    expect(await found(PUBLIC, word)).toEqual(everyone);
    for (const topicWord of ["Gesundheit", "Здоровʼя", "Tigrinya"]) {
      expect(await found(PUBLIC, `${topicWord} ${word}`), topicWord).toEqual([open.id]);
      expect(await found(viewerLevel(coordinator), `${topicWord} ${word}`), topicWord).toEqual(
        [open.id, forMembers.id].sort(),
      );
    }
    // Excluding a word the viewer may not see excludes no one, or leaving it out would reveal it.
    expect(await found(PUBLIC, `${word} -Gesundheit`)).toEqual([forMembers.id, hidden.id].sort());
    expect(await found(MEMBERS, `${word} -Gesundheit`)).toEqual([hidden.id]);
  });

  it("follows a member's change of topics and of who may see them", async () => {
    const word = marker();
    const member = await createMember({ name: `Pia ${word}`, profile: { topics: ["housing"] } });
    const found = async (q: string) => ids(await searchAll({ level: MEMBERS, q: `${q} ${word}` }));
    expect(await found("Wohnen")).toEqual([member.id]);

    const edit = (visTopics: Visibility) =>
      updateProfile({
        userId: member.id,
        data: ProfileInput.parse({
          name: `Pia ${word}`,
          topics: ["women"],
          languages: [],
          furtherOrganisations: [],
          ...Object.fromEntries(VISIBILITY_FIELDS.map((field) => [field, "1"])),
          visTopics: String(visTopics),
        }),
      });
    await edit(MEMBERS);
    expect(await found("Wohnen")).toEqual([]);
    expect(await found("Frauen")).toEqual([member.id]);
    await edit(HIDDEN);
    expect(await found("Frauen")).toEqual([]);
    expect(await found("")).toEqual([member.id]);
  });

  it("names topics and languages in the search vector as the messages name them, topics with their words", async () => {
    const db = await getDb();
    const named = async (fn: "topic_search_words" | "language_search_words", key: string) =>
      rowsOf<{ words: string }>(
        await db.execute(sql`select ${sql.raw(fn)}(array[${key}]::text[]) as words`),
      )[0]?.words;
    for (const topic of TOPICS) {
      const labels = LOCALES.map((locale) => MESSAGES[locale].topics[topic]).join(" ");
      expect(await named("topic_search_words", topic)).toBe(`${labels} ${TOPIC_SEARCH_WORDS[topic]}`);
    }
    for (const language of SPOKEN_LANGUAGES) {
      const labels = LOCALES.map((locale) => MESSAGES[locale].languages[language]).join(" ");
      expect(await named("language_search_words", language)).toBe(labels);
    }
  });
});

describe("the directory's URL", () => {
  it("ignores unknown and tampered values instead of failing", () => {
    expect(
      parseDirectoryQuery({
        q: "  Müller ",
        topic: "housing",
        language: "klingon",
        municipality: ["Zeitz", "Lützen"],
        type: "",
        after: "not-a-cursor",
      }),
    ).toEqual({
      q: "Müller",
      topic: "housing",
      language: undefined,
      municipality: "Zeitz",
      type: undefined,
      after: undefined,
    });
    expect(parseDirectoryQuery({ q: "x".repeat(500) }).q).toBeUndefined();
  });

  it("round-trips the cursor and keeps the filters in the next page's link", () => {
    const cursor = { nameFolded: "amal yousef ~ عمر", id: crypto.randomUUID() };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    const href = directoryHref({ q: "Wohnung", topic: "housing", language: "ar" }, cursor);
    const parsed = parseDirectoryQuery(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(parsed).toMatchObject({ q: "Wohnung", topic: "housing", language: "ar", after: cursor });
  });
});
