import { describe, expect, it, vi } from "vitest";
import { IDLE } from "@/lib/forms/state";
import { signUpAction } from "@/lib/signup/actions";
import { redirectTarget } from "../support/actions";
import { signUpFormData, uniqueEmail } from "../support/factories";

// Its own client address: only this address's count (three per hour) is what this test reaches, not
// the per-client one other files' sign-ups add to.
vi.mock("next/headers", async () => {
  const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}-${crypto.randomUUID()}`;
  return {
    ...(await import("../support/next-headers")),
    headers: async () => new Headers({ "x-forwarded-for": ip }),
  };
});

/** Submits the sign-up form; resolves to the page it leads to, or the form's state. */
async function signUp(email: string) {
  const form = signUpFormData({ email });
  try {
    return await signUpAction(IDLE, form);
  } catch (error) {
    const target = redirectTarget(error);
    if (target === null) throw error;
    return target;
  }
}

describe("sign-up at its rate limit", () => {
  it("says so on the form and keeps everything typed", async () => {
    const email = uniqueEmail();
    // three per address and hour (RATE_LIMIT_SIGNUP_PER_ADDRESS)
    for (let i = 0; i < 3; i++) expect(await signUp(email)).toMatch(/^\/login\/check-email/);
    const refused = await signUp(email);
    expect(refused).toMatchObject({
      status: "error",
      formError: "signUpRateLimited",
      values: { name: "Olena Kovalenko", email, jobFunction: "Sozialarbeiterin", municipality: "Zeitz" },
    });
  });
});
