// Signing in on a new device: the site opens in the account's language (the one its mails use),
// unless this browser chose a language itself. (Auth.js itself cannot load under vitest: its
// callback's answer is stood in for by a response that does or does not start a session.)
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { withAccountLocale } from "@/lib/auth/account-locale";
import { createUser } from "../support/factories";

const SESSION = "authjs.session-token=abc123; Path=/; HttpOnly; SameSite=Lax";

async function signIn(options: { locale: "uk" | "ar"; cookie?: string; setCookie?: string }) {
  const member = await createUser({ locale: options.locale });
  const url = `http://localhost:3000/api/auth/callback/nodemailer?callbackUrl=%2Fhome&token=t&email=${encodeURIComponent(member.email.toUpperCase())}`;
  const request = new NextRequest(url, { headers: options.cookie ? { cookie: options.cookie } : {} });
  const answer = new Response(null, { status: 302, headers: { location: "/home" } });
  answer.headers.append("set-cookie", options.setCookie ?? SESSION);
  const response = await withAccountLocale(request, answer);
  return { response, cookies: response.headers.getSetCookie() };
}

describe("signing in on a new device", () => {
  it("opens the site in the account's language when the browser has chosen none", async () => {
    const { response, cookies } = await signIn({ locale: "uk" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/home");
    expect(cookies).toContain(SESSION);
    expect(cookies).toContainEqual(expect.stringMatching(/^locale=uk; Path=\/; Max-Age=31536000/));
  });

  it("keeps a language chosen on this browser", async () => {
    const { cookies } = await signIn({ locale: "ar", cookie: "locale=en" });
    expect(cookies).toEqual([SESSION]);
  });

  it("sets nothing when the link did not sign anyone in", async () => {
    const { cookies } = await signIn({ locale: "uk", setCookie: "authjs.session-token=; Max-Age=0" });
    expect(cookies.filter((c) => c.startsWith("locale="))).toEqual([]);
  });
});
