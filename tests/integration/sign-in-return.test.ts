import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { consents, devOutbox } from "@/db/schema";
import { requestSignInLinkAction } from "@/lib/auth/actions";
import { requireUser } from "@/lib/auth/viewer";
import { IDLE } from "@/lib/forms/state";
import { redirectOf } from "../support/actions";
import { createSession, createUser } from "../support/factories";
import { signInWith } from "../support/next-headers";

// The request as proxy.ts hands it on: the session cookie and the path of the page asked for.
const request = vi.hoisted(() => ({ path: null as string | null }));
vi.mock("next/headers", async () => {
  const support = await import("../support/next-headers");
  const { REQUEST_PATH_HEADER } = await import("@/lib/auth/next-path");
  return {
    ...support,
    headers: async () =>
      new Headers({
        // a client address of its own per call: the per-address limit is what counts here
        "x-forwarded-for": `10.${Math.floor(Math.random() * 250)}.0.${Math.floor(Math.random() * 250)}`,
        ...(request.path ? { [REQUEST_PATH_HEADER]: request.path } : {}),
      }),
  };
});

// next-auth itself does not load outside Next; the action only needs its signOut.
vi.mock("@/lib/auth/config", () => ({ signOut: async () => {} }));

afterEach(() => {
  request.path = null;
  signInWith(undefined);
});

describe("requireUser for a visitor", () => {
  it("sends them to the login with the page asked for, query included", async () => {
    request.path = "/messages?conversation=7";
    expect(await redirectOf(() => requireUser())).toBe("/login?next=%2Fmessages%3Fconversation%3D7");
    request.path = "/events/new";
    expect(await redirectOf(() => requireUser())).toBe("/login?next=%2Fevents%2Fnew");
  });

  it("keeps the login plain for the default landing and for a path that is not this site's", async () => {
    for (const path of ["/home", "//evil.example/home", "/\\evil.example", null]) {
      request.path = path;
      expect(await redirectOf(() => requireUser()), String(path)).toBe("/login");
    }
  });

  it("still sends a signed-in applicant to the application status", async () => {
    const applicant = await createUser({ status: "pending" });
    signInWith(await createSession(applicant.id));
    request.path = "/messages";
    expect(await redirectOf(() => requireUser())).toBe("/application");
  });
});

describe("requireUser for a member asked to accept a new privacy policy version", () => {
  it("sends them to accept it, carrying the page asked for when it is this site's", async () => {
    const member = await createUser();
    const db = await getDb();
    await db
      .insert(consents)
      .values({ userId: member.id, kind: "privacy_policy", policyVersion: "2000-01-01" });
    signInWith(await createSession(member.id));
    request.path = "/admin/signups?page=2";
    expect(await redirectOf(() => requireUser())).toBe(
      "/settings/privacy/accept?next=%2Fadmin%2Fsignups%3Fpage%3D2",
    );
    for (const path of ["//evil.example/home", "/\\evil.example", null]) {
      request.path = path;
      expect(await redirectOf(() => requireUser()), String(path)).toBe("/settings/privacy/accept");
    }
  });
});

/** Asks for a sign-in link from the login form; returns the redirect and the mailed link's callbackUrl. */
async function requestLink(email: string, next?: string) {
  const form = new FormData();
  form.set("email", email);
  if (next !== undefined) form.set("next", next);
  const redirect = await redirectOf(() => requestSignInLinkAction(IDLE, form));
  const db = await getDb();
  const [mail] = await db.select({ text: devOutbox.text }).from(devOutbox).where(eq(devOutbox.to, email));
  const link = mail?.text.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\?\S+/)?.[0];
  if (!link) throw new Error(`no sign-in link mailed to ${email}`);
  return { redirect, callbackUrl: new URL(link).searchParams.get("callbackUrl") };
}

describe("requestSignInLinkAction", () => {
  it("mails a member a link back to the page asked for, and hands the page on to the code form", async () => {
    const member = await createUser();
    const { redirect, callbackUrl } = await requestLink(member.email, "/forum/t/12/slug#post-40");
    expect(callbackUrl).toBe("http://localhost:3000/forum/t/12/slug#post-40");
    const checkEmail = new URL(redirect, "http://localhost:3000");
    expect(checkEmail.pathname).toBe("/login/check-email");
    expect(checkEmail.searchParams.get("email")).toBe(member.email);
    expect(checkEmail.searchParams.get("next")).toBe("/forum/t/12/slug#post-40");
  });

  it("ignores a page on another host and falls back to the default landing", async () => {
    for (const next of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
    ]) {
      const member = await createUser();
      const { redirect, callbackUrl } = await requestLink(member.email, next);
      expect(callbackUrl, next).toBe("http://localhost:3000/home");
      expect(new URL(redirect, "http://localhost:3000").searchParams.has("next"), next).toBe(false);
    }
  });

  it("sends an applicant to the application status wherever they were going", async () => {
    const applicant = await createUser({ status: "pending" });
    const { callbackUrl } = await requestLink(applicant.email, "/messages");
    expect(callbackUrl).toBe("http://localhost:3000/application");
  });

  it("without a page, leads a member to the default landing", async () => {
    const member = await createUser();
    const { redirect, callbackUrl } = await requestLink(member.email);
    expect(callbackUrl).toBe("http://localhost:3000/home");
    expect(redirect).toBe(`/login/check-email?${new URLSearchParams({ email: member.email })}`);
  });
});
