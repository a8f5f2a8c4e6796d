import { env } from "@/lib/env";

/** The page the confirmation link opens (a button there makes the change). */
export const emailChangeLink = (token: string): string =>
  new URL(`/settings/account/confirm?token=${encodeURIComponent(token)}`, env.APP_URL).toString();
