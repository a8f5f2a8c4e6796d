import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { faqEntries } from "@/db/schema";
import { saveFaqCategory } from "@/lib/faq/category-mutations";
import { getFaqEntryForEdit, listFaqForAdmin, listPublishedFaq } from "@/lib/faq/data";
import { moveFaqEntry, saveFaqEntry, saveFaqTranslation, setFaqPublished } from "@/lib/faq/mutations";
import { IDLE } from "@/lib/forms/state";
import { getContentVersions } from "@/lib/page-cache/data";
import { createSession, createUser } from "../support/factories";
import { form } from "../support/forms";
import { signInWith } from "../support/next-headers";

const tag = () => crypto.randomUUID().slice(0, 8);
let coordinatorId: string;
let categoryId: string;

beforeAll(async () => {
  coordinatorId = (await createUser({ role: "coordinator" })).id;
  categoryId = (
    await saveFaqCategory({ actorId: coordinatorId, data: { nameDe: `Thema ${tag()}`, nameAr: "موضوع" } })
  ).id;
});

async function createEntry(question: string, answer: string, published = true) {
  return saveFaqEntry({
    actorId: coordinatorId,
    data: { categoryId, slug: undefined, question, answer, published },
  });
}

const findIn = (categories: Awaited<ReturnType<typeof listPublishedFaq>>, slug: string) =>
  categories.flatMap((c) => c.entries).find((e) => e.slug === slug);

describe("FAQ translations", () => {
  it("shows a visitor their language, German with a notice where missing, and marks outdated translations", async () => {
    const t = tag();
    const { id } = await createEntry(`Wie finde ich eine Wohnung ${t}?`, "Fragen Sie beim **Sozialamt**.");
    const slug = (await getFaqEntryForEdit({ entryId: id }))!.slug;
    expect(slug).toBe(`wie-finde-ich-eine-wohnung-${t}`);

    await saveFaqTranslation({
      actorId: coordinatorId,
      data: {
        entryId: id,
        locale: "ar",
        question: `كيف أجد سكنًا ${t}؟`,
        answer: "اسأل مكتب الشؤون الاجتماعية.",
      },
    });
    const arabic = findIn(await listPublishedFaq({ locale: "ar" }), slug);
    expect(arabic).toMatchObject({ question: `كيف أجد سكنًا ${t}؟`, shownLocale: "ar", status: "current" });

    const english = findIn(await listPublishedFaq({ locale: "en" }), slug);
    expect(english).toMatchObject({
      question: `Wie finde ich eine Wohnung ${t}?`,
      shownLocale: "de",
      status: "missing",
    });
    expect(english?.answerHtml).toContain("<strong>Sozialamt</strong>");

    // The German answer changes: Arabic becomes outdated for coordinators and visitors.
    await saveFaqEntry({
      actorId: coordinatorId,
      data: {
        entryId: id,
        slug: undefined,
        categoryId,
        question: `Wie finde ich eine Wohnung ${t}?`,
        answer: "Fragen Sie beim Wohnungsamt.",
        published: true,
      },
    });
    const admin = (await listFaqForAdmin()).find((e) => e.id === id);
    expect(admin?.statuses).toEqual({ de: "current", en: "missing", ar: "outdated", uk: "missing" });
    expect(findIn(await listPublishedFaq({ locale: "ar" }), slug)?.status).toBe("outdated");

    // Re-translating makes it current again.
    await saveFaqTranslation({
      actorId: coordinatorId,
      data: { entryId: id, locale: "ar", question: `كيف أجد سكنًا ${t}؟`, answer: "اسأل مكتب السكن." },
    });
    expect((await listFaqForAdmin()).find((e) => e.id === id)?.statuses.ar).toBe("current");
  });

  it("keeps translations current when only the publication changes", async () => {
    const { id } = await createEntry(`Frage ${tag()}`, "Antwort");
    await saveFaqTranslation({
      actorId: coordinatorId,
      data: { entryId: id, locale: "uk", question: "Питання", answer: "Відповідь" },
    });
    await setFaqPublished({ actorId: coordinatorId, entryId: id, published: false });
    await setFaqPublished({ actorId: coordinatorId, entryId: id, published: true });
    expect((await listFaqForAdmin()).find((e) => e.id === id)?.statuses.uk).toBe("current");
  });
});

