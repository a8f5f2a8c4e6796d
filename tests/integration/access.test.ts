import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { sessions, verificationTokens } from "@/db/schema";
import { findAccessState, mayReceiveSignInLink } from "@/lib/auth/data";
import { createSignInLink, hashToken, normalizeCode } from "@/lib/auth/tokens";
import { getViewerBySessionToken } from "@/lib/auth/viewer";
import { blockUser } from "@/lib/users/mutations";
import { createSession, createUser, uniqueEmail } from "../support/factories";

describe("getViewerBySessionToken", () => {
  it("knows the person behind a valid session", async () => {
    const user = await createUser({ name: "Amal Yousef", role: "coordinator", locale: "ar" });
    const token = await createSession(user.id);
    expect(await getViewerBySessionToken(token)).toEqual({
      id: user.id,
      name: "Amal Yousef",
      email: user.email,
      role: "coordinator",
      status: "approved",
      locale: "ar",
      needsConsent: false,
    });
  });

  it("lets a pending applicant in, to see the status of the application", async () => {
    const user = await createUser({ status: "pending" });
    expect(await getViewerBySessionToken(await createSession(user.id))).toMatchObject({ status: "pending" });
  });

  it("ignores an expired session", async () => {
    const user = await createUser();
    const token = await createSession(user.id, { expires: new Date(Date.now() - 1000) });
    expect(await getViewerBySessionToken(token)).toBeNull();
  });

  it("ignores an unknown token", async () => {
    expect(await getViewerBySessionToken(crypto.randomUUID())).toBeNull();
  });

  it("shuts out blocked and rejected people even with a live session", async () => {
    for (const status of ["blocked", "rejected"] as const) {
      const user = await createUser({ status });
      expect(await getViewerBySessionToken(await createSession(user.id))).toBeNull();
    }
  });

  it("signs a blocked member out at once", async () => {
    const admin = await createUser({ role: "admin" });
    const user = await createUser();
    const token = await createSession(user.id);
    await blockUser({ actorId: admin.id, userId: user.id });
    expect(await getViewerBySessionToken(token)).toBeNull();
    const db = await getDb();
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it("forgets the session after sign-out", async () => {
    const user = await createUser();
    const token = await createSession(user.id);
    const other = await createSession(user.id);
    const db = await getDb();
    await db.delete(sessions).where(eq(sessions.sessionToken, token));
    expect(await getViewerBySessionToken(token)).toBeNull();
    // signing out on one device leaves the others signed in
    expect(await getViewerBySessionToken(other)).not.toBeNull();
  });
});

describe("who may receive a sign-in link", () => {
  it("sends nothing to an unknown address", async () => {
    const state = await findAccessState(uniqueEmail());
    expect(state).toBeNull();
    expect(mayReceiveSignInLink(state)).toBe(false);
  });

  it("sends nothing to blocked or rejected people", async () => {
    for (const status of ["blocked", "rejected"] as const) {
      const user = await createUser({ status });
      expect(mayReceiveSignInLink(await findAccessState(user.email))).toBe(false);
    }
  });

  it("sends a link to applicants and members, whatever the case of the typed address", async () => {
    for (const status of ["pending", "approved"] as const) {
      const user = await createUser({ status, locale: "uk", emailVerified: null });
      const state = await findAccessState(`  ${user.email.toUpperCase()}`);
      expect(state).toEqual({ id: user.id, status, locale: "uk", emailVerified: null });
      expect(mayReceiveSignInLink(state)).toBe(true);
    }
  });
});

describe("createSignInLink", () => {
  async function storedTokens(email: string) {
    const db = await getDb();
    return db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email));
  }

  it("stores only a hash of the code that the mail shows", async () => {
    const email = uniqueEmail();
    const link = await createSignInLink({ email, callbackPath: "/application", kind: "code" });
    expect(link.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    const plain = normalizeCode(link.code!);

    const url = new URL(link.url);
    expect(url.origin).toBe("http://localhost:3000");
    expect(url.pathname).toBe("/api/auth/callback/nodemailer");
    expect(url.searchParams.get("token")).toBe(plain);
    expect(url.searchParams.get("email")).toBe(email);
    expect(url.searchParams.get("callbackUrl")).toBe("http://localhost:3000/application");

    const rows = await storedTokens(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token).toBe(hashToken(plain));
    expect(rows[0]!.token).not.toContain(plain);
    const db = await getDb();
    const leaked = await db
      .select()
      .from(verificationTokens)
      .where(and(eq(verificationTokens.identifier, email), eq(verificationTokens.token, plain)));
    expect(leaked).toHaveLength(0);
    // valid for 30 minutes
    const minutes = (rows[0]!.expires.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
  });

  it("gives invitations a long random token and no code", async () => {
    const email = uniqueEmail();
    const link = await createSignInLink({ email, callbackPath: "/home", kind: "invitation" });
    expect(link.code).toBeNull();
    const token = new URL(link.url).searchParams.get("token")!;
    expect(token.length).toBeGreaterThanOrEqual(40);
    const rows = await storedTokens(email);
    expect(rows.map((r) => r.token)).toEqual([hashToken(token)]);
    expect((rows[0]!.expires.getTime() - Date.now()) / 86_400_000).toBeGreaterThan(13.9);
  });

  it("draws codes from the unambiguous alphabet only", async () => {
    const email = uniqueEmail();
    const codes = await Promise.all(
      Array.from({ length: 20 }, () => createSignInLink({ email, callbackPath: "/", kind: "code" })),
    );
    const letters = new Set(codes.flatMap((c) => [...normalizeCode(c.code!)]));
    for (const ambiguous of ["0", "O", "1", "I", "L"]) expect(letters.has(ambiguous)).toBe(false);
    expect(new Set(codes.map((c) => c.code)).size).toBe(20);
  });

  it("accepts a code typed in lower case with dash and spaces", () => {
    expect(normalizeCode("k7p4-qx2m ")).toBe("K7P4QX2M");
    expect(normalizeCode(" K7P4 QX2M")).toBe("K7P4QX2M");
  });
});
