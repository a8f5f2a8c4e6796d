import { describe, expect, it } from "vitest";
import { namespaceTranslator } from "@/lib/i18n/translator";
import { notificationText } from "./text";

const message = (params: Record<string, string>, count = 1) =>
  ({ kind: "message", params, count, actorName: "Markus Braun" }) as const;

describe("a new message's line", () => {
  it("names a group by its title, and a group without one as a group conversation, never as „“", () => {
    const de = namespaceTranslator("de", "notifications");
    expect(notificationText(de, message({ group: "yes", title: "Sprachcafé-Team" }))).toBe(
      "Neue Nachricht von Markus Braun in „Sprachcafé-Team“",
    );
    expect(notificationText(de, message({ group: "yes", title: "" }, 3))).toBe(
      "3 neue Nachrichten von Markus Braun in einer Gruppenunterhaltung",
    );
    expect(notificationText(de, message({ group: "no", title: "" }))).toBe("Neue Nachricht von Markus Braun");
  });

  it("says so in every language", () => {
    const untitled = message({ group: "yes", title: "" }, 2);
    expect(notificationText(namespaceTranslator("en", "notifications"), untitled)).toBe(
      "2 new messages from Markus Braun in a group conversation",
    );
    expect(notificationText(namespaceTranslator("uk", "notifications"), untitled)).toBe(
      "2 нові повідомлення від Markus Braun у груповій розмові",
    );
    expect(notificationText(namespaceTranslator("ar", "notifications"), untitled)).toBe(
      "رسالتان جديدتان من Markus Braun في محادثة جماعية",
    );
  });
});

describe("an event change's line", () => {
  const change = (params: Record<string, string>, count = 1) =>
    ({ kind: "event_change", params, count, actorName: null }) as const;

  it("names the one date that changed by its day in Berlin, and the event when several changes came together", () => {
    const de = namespaceTranslator("de", "notifications");
    // 23:30 UTC is already the next day in Berlin.
    const one = change({ title: "Sprechstunde", on: "2026-12-15T23:30:00.000Z" });
    expect(notificationText(de, one)).toBe("Geändert: „Sprechstunde“ am Mittwoch, 16. Dezember");
    expect(notificationText(namespaceTranslator("en", "notifications"), one)).toBe(
      "Changed: “Sprechstunde” on Wednesday, December 16",
    );
    expect(notificationText(de, { ...one, count: 2 })).toBe(
      "Die Veranstaltung „Sprechstunde“ wurde geändert",
    );
    expect(notificationText(de, change({ title: "Sprechstunde" }))).toBe(
      "Die Veranstaltung „Sprechstunde“ wurde geändert",
    );
  });
});
