import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ParticipantNames } from "./participant-names";

const people = [
  { id: "a", name: "Iryna Bondarenko", member: true },
  { id: "b", name: "Katrin Vogel", member: true },
  { id: "c", name: null, member: false },
];
const render = (locale: string, participants = people) =>
  renderToStaticMarkup(createElement(ParticipantNames, { locale, participants, formerMember: "–" }));
const text = (markup: string) => markup.replace(/<[^>]+>/g, "");

describe("the conversation's participants", () => {
  it("are joined as each language writes a list, not with a Latin comma", () => {
    expect(text(render("ar", people.slice(0, 2)))).toBe("Iryna Bondarenko وKatrin Vogel");
    expect(text(render("ar"))).toBe("Iryna Bondarenko وKatrin Vogel و–");
    expect(text(render("de"))).toBe("Iryna Bondarenko, Katrin Vogel und –");
    expect(text(render("uk", people.slice(0, 2)))).toBe("Iryna Bondarenko і Katrin Vogel");
  });

  it("keep each member's name a link to their profile, and a former member's without one", () => {
    expect(render("de")).toBe(
      '<a href="/members/a"><bdi>Iryna Bondarenko</bdi></a>, <a href="/members/b"><bdi>Katrin Vogel</bdi></a> und <bdi>–</bdi>',
    );
  });
});
