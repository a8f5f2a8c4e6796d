import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { isNotificationKind, type NotificationKind } from "./kinds";

/** "digest" turns off every kind a member gets in the daily digest. */
export type TurnOffScope = NotificationKind | "digest";

export type TurnOffToken = { userId: string; scope: TurnOffScope; version: number };

const sign = (payload: string) =>
  createHmac("sha256", `notifications-off:${env.AUTH_SECRET}`).update(payload).digest("base64url");

/** A link token that turns one kind of mail off without signing in; bumping the version revokes it. */
export function createTurnOffToken(input: TurnOffToken): string {
  const payload = Buffer.from(`${input.userId}|${input.scope}|${input.version}`).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

export function verifyTurnOffToken(token: string | null | undefined): TurnOffToken | null {
  if (!token || token.length > 512) return null;
  const [payload = "", signature = ""] = token.split(".");
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [userId = "", scope = "", version = ""] = Buffer.from(payload, "base64url").toString().split("|");
  const parsedVersion = Number.parseInt(version, 10);
  if (!userId || !Number.isFinite(parsedVersion)) return null;
  if (scope !== "digest" && !isNotificationKind(scope)) return null;
  return { userId, scope, version: parsedVersion };
}

export const turnOffUrl = (token: string) => {
  const url = new URL("/notifications/off", env.APP_URL);
  url.searchParams.set("token", token);
  return url.toString();
};

/** RFC 8058 one-click endpoint (List-Unsubscribe-Post). */
export const oneClickUrl = (token: string) => {
  const url = new URL("/notifications/unsubscribe", env.APP_URL);
  url.searchParams.set("token", token);
  return url.toString();
};
