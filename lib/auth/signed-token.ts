import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

const sign = (purpose: string, payload: string) =>
  createHmac("sha256", `${purpose}:${env.AUTH_SECRET}`).update(payload).digest("base64url");

/**
 * A link token that proves we issued `parts` for `purpose` (no database row needed). Parts must not
 * contain "|"; a token of one purpose is worthless for another.
 */
export function createSignedToken(purpose: string, parts: string[]): string {
  const payload = Buffer.from(parts.join("|")).toString("base64url");
  return `${payload}.${sign(purpose, payload)}`;
}

/** The parts, or null for anything forged, truncated, of another purpose or of the wrong shape. */
export function verifySignedToken(
  purpose: string,
  token: string | null | undefined,
  count: number,
): string[] | null {
  if (!token || token.length > 1024) return null;
  const [payload = "", signature = ""] = token.split(".");
  const expected = Buffer.from(sign(purpose, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const parts = Buffer.from(payload, "base64url").toString().split("|");
  return parts.length === count && parts.every(Boolean) ? parts : null;
}
