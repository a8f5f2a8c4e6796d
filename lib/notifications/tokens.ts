import "server-only";
import { createSignedToken, verifySignedToken } from "@/lib/auth/signed-token";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { isNotificationKind, type NotificationKind } from "./kinds";

/** "digest" turns off every kind a member gets in the daily digest. */
export type TurnOffScope = NotificationKind | "digest";

export type TurnOffToken = { userId: string; scope: TurnOffScope; version: number };

const PURPOSE = "notifications-off";

/** A link token that turns one kind of mail off without signing in; bumping the version revokes it. */
export const createTurnOffToken = (input: TurnOffToken): string =>
  createSignedToken(PURPOSE, [input.userId, input.scope, String(input.version)]);

export function verifyTurnOffToken(token: string | null | undefined): TurnOffToken | null {
  const parts = verifySignedToken(PURPOSE, token, 3);
  if (!parts) return null;
  const [userId = "", scope = "", version = ""] = parts;
  const parsedVersion = Number.parseInt(version, 10);
  if (!Number.isFinite(parsedVersion)) return null;
  if (scope !== "digest" && !isNotificationKind(scope)) return null;
  return { userId, scope, version: parsedVersion };
}

/**
 * The mail's "turn off" page, in the mail's language (`?lang=`, as hreflang links use it): it is often
 * opened signed out, in a phone's mail app whose browser speaks another language.
 */
export const turnOffUrl = (token: string, locale: Locale) => {
  const url = new URL("/notifications/off", env.APP_URL);
  url.searchParams.set("token", token);
  url.searchParams.set("lang", locale);
  return url.toString();
};

/** RFC 8058 one-click endpoint (List-Unsubscribe-Post). */
export const oneClickUrl = (token: string) => {
  const url = new URL("/notifications/unsubscribe", env.APP_URL);
  url.searchParams.set("token", token);
  return url.toString();
};
