import { describe, expect, it } from "vitest";
import { auditActionLabel, auditDataFor, auditDetails, auditTargetLabel, auditTargetText } from "./utils";

describe("auditDetails", () => {
  it("reads a role change as translated label: value pairs, never JSON", () => {
    expect(auditDetails("de", { to: "coordinator", from: "member" })).toEqual([
      { label: "Nachher", value: "Koordination" },
      { label: "Vorher", value: "Mitglied" },
    ]);
    expect(auditDetails("en", { previousStatus: "pending" })).toEqual([
      { label: "Status before", value: "application open" },
    ]);
  });

  it("names a forum category and a working group by the names given, a vanished one by its id marked deleted", () => {
    expect(auditDetails("de", { categoryId: "c1", groupId: "g9" }, new Map([["c1", "Wohnen"]]))).toEqual([
      { label: "Kategorie", value: "Wohnen" },
      { label: "Arbeitsgruppe", value: "g9 (gelöscht)" },
    ]);
  });

  it("formats dates, numbers, flags, languages and people for the reader", () => {
    const details = auditDetails(
      "de",
      {
        at: "2026-12-24T17:30:00.000Z",
        rows: 1234,
        published: false,
        locale: "uk",
        userId: "u1",
        legalBasis: "legitimate_interest",
      },
      new Map([["u1", "Olena Kovalenko"]]),
    );
    expect(details).toEqual([
      { label: "Geplant für", value: "24.12.2026, 18:30" },
      { label: "Zeilen", value: "1.234" },
      { label: "Veröffentlicht", value: "nein" },
      { label: "Sprache", value: "Ukrainisch" },
      { label: "Person", value: "Olena Kovalenko" },
      { label: "Rechtsgrundlage", value: "Berechtigtes Interesse" },
    ]);
    expect(auditDetails("en", { rows: 1234 })[0]?.value).toBe("1,234");
  });

  it("names an event's format as the event form does, in every language", () => {
    expect(auditDetails("de", { format: "in_person" })).toEqual([
      { label: "Art der Veranstaltung", value: "Vor Ort" },
    ]);
    expect(auditDetails("en", { format: "online" })).toEqual([{ label: "Type of event", value: "Online" }]);
    expect(auditDetails("ar", { format: "in_person" })).toEqual([{ label: "نوع الفعالية", value: "حضوريًا" }]);
    expect(auditDetails("uk", { format: "in_person" })).toEqual([{ label: "Формат заходу", value: "Очно" }]);
    expect(auditDetails("de", { versions: 2 })).toEqual([{ label: "Entfernte Fassungen", value: "2" }]);
  });

  it("names settings by their labels, also nested ones", () => {
    expect(auditDetails("de", { "network.colors": { brand: "#0b5394", brandDark: "#073763" } })).toEqual([
      { label: "Farben", value: "Hauptfarbe: #0b5394, Dunkle Farbe: #073763" },
    ]);
    expect(auditTargetText("de", "settings", "legal.imprint")).toBe("Einstellungen: Impressum");
    expect(auditTargetText("en", "settings", "network.name,mail.senderName")).toBe(
      "Settings: Network name and Sender name",
    );
    expect(auditTargetText("de", "forum_post", "5")).toBe("Forumsbeitrag 5");
  });
});

describe("auditActionLabel", () => {
  it("labels nested action keys", () => {
    expect(auditActionLabel("de", "moderation.hide")).toBe("Gemeldeten Inhalt ausgeblendet");
    expect(auditActionLabel("uk", "forum.post.hidden")).toBe("Допис форуму приховано");
  });
});

describe("auditDataFor", () => {
  it("keeps a contact's address and an import's file for readers of the campaigns area only", () => {
    const removed = { targetType: "contact", data: { email: "erika@example.org" } };
    const upload = { targetType: "contact_import", data: { filename: "liste.csv", rows: 3 } };
    expect(auditDataFor(removed, { campaignsArea: true })).toEqual({ email: "erika@example.org" });
    expect(auditDataFor(removed, { campaignsArea: false })).toEqual({});
    expect(auditDataFor(upload, { campaignsArea: false })).toEqual({ rows: 3 });
    const role = { targetType: "user", data: { email: "new@example.org" } };
    expect(auditDataFor(role, { campaignsArea: false })).toEqual({ email: "new@example.org" });
  });
});

describe("auditTargetLabel", () => {
  it("joins a date's name and time with the reader's comma: '،' in Arabic", () => {
    const target = {
      targetType: "event_occurrence",
      targetId: "o1",
      targetName: "Sprechstunde",
      targetDeleted: false,
      targetStartsAt: new Date("2026-03-24T09:00:00Z"),
      targetCount: null,
      targetRef: null,
    };
    expect(auditTargetLabel("de", target)).toBe("Sprechstunde, 24.03.2026, 10:00");
    expect(auditTargetLabel("ar", target)).toMatch(/^Sprechstunde، /);
  });
});
