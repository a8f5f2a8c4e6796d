import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  auditLog,
  contactImports,
  faqCategories,
  faqEntries,
  faqTranslations,
  newsletterContacts,
  videos,
  videoTranslations,
} from "@/db/schema";
import { listAuditEntries } from "@/lib/audit/data";
import { auditDataFor, auditDetails, auditTargetHref, auditTargetLabel } from "@/lib/audit/utils";
import { removeContact } from "@/lib/campaigns/import-mutations";
import { saveFaqCategory } from "@/lib/faq/category-mutations";
import { moveFaqEntry, saveFaqEntry } from "@/lib/faq/mutations";
import { createPerson } from "../support/admin-factories";

/** One FAQ entry, video, contact and import, each logged once, plus one of each kind deleted since. */
async function logContentTargets() {
  const coordinator = await createPerson("coordinator");
  const db = await getDb();
  const uid = crypto.randomUUID().slice(0, 8);
  const [category] = await db
    .insert(faqCategories)
    .values({ slug: `kat-${uid}`, names: { de: `Kategorie ${uid}` } })
    .returning();
  const [entry] = await db
    .insert(faqEntries)
    .values({ categoryId: category!.id, slug: `frage-${uid}` })
    .returning();
  await db.insert(faqTranslations).values([
    {
      entryId: entry!.id,
      locale: "de",
      question: `Wo lerne ich Deutsch ${uid}?`,
      answer: "Im Kurs.",
      sourceVersion: 1,
    },
    {
      entryId: entry!.id,
      locale: "en",
      question: `Where do I learn German ${uid}?`,
      answer: "In class.",
      sourceVersion: 1,
    },
  ]);
  const [video] = await db
    .insert(videos)
    .values({ slug: `video-${uid}` })
    .returning();
  await db
    .insert(videoTranslations)
    .values({ videoId: video!.id, locale: "de", title: `So melden Sie sich an ${uid}`, sourceVersion: 1 });
  const email = `erika.${uid}@example.org`;
  const [contact] = await db
    .insert(newsletterContacts)
    .values({ email, name: `Erika Muster ${uid}` })
    .returning();
  const [upload] = await db
    .insert(contactImports)
    .values({
      filename: `fachtag-${uid}.csv`,
      csv: "email\n",
      legalBasis: "consent",
      legalNote: "Liste",
      total: 42,
      createdAt: new Date("2026-11-12T09:15:00Z"),
    })
    .returning();
  const gone = crypto.randomUUID();
  const action = `test.content${uid}`;
  const targets = [
    ["faq_entry", entry!.id],
    ["video", video!.id],
    ["contact", contact!.id],
    ["contact_import", upload!.id],
    ["faq_entry", gone],
    ["video", gone],
    ["contact", gone],
    ["contact_import", gone],
  ] as const;
  await db
    .insert(auditLog)
    .values(
      targets.map(([targetType, targetId]) => ({ actorId: coordinator.id, action, targetType, targetId })),
    );
  return {
    uid,
    action,
    entry: entry!,
    video: video!,
    contact: contact!,
    email,
    upload: upload!,
    gone,
    targets,
  };
}

const viewOf = (entries: Awaited<ReturnType<typeof listAuditEntries>>) => {
  const shown = new Map(entries.map((e) => [`${e.targetType}:${e.targetId}`, e]));
  return (type: string, id: string) => {
    const entry = shown.get(`${type}:${id}`)!;
    return { label: auditTargetLabel("de", entry), href: auditTargetHref(entry) };
  };
};

