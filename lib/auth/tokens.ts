import "server-only";
import { createHash, randomBytes, randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { verificationTokens } from "@/db/schema";
import { env } from "@/lib/env";
import { CODE_LENGTH, normalizeCode } from "./tokens-format";

export const EMAIL_PROVIDER_ID = "nodemailer";
/** Sign-in and confirmation links; their token doubles as the short code typed on another device. */
export const SIGN_IN_MAX_AGE_SECONDS = 30 * 60;
export const INVITATION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

// No 0/O, 1/I/L: codes are read off a phone and typed elsewhere.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function generateCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export { normalizeCode };

export const formatCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** Same hashing as Auth.js's email callback, which verifies and consumes the token. */
export const hashToken = (token: string) =>
  createHash("sha256").update(`${token}${env.AUTH_SECRET}`).digest("hex");

export function callbackUrlFor(email: string, token: string, callbackPath: string): string {
  const params = new URLSearchParams({
    callbackUrl: new URL(callbackPath, env.APP_URL).toString(),
    token,
    email,
  });
  return new URL(`/api/auth/callback/${EMAIL_PROVIDER_ID}?${params}`, env.APP_URL).toString();
}

/** Stores a one-time token for the address and returns its sign-in link. */
export async function createSignInLink(input: {
  email: string;
  callbackPath: string;
  kind: "code" | "invitation";
}): Promise<{ url: string; code: string | null; expires: Date }> {
  const isCode = input.kind === "code";
  const token = isCode ? generateCode() : randomBytes(32).toString("base64url");
  const maxAge = isCode ? SIGN_IN_MAX_AGE_SECONDS : INVITATION_MAX_AGE_SECONDS;
  const expires = new Date(Date.now() + maxAge * 1000);
  const db = await getDb();
  await db.insert(verificationTokens).values({ identifier: input.email, token: hashToken(token), expires });
  return {
    url: callbackUrlFor(input.email, token, input.callbackPath),
    code: isCode ? formatCode(token) : null,
    expires,
  };
}

/** Whether this code was sent to this address and is still unused and in time (Auth.js consumes it). */
export async function isCodeValid(email: string, code: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ expires: verificationTokens.expires })
    .from(verificationTokens)
    .where(and(eq(verificationTokens.identifier, email), eq(verificationTokens.token, hashToken(code))))
    .limit(1);
  return Boolean(row && row.expires > new Date());
}
