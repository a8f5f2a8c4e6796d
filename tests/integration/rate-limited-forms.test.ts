import { describe, expect, it, vi } from "vitest";
import { requestEmailChangeAction, resendEmailChangeAction } from "@/lib/account/actions";
import { enterCodeAction, requestSignInLinkAction } from "@/lib/auth/actions";
import { subscribeAction } from "@/lib/campaigns/actions";
import { accessibilityFeedbackAction } from "@/lib/feedback/actions";
import { type FormState, IDLE } from "@/lib/forms/state";
import { namespaceTranslator } from "@/lib/i18n/translator";
import { hitRateLimits } from "@/lib/rate-limit/mutations";
import { callbackLimits, feedbackLimits } from "@/lib/rate-limit/policies";
import { requestUserEmailChangeAction } from "@/lib/users/actions";
import { actAs } from "../support/actions";
import { createPerson } from "../support/admin-factories";
import { createSession, createUser, uniqueEmail } from "../support/factories";
import { form } from "../support/forms";

// A client address of this file's own: the per-client counts reached here are not the ones other
// files add to (on PostgreSQL they share one database).
const ip = vi.hoisted(() => `198.51.100.7-${crypto.randomUUID()}`);
vi.mock("next/headers", async () => ({
  ...(await import("../support/next-headers")),
  headers: async () => new Headers({ "x-forwarded-for": ip }),
}));
// The sign-in actions' module also signs out through Auth.js, which needs Next's server runtime.
vi.mock("@/lib/auth/config", () => ({ signOut: () => {} }));

/** Reaches a limit as earlier requests from this client would have. */
async function exhaust(checks: { key: string; limit: number; windowSeconds: number }[]) {
  const most = Math.max(...checks.map((c) => c.limit));
  for (let i = 0; i < most; i++) await hitRateLimits(checks);
}

/**
 * The refused form's message as it reads in German and English (`namespace`: where the form looks its
 * messages up), after checking it is the rate limit's, with whole minutes up to the window's.
 */
function said(state: unknown, windowMinutes: number, namespace = "errors"): string[] {
  const refused = state as Extract<FormState, { status: "error" }>;
  expect(refused.formError).toBe("tooManyRequests");
  const minutes = refused.formErrorValues?.minutes ?? 0;
  expect(minutes).toBeGreaterThan(windowMinutes - 5);
  expect(minutes).toBeLessThanOrEqual(windowMinutes);
  return (["de", "en"] as const).map((locale) =>
    namespaceTranslator(locale, namespace)("tooManyRequests", { minutes }),
  );
}

describe("a form at its rate limit", () => {
  it("keeps accessibility feedback typed (up to 5,000 characters) and says how long to wait", async () => {
    const typed = {
      message: `Die Kontraste im Kalender sind zu schwach. ${"Ausführlich beschrieben. ".repeat(190)}`,
      pageUrl: "/events",
      name: "Petra Lang",
      email: "petra@example.net",
    };
    expect(typed.message.length).toBeGreaterThan(4_500);
    await exhaust(feedbackLimits(ip));
    const refused = await actAs(undefined, () => accessibilityFeedbackAction(IDLE, form(typed)));
    expect(refused).toMatchObject({ status: "error", values: typed });
    const [de, en] = said(refused, 60);
    expect(de).toMatch(/^Zu viele Versuche in kurzer Zeit\. Ihre Angaben sind noch da: .* in \d+ Minuten/);
    expect(en).toMatch(/What you entered is still here: please send the form again in \d+ minutes\.$/);
  });

  it("keeps a newsletter sign-up typed, in the newsletter's own messages", async () => {
    const typed = { email: uniqueEmail(), name: "Jonas Berger", consent: "on" };
    // three per address and hour (RATE_LIMIT_SIGNUP_PER_ADDRESS)
    for (let i = 0; i < 3; i++)
      expect(await actAs(undefined, () => subscribeAction(IDLE, form(typed)))).toBe(
        "redirected:/newsletter?sent=1",
      );
    const refused = await actAs(undefined, () => subscribeAction(IDLE, form(typed)));
    expect(refused).toMatchObject({ status: "error", values: typed });
    expect(said(refused, 60, "newsletter.errors")[0]).toMatch(/Ihre Angaben sind noch da/);
  });

  it("keeps the address asked for a sign-in link, and where to go after", async () => {
    const typed = { email: uniqueEmail(), next: "/forum?x=1" };
    // five per address and quarter of an hour (RATE_LIMIT_SIGNIN_PER_ADDRESS)
    for (let i = 0; i < 5; i++)
      expect(await actAs(undefined, () => requestSignInLinkAction(IDLE, form(typed)))).toMatch(
        /^redirected:\/login\/check-email\?/,
      );
    const refused = await actAs(undefined, () => requestSignInLinkAction(IDLE, form(typed)));
    expect(refused).toMatchObject({ status: "error", values: typed });
    expect(said(refused, 15)[1]).toMatch(/in \d+ minutes\.$/);
  });

  it("keeps the address and code typed on the code form", async () => {
    const typed = { email: uniqueEmail(), code: "K7P4-QX2M" };
    await exhaust(callbackLimits(ip));
    const refused = await actAs(undefined, () => enterCodeAction(IDLE, form(typed)));
    expect(refused).toMatchObject({ status: "error", fieldErrors: {}, values: typed });
    said(refused, 15);
  });

  it("keeps the new address a member typed; a new link asked for too often is refused beside it", async () => {
    const member = await createUser();
    const session = await createSession(member.id);
    const typed = { email: uniqueEmail() };
    const ask = () => actAs(session, () => requestEmailChangeAction(IDLE, form(typed)));
    // three per new address and hour (RATE_LIMIT_SIGNUP_PER_ADDRESS)
    for (let i = 0; i < 3; i++)
      expect(await ask()).toBe("redirected:/settings/account?sent=1#pending-heading");
    const refused = await ask();
    expect(refused).toMatchObject({ status: "error", values: typed });
    said(refused, 60);

    // The button under the pending address: no form to keep, the page says how long to wait.
    const resent = await actAs(session, () => resendEmailChangeAction());
    expect(resent).toMatch(/^redirected:\/settings\/account\?wait=\d+#pending-heading$/);
    const minutes = Number(/wait=(\d+)/.exec(String(resent))?.[1]);
    expect(minutes).toBeGreaterThan(55);
    expect(minutes).toBeLessThanOrEqual(60);
  });

  it("keeps the address a coordinator typed for a member", async () => {
    const coordinator = await createPerson("coordinator");
    const session = await createSession(coordinator.id);
    const member = await createUser();
    const typed = { userId: member.id, email: uniqueEmail() };
    const correct = () => actAs(session, () => requestUserEmailChangeAction(IDLE, form(typed)));
    for (let i = 0; i < 3; i++) expect(await correct()).toMatch(/^redirected:\/admin\/users\//);
    const refused = await correct();
    expect(refused).toMatchObject({ status: "error", values: typed });
    said(refused, 60);
  });
});