describe("the audit log names FAQ entries, videos, contacts and imports", () => {
  it("by question, title, address and file, linked to their admin pages; deleted ones say so", async () => {
    const { uid, action, entry, video, contact, email, upload, gone, targets } = await logContentTargets();
    const entries = await listAuditEntries({ action }, { campaignsArea: true });
    const view = viewOf(entries);
    expect(view("faq_entry", entry.id)).toEqual({
      label: `Wo lerne ich Deutsch ${uid}?`,
      href: `/admin/faq/${entry.id}`,
    });
    expect(view("video", video.id)).toEqual({
      label: `So melden Sie sich an ${uid}`,
      href: `/admin/videos/${video.id}`,
    });
    expect(view("contact", contact.id)).toEqual({
      label: email,
      href: `/admin/campaigns/contacts?q=${encodeURIComponent(email)}#contacts`,
    });
    expect(view("contact_import", upload.id)).toEqual({
      label: `fachtag-${uid}.csv, 12.11.2026, 10:15, 42 Zeilen`,
      href: `/admin/campaigns/imports/${upload.id}`,
    });
    expect(view("faq_entry", gone)).toEqual({ label: `FAQ-Eintrag ${gone} (gelöscht)`, href: null });
    expect(view("video", gone)).toEqual({ label: `Video ${gone} (gelöscht)`, href: null });
    expect(view("contact", gone)).toEqual({ label: `Newsletter-Kontakt ${gone} (gelöscht)`, href: null });
    expect(view("contact_import", gone)).toEqual({ label: `Kontakt-Import ${gone} (gelöscht)`, href: null });
    // Still one query for the page, in the page's order.
    expect(entries.map((e) => e.targetId)).toEqual(targets.map(([, id]) => id).reverse());
  });

  it("finds them by those names with the target filter", async () => {
    const { uid, action, entry, video, contact, upload } = await logContentTargets();
    const ids = async (target: string) =>
      (await listAuditEntries({ action, target }, { campaignsArea: true })).map((e) => e.targetId);
    expect(await ids(`lerne ich deutsch ${uid}`)).toEqual([entry.id]);
    expect(await ids(`melden sie sich an ${uid}`)).toEqual([video.id]);
    expect(await ids(`erika.${uid}@`)).toEqual([contact.id]);
    expect(await ids(`Erika Muster ${uid}`)).toEqual([contact.id]);
    expect(await ids(`fachtag-${uid}`)).toEqual([upload.id]);
    // The German question is the name; another language's text does not count.
    expect(await ids(`learn German ${uid}`)).toEqual([]);
  });

  it("shows contacts and imports only to someone who may see the campaigns area", async () => {
    const { uid, action, contact, upload } = await logContentTargets();
    const view = viewOf(await listAuditEntries({ action }));
    expect(view("contact", contact.id)).toEqual({ label: `Newsletter-Kontakt ${contact.id}`, href: null });
    expect(view("contact_import", upload.id)).toEqual({ label: `Kontakt-Import ${upload.id}`, href: null });
    expect(await listAuditEntries({ action, target: `erika.${uid}` })).toEqual([]);
    expect(await listAuditEntries({ action, target: `fachtag-${uid}` })).toEqual([]);
  });
});

describe("a removed contact in the audit log", () => {
  /** A coordinator removes a contact through the campaigns area, as someone asked by phone. */
  async function removedContact() {
    const coordinator = await createPerson("coordinator");
    const db = await getDb();
    const uid = crypto.randomUUID().slice(0, 8);
    const email = `jana.${uid}@example.org`;
    const [contact] = await db
      .insert(newsletterContacts)
      .values({ email, name: `Jana Vogel ${uid}` })
      .returning();
    expect(await removeContact({ actorId: coordinator.id, contactId: contact!.id })).toBe(true);
    return { uid, email, id: contact!.id };
  }

  it("is named by the address it had, marked deleted, and found by that address or its name", async () => {
    const { uid, email, id } = await removedContact();
    const reader = { campaignsArea: true };
    const [entry] = await listAuditEntries({ action: "contacts.removed", target: `jana.${uid}` }, reader);
    expect(entry?.targetId).toBe(id);
    expect({ label: auditTargetLabel("de", entry!), href: auditTargetHref(entry!) }).toEqual({
      label: `${email} (gelöscht)`,
      href: null,
    });
    expect(auditDetails("de", auditDataFor(entry!, reader))).toEqual([
      { label: "Name", value: `Jana Vogel ${uid}` },
      { label: "E-Mail-Adresse", value: email },
    ]);
    const byName = await listAuditEntries({ action: "contacts.removed", target: `Vogel ${uid}` }, reader);
    expect(byName.map((e) => e.targetId)).toEqual([id]);
  });

  it("stays a kind and an id for someone without the campaigns area, and is not found by its name", async () => {
    const { uid, id } = await removedContact();
    const reader = { campaignsArea: false };
    expect(await listAuditEntries({ action: "contacts.removed", target: `jana.${uid}` }, reader)).toEqual([]);
    expect(await listAuditEntries({ action: "contacts.removed", target: `Vogel ${uid}` }, reader)).toEqual(
      [],
    );
    const [entry] = await listAuditEntries({ action: "contacts.removed", target: id }, reader);
    expect(auditTargetLabel("de", entry!)).toBe(`Newsletter-Kontakt ${id}`);
    expect(auditDetails("de", auditDataFor(entry!, reader))).toEqual([]);
  });
});

