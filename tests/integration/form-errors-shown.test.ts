// What admin and sign-in forms show after a submission: the state their server action returned, as
// the server renders it into the page again (without JavaScript that page is all there is).
import { describe, expect, it, vi } from "vitest";
import { CodeForm } from "@/lib/auth/components/code-form";
import { CampaignForm } from "@/lib/campaigns/components/campaign-form";
import { FaqCategoryForm } from "@/lib/faq/components/faq-category-form";
import type { FormState } from "@/lib/forms/state";
import { CategoryEditor, GroupCreator, MemberAdder } from "@/lib/groups/components/admin-forms";
import { MESSAGES } from "@/lib/i18n/messages";
import { CaptionsForm } from "@/lib/videos/components/captions-form";
import { renderWithState as render } from "../support/render-with-state";

vi.mock("@/lib/auth/config", () => ({ signOut: () => {} }));

// The state an action returned, as React hands it to the form that sent it.
vi.mock("react", (original) => import("../support/action-state").then((m) => m.reactWithState(original)));

const failed = (state: Partial<Extract<FormState, { status: "error" }>>): FormState => ({
  status: "error",
  fieldErrors: {},
  values: {},
  ...state,
});

/** The text of the element with this role, or null. */
const alertText = (html: string) =>
  html.match(/role="alert"[^>]*>(.*?)<\/div>/)?.[1]?.replace(/<[^>]+>/g, "") ?? null;

const category = {
  id: "c1",
  name: "Ehrenamt",
  description: "",
  translations: {},
  color: "#0b5394",
  visibility: "members",
  groupId: null,
  position: 0,
};

describe("a saved category's form, folded away on its admin page", () => {
  it("opens after a failed save, so the errors beside the fields are seen", () => {
    const forum = render(
      CategoryEditor,
      { category, groups: [] },
      failed({ fieldErrors: { name: { key: "required" } } }),
    );
    expect(forum).toMatch(/<details[^>]* open=""/);
    const faq = render(
      FaqCategoryForm,
      { category: { id: "f1", names: { de: "Arbeit" } } },
      failed({ fieldErrors: { nameDe: { key: "required" } } }),
    );
    expect(faq).toMatch(/<details[^>]* open=""/);
  });

  it("opens after a forum category was saved, so the notice is seen", () => {
    expect(render(CategoryEditor, { category, groups: [] }, { status: "success" })).toMatch(
      /<details[^>]* open=""/,
    );
  });
});

describe("an error about the whole form", () => {
  it("is said above the form", () => {
    const gone = failed({ formError: "categoryGone" });
    expect(
      alertText(render(FaqCategoryForm, { category: { id: "f1", names: { de: "Arbeit" } } }, gone)),
    ).toBe("Dieses Thema gibt es nicht mehr.");
    expect(alertText(render(CaptionsForm, { videoId: "v1" }, failed({ formError: "videoGone" })))).toBe(
      "Dieses Video gibt es nicht mehr.",
    );
    const generic = failed({ formError: "generic" });
    const tryAgain = MESSAGES.de.errors.generic;
    expect(alertText(render(CategoryEditor, { category, groups: [] }, generic))).toBe(tryAgain);
    expect(alertText(render(GroupCreator, { submissionKey: crypto.randomUUID() }, generic))).toBe(tryAgain);
    expect(alertText(render(MemberAdder, { groupId: "g1", groupName: "Sprache" }, generic))).toBe(tryAgain);
    expect(alertText(render(CodeForm, { email: "a@example.org", next: null }, generic))).toBe(tryAgain);
  });
});

describe("a working group's description that is too long", () => {
  it("is said beside the field, which is marked invalid", () => {
    const html = render(
      GroupCreator,
      { submissionKey: crypto.randomUUID() },
      failed({ fieldErrors: { description: { key: "tooLong", values: { max: 500 } } } }),
    );
    expect(html).toContain('id="group-description-error"');
    expect(html).toContain("Bitte höchstens 500 Zeichen.");
    expect(html).toMatch(/<input[^>]*aria-describedby="group-description-error"[^>]*aria-invalid="true"/);
  });
});

const options = { roles: [], topics: [], languages: [], municipalities: [], organisationTypes: [] };
const campaignForm = { kind: "broadcast" as const, options, count: 0, previews: {} };

describe("the campaign form", () => {
  it("links the audience's error to its fieldset and marks it invalid", () => {
    const html = render(
      CampaignForm,
      campaignForm,
      failed({ fieldErrors: { audience: { key: "audienceEmpty" } } }),
    );
    expect(html).toMatch(
      /<fieldset[^>]*aria-describedby="audience-error audience-count"[^>]*aria-invalid="true"/,
    );
    expect(html).toContain('id="audience-error"');
  });

  it.each([
    ["en", "{{name|Dear colleagues}}"],
    ["uk", "{{name|Шановні колеги}}"],
  ] as const)("shows a fallback for the name in the page's language (%s)", (locale, sample) => {
    const html = render(CampaignForm, campaignForm, null, locale);
    expect(html).toContain(sample);
    expect(html).not.toContain("Kolleg*innen");
  });
});
