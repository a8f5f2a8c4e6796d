import { describe, expect, it } from "vitest";
import { namespaceTranslator, translatorFor } from "@/lib/i18n/translator";
import { conversationTitle, lastMessageLine } from "./text";

const t = (locale: "ar" | "de" | "en" | "uk") =>
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
  removedBy: null,
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
    expect(lastMessageLine(t("de"), { ...last, deleted: true, removedBy: "author" }, "a")).toBe(
      "Diese Nachricht wurde entfernt.",
    );
  });
  it("says when the coordinators removed it, in every language; its author's own delete reads as before", () => {
    const byCoordination = { ...last, deleted: true, removedBy: "moderator" as const };
    expect(lastMessageLine(t("de"), byCoordination, "a")).toBe(
      "Diese Nachricht wurde von der Koordination entfernt.",
    );
    expect(lastMessageLine(t("de"), byCoordination, "b")).toBe(
      "Diese Nachricht wurde von der Koordination entfernt.",
    );
    for (const locale of ["en", "ar", "uk"] as const) {
      expect(lastMessageLine(t(locale), byCoordination, "a")).toBe(
        translatorFor(locale)("messages.removedByCoordination"),
      );
      expect(translatorFor(locale)("messages.removedByCoordination")).not.toBe(
        translatorFor(locale)("messages.removed"),
      );
    }
  });
});

describe("a group's title without a name of its own", () => {
  const names = ["Anna Berg", "Bernd Ott", "Clara Weiß", "Dieter Yilmaz"];
  /** The title of a group of the viewer and `memberCount - 1` others, of whom the first `shown` are named. */
  const title = (locale: "ar" | "de" | "en" | "uk", shown: number, memberCount: number) =>
    conversationTitle(t(locale), locale, {
      kind: "group",
      title: null,
      names: names.slice(0, shown),
      memberCount,
    });
  // What a reader sees: the isolation marks around each name are invisible.
  const seen = (text: string) => text.replace(/[\u2068\u2069]/g, "");

  it("lists the members as German writes a list, then how many more", () => {
    expect(seen(title("de", 2, 3))).toBe("Gruppe: Anna Berg und Bernd Ott");
    expect(seen(title("de", 3, 4))).toBe("Gruppe: Anna Berg, Bernd Ott und Clara Weiß");
    expect(seen(title("de", 2, 4))).toBe("Gruppe: Anna Berg, Bernd Ott und 1 weitere Person");
    expect(seen(title("de", 4, 8))).toBe(
      "Gruppe: Anna Berg, Bernd Ott, Clara Weiß, Dieter Yilmaz und 3 weitere Personen",
    );
  });

  it("in English", () => {
    expect(seen(title("en", 2, 3))).toBe("Group: Anna Berg and Bernd Ott");
    expect(seen(title("en", 2, 4))).toBe("Group: Anna Berg, Bernd Ott, and 1 other person");
    expect(seen(title("en", 4, 8))).toBe(
      "Group: Anna Berg, Bernd Ott, Clara Weiß, Dieter Yilmaz, and 3 other people",
    );
  });

  it("in Arabic, joined with و and with the count in its plural form, each name isolated", () => {
    expect(title("ar", 2, 3)).toBe("مجموعة: \u2068Anna Berg\u2069 و\u2068Bernd Ott\u2069");
    expect(seen(title("ar", 2, 4))).toBe("مجموعة: Anna Berg وBernd Ott وشخص آخر");
    expect(seen(title("ar", 2, 5))).toBe("مجموعة: Anna Berg وBernd Ott وشخصان آخران");
    expect(seen(title("ar", 4, 8))).toBe(
      "مجموعة: Anna Berg وBernd Ott وClara Weiß وDieter Yilmaz و3 أشخاص آخرين",
    );
    expect(seen(title("ar", 4, 16))).toBe(
      "مجموعة: Anna Berg وBernd Ott وClara Weiß وDieter Yilmaz و11 شخصًا آخر",
    );
    expect(seen(title("ar", 4, 105))).toBe(
      "مجموعة: Anna Berg وBernd Ott وClara Weiß وDieter Yilmaz و100 شخص آخر",
    );
  });

  it("in Ukrainian, with the count in its plural form", () => {
    expect(seen(title("uk", 2, 3))).toBe("Група: Anna Berg і Bernd Ott");
    expect(seen(title("uk", 2, 4))).toBe("Група: Anna Berg, Bernd Ott і ще 1 особа");
    expect(seen(title("uk", 4, 8))).toBe(
      "Група: Anna Berg, Bernd Ott, Clara Weiß, Dieter Yilmaz і ще 3 особи",
    );
    expect(seen(title("uk", 4, 10))).toBe(
      "Група: Anna Berg, Bernd Ott, Clara Weiß, Dieter Yilmaz і ще 5 осіб",
    );
  });

  it("keeps a title of its own, names a direct conversation after the other member", () => {
    const base = { names: ["Anna Berg"], memberCount: 2 };
    expect(conversationTitle(t("de"), "de", { ...base, kind: "group", title: "AK Wohnen" })).toBe(
      "AK Wohnen",
    );
    expect(conversationTitle(t("ar"), "ar", { ...base, kind: "direct", title: null })).toBe("Anna Berg");
    expect(conversationTitle(t("de"), "de", { kind: "group", title: null, names: [], memberCount: 1 })).toBe(
      "Niemand mehr außer Ihnen",
    );
  });
});