describe("FAQ categories in the audit log", () => {
  it("are named by their German name; a reorder is one entry on its category, naming the question moved", async () => {
    const coordinator = await createPerson("coordinator");
    const uid = crypto.randomUUID().slice(0, 8);
    const name = `Wohnen und Arbeit ${uid}`;
    const category = await saveFaqCategory({
      actorId: coordinator.id,
      data: { nameDe: name, nameEn: "Housing" },
    });
    const entry = (question: string) =>
      saveFaqEntry({
        actorId: coordinator.id,
        data: { categoryId: category.id, slug: undefined, question, answer: "Ja.", published: true },
      });
    await entry(`Erste Frage ${uid}?`);
    const second = await entry(`Zweite Frage ${uid}?`);
    const move = (direction: "up" | "down") =>
      moveFaqEntry({ actorId: coordinator.id, data: { entryId: second.id, direction } });
    await move("up");
    await move("up"); // already first: nothing changes, nothing is logged

    const entries = await listAuditEntries({ target: `und Arbeit ${uid}` });
    expect(entries.map((e) => e.action)).toEqual(["faq.reordered", "faq.category_created"]);
    const [reordered] = entries;
    expect({ label: auditTargetLabel("de", reordered!), href: auditTargetHref(reordered!) }).toEqual({
      label: name,
      href: `/admin/faq#cat-${category.id}`,
    });
    expect(auditDetails("de", reordered!.data)).toEqual([
      { label: "Verschobene Frage", value: `Zweite Frage ${uid}?` },
      { label: "Position", value: "1" },
    ]);
  });

  it("log a rename with the old and new German name, and a translation by its language; saving unchanged logs nothing", async () => {
    const coordinator = await createPerson("coordinator");
    const uid = crypto.randomUUID().slice(0, 8);
    const category = await saveFaqCategory({
      actorId: coordinator.id,
      data: { nameDe: `Gesundheit ${uid}` },
    });
    const save = (data: { nameDe: string; nameUk?: string }) =>
      saveFaqCategory({ actorId: coordinator.id, data: { categoryId: category.id, ...data } });
    await save({ nameDe: `Gesundheit und Pflege ${uid}` });
    await save({ nameDe: `Gesundheit und Pflege ${uid}`, nameUk: "Здоров'я" });
    await save({ nameDe: `Gesundheit und Pflege ${uid}`, nameUk: "Здоров'я" });

    const entries = await listAuditEntries({ target: `und Pflege ${uid}` });
    expect(entries.map((e) => e.action)).toEqual([
      "faq.category_updated",
      "faq.category_updated",
      "faq.category_created",
    ]);
    const [translated, renamed] = entries;
    expect(auditDetails("de", renamed!.data)).toEqual([
      { label: "Name", value: `Gesundheit und Pflege ${uid}` },
      { label: "Name vorher", value: `Gesundheit ${uid}` },
    ]);
    expect(auditDetails("de", translated!.data)).toEqual([{ label: "Übersetzungen", value: "Ukrainisch" }]);
    expect(auditTargetLabel("de", renamed!)).toBe(`Gesundheit und Pflege ${uid}`);
  });
});
