import { describe, expect, it } from "vitest";
import { namespaceTranslator, translatorFor } from "@/lib/i18n/translator";
import { lastMessageLine } from "./text";

const t = (locale: "ar" | "de") =>
  namespaceTranslator(locale, "messages") as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
const last = {
  senderId: "b",
  senderName: "Katrin Vogel",
  kind: "text" as const,
  body: "Ja, **Donnerstag** passt!",
  deleted: false,
};

describe("the line under a conversation in the list", () => {
  it("isolates the name and the excerpt, so a German sentence keeps its '!' at its end in Arabic", () => {
    expect(lastMessageLine(t("ar"), last, "a")).toBe(
      "\u2068Katrin Vogel\u2069: \u2068Ja, Donnerstag passt!\u2069",
    );
    expect(lastMessageLine(t("ar"), last, "b")).toBe("\u2068أنت\u2069: \u2068Ja, Donnerstag passt!\u2069");
  });
  it("says who left, and that a message was removed", () => {
    expect(lastMessageLine(t("de"), { ...last, kind: "left" }, "a")).toBe(
      "\u2068Katrin Vogel\u2069 hat die Gruppe verlassen.",
    );
    expect(lastMessageLine(t("de"), { ...last, deleted: true }, "a")).toBe(
      translatorFor("de")("messages.removed"),
    );
  });
});
