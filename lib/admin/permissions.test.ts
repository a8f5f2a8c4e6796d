import { describe, expect, it } from "vitest";
import { CAPABILITIES, type Capability, may } from "./permissions";

const PEOPLE = {
  visitor: null,
  applicant: { role: "member", status: "pending" },
  member: { role: "member", status: "approved" },
  coordinator: { role: "coordinator", status: "approved" },
  admin: { role: "admin", status: "approved" },
  blockedAdmin: { role: "admin", status: "blocked" },
} as const;

// The specification, written out by hand: who may do what in the admin area.
const EXPECTED: Record<Capability, (keyof typeof PEOPLE)[]> = {
  "dashboard.view": ["coordinator", "admin"],
  "users.view": ["coordinator", "admin"],
  "users.block": ["coordinator", "admin"],
  "users.resendInvitation": ["coordinator", "admin"],
  "users.organisations": ["coordinator", "admin"],
  "users.email": ["coordinator", "admin"],
  "users.changeRole": ["admin"],
  "users.delete": ["admin"],
  "audit.view": ["coordinator", "admin"],
  "feedback.view": ["coordinator", "admin"],
  "settings.edit": ["admin"],
  "campaigns.manage": ["coordinator", "admin"],
};

describe("admin authorisation matrix", () => {
  it("covers every capability", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(CAPABILITIES).sort());
  });
  for (const [capability, allowed] of Object.entries(EXPECTED) as [Capability, string[]][]) {
    for (const [who, person] of Object.entries(PEOPLE)) {
      it(`${capability}: ${who} ${allowed.includes(who) ? "may" : "may not"}`, () => {
        expect(may(person, capability)).toBe(allowed.includes(who));
      });
    }
  }
});
