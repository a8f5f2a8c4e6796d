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