describe("FAQ search and visibility", () => {
  it("finds German words by their stem and other languages by plain words", async () => {
    const t = tag();
    const { id } = await createEntry(
      `Gibt es Sprachkurse am Abend ${t}?`,
      "Ja, mehrere Kurse finden abends statt.",
    );
    await saveFaqTranslation({
      actorId: coordinatorId,
      data: {
        entryId: id,
        locale: "uk",
        question: `Чи є вечірні мовні курси ${t}?`,
        answer: "Так, кілька курсів проходять увечері.",
      },
    });
    const slug = (await getFaqEntryForEdit({ entryId: id }))!.slug;
    // "Kursen" matches "Kurse" through German stemming.
    expect(findIn(await listPublishedFaq({ locale: "de", query: `Kursen ${t}` }), slug)).toBeDefined();
    expect(findIn(await listPublishedFaq({ locale: "uk", query: "вечірні" }), slug)?.shownLocale).toBe("uk");
    expect(findIn(await listPublishedFaq({ locale: "de", query: `Fahrrad ${t}` }), slug)).toBeUndefined();
  });

  it("hides unpublished entries from visitors", async () => {
    const { id } = await createEntry(`Entwurf ${tag()}`, "Noch nicht fertig.", false);
    const slug = (await getFaqEntryForEdit({ entryId: id }))!.slug;
    expect(findIn(await listPublishedFaq({ locale: "de" }), slug)).toBeUndefined();
    await setFaqPublished({ actorId: coordinatorId, entryId: id, published: true });
    expect(findIn(await listPublishedFaq({ locale: "de" }), slug)).toBeDefined();
  });

  it("reorders entries within their category", async () => {
    const a = await createEntry(`Erste ${tag()}`, "A");
    const b = await createEntry(`Zweite ${tag()}`, "B");
    const position = async (id: string) =>
      (
        await (await getDb()).select({ p: faqEntries.position }).from(faqEntries).where(eq(faqEntries.id, id))
      )[0]!.p;
    expect(await position(a.id)).toBeLessThan(await position(b.id));
    await moveFaqEntry({ actorId: coordinatorId, data: { entryId: b.id, direction: "up" } });
    expect(await position(b.id)).toBeLessThan(await position(a.id));
  });

  it("raises the FAQ's content version on every edit, so every instance renews its cached pages", async () => {
    const before = (await getContentVersions()).faq ?? 1;
    await createEntry(`Version ${tag()}`, "V");
    expect((await getContentVersions()).faq).toBeGreaterThan(before);
  });

  it("refuses a second entry with the same anchor, beside the field", async () => {
    const slug = `anker-${tag()}`;
    await saveFaqEntry({
      actorId: coordinatorId,
      data: { categoryId, slug, question: "Eins", answer: "1", published: false },
    });
    await expect(
      saveFaqEntry({
        actorId: coordinatorId,
        data: { categoryId, slug, question: "Zwei", answer: "2", published: false },
      }),
    ).rejects.toMatchObject({ field: "slug", message: "slugTaken" });
  });
});

describe("FAQ actions", () => {
  it("refuse a member with “not found” and change nothing", async () => {
    const { saveFaqEntryAction } = await import("@/lib/faq/actions");
    const member = await createUser();
    signInWith(await createSession(member.id));
    const question = `Von Mitglied ${tag()}`;
    await expect(saveFaqEntryAction(IDLE, form({ categoryId, question, answer: "x" }))).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404/,
    );
    expect((await listFaqForAdmin()).some((e) => e.question === question)).toBe(false);
  });

  it("give a coordinator the message beside the field and keep the values", async () => {
    const { saveFaqEntryAction } = await import("@/lib/faq/actions");
    signInWith(await createSession(coordinatorId));
    const state = await saveFaqEntryAction(
      IDLE,
      form({ categoryId, question: "", answer: "Eine Antwort", slug: "Ungültig!" }),
    );
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: { question: { key: "required" }, slug: { key: "invalidSlug" } },
      values: { answer: "Eine Antwort", slug: "Ungültig!" },
    });
  });
});
