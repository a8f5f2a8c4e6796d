import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/** How long the link in the "delete my account" mail works. */
export const DELETION_LINK_HOURS = 24;

const sign = (payload: string) =>
  createHmac("sha256", env.AUTH_SECRET).update(`account-deletion:${payload}`).digest("base64url");

/**
 * A signed, expiring token for one account and its current address: once the account is erased
 * (the address is gone) or the address changes, the link stops working.
 */
export function createDeletionToken(input: { userId: string; email: string; now?: Date }): string {
  const expires = (input.now ?? new Date()).getTime() + DELETION_LINK_HOURS * 3600_000;
  const payload = `${input.userId}.${expires}`;
  return `${payload}.${sign(`${payload}.${input.email}`)}`;
}

/** The token's user id if it is genuine and not expired; the caller checks the address. */
export function readDeletionToken(
  token: string,
  now: Date = new Date(),
): { userId: string; expires: number } | null {
  const match = /^([\w-]{1,64})\.(\d{1,15})\.([\w-]{43})$/.exec(token);
  if (!match) return null;
  const [, userId, expires] = match as unknown as [string, string, string, string];
  if (Number(expires) < now.getTime()) return null;
  return { userId, expires: Number(expires) };
}

export function verifyDeletionToken(token: string, email: string, now: Date = new Date()): string | null {
  const read = readDeletionToken(token, now);
  if (!read) return null;
  const expected = Buffer.from(sign(`${read.userId}.${read.expires}.${email}`));
  const given = Buffer.from(token.slice(token.lastIndexOf(".") + 1));
  return expected.length === given.length && timingSafeEqual(expected, given) ? read.userId : null;
}
