import { describe, expect, it, vi } from "vitest";
import { enterCodeAction } from "@/lib/auth/actions";
import { createSignInLink } from "@/lib/auth/tokens";
import { IDLE } from "@/lib/forms/state";
import { redirectTarget } from "../support/actions";
import { createUser } from "../support/factories";

// The actions module also signs out through Auth.js, which needs Next's server runtime: not used here.
vi.mock("@/lib/auth/config", () => ({ signOut: () => {} }));

function codeForm(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

/** The action's answer: its state, or "redirected:<url>" for the plain form post's redirect. */
async function enter(fields: Record<string, string>) {
  try {
    return await enterCodeAction(IDLE, codeForm(fields));
  } catch (error) {
    const target = redirectTarget(error);
    if (target !== null) return `redirected:${target}`;
    throw error;
  }
}

describe("signing in with the code from the mail", () => {
  it("says a wrong or malformed code beside the field, keeping what was typed, and lets the right one through", async () => {
    const member = await createUser();
    const { code } = await createSignInLink({ email: member.email, callbackPath: "/home", kind: "code" });
    const typed = code!.toLowerCase().replace("-", " ");

    expect(await enter({ email: member.email, code: "ZZZZ-ZZZZ" })).toMatchObject({
      status: "error",
      fieldErrors: { code: { key: "codeWrong" } },
      values: { email: member.email, code: "ZZZZ-ZZZZ" },
    });
    expect(await enter({ email: member.email, code: "K7P4" })).toMatchObject({
      fieldErrors: { code: { key: "codeFormat" } },
    });
    // the right code for another address is no code at all
    const other = await createUser();
    expect(await enter({ email: other.email, code: typed })).toMatchObject({
      fieldErrors: { code: { key: "codeWrong" } },
    });

    const outcome = await enter({ email: member.email, code: typed, next: "/forum?x=1" });
    expect(outcome).toMatch(/^redirected:http:\/\/localhost:3000\/api\/auth\/callback\/nodemailer\?/);
    const url = new URL(String(outcome).slice("redirected:".length));
    expect(url.searchParams.get("token")).toBe(code!.replace("-", ""));
    expect(url.searchParams.get("email")).toBe(member.email);
    expect(url.searchParams.get("callbackUrl")).toBe("http://localhost:3000/forum?x=1");
  });
});
