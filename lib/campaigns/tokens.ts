import "server-only";
import { createSignedToken, verifySignedToken } from "@/lib/auth/signed-token";
import { env } from "@/lib/env";

const UNSUBSCRIBE = "campaign-unsubscribe";
// A test mail's links are signed for their own purpose: no edit of the token makes them unsubscribe.
const UNSUBSCRIBE_TEST = "campaign-unsubscribe-test";
const CONFIRM = "newsletter-confirm";

/**
 * Who unsubscribes, and from which campaign's mail (for its report). `test`: the link came in a test
 * mail ("[Test]" to the coordinator), which unsubscribes nobody and counts nowhere.
 */
export type UnsubscribeToken = { email: string; campaignId: string; test?: boolean };

export const createUnsubscribeToken = (input: UnsubscribeToken): string =>
  createSignedToken(input.test ? UNSUBSCRIBE_TEST : UNSUBSCRIBE, [
    input.email.toLowerCase(),
    input.campaignId,
  ]);

export function verifyUnsubscribeToken(token: string | null | undefined): UnsubscribeToken | null {
  const parts = verifySignedToken(UNSUBSCRIBE, token, 2);
  if (parts) return { email: parts[0]!, campaignId: parts[1]!, test: false };
  const test = verifySignedToken(UNSUBSCRIBE_TEST, token, 2);
  return test ? { email: test[0]!, campaignId: test[1]!, test: true } : null;
}

const withToken = (path: string, token: string): string => {
  const url = new URL(path, env.APP_URL);
  url.searchParams.set("token", token);
  return url.toString();
};

/** RFC 8058 (List-Unsubscribe): a POST here unsubscribes at once; a GET leads to the page. */
export const unsubscribeUrl = (token: string): string => withToken("/api/unsubscribe", token);

/** The page with a single button, linked in every campaign mail's footer. */
export const unsubscribePageUrl = (token: string): string => withToken("/unsubscribe", token);

/** How long the double opt-in link of a newsletter sign-up works. */
export const CONFIRM_DAYS = 7;

/** The double opt-in link of a newsletter sign-up, with the moment it was issued. */
export const createConfirmToken = (contactId: string, now = Date.now()): string =>
  createSignedToken(CONFIRM, [contactId, String(now)]);

/** The contact a confirmation link names, or null for a forged link or one older than CONFIRM_DAYS. */
export function verifyConfirmToken(token: string | null | undefined, now = Date.now()): string | null {
  const [contactId, issued] = verifySignedToken(CONFIRM, token, 2) ?? [];
  const age = now - Number(issued);
  return contactId && age >= 0 && age <= CONFIRM_DAYS * 86_400_000 ? contactId : null;
}

export const confirmUrl = (token: string): string => withToken("/newsletter/confirm", token);
