import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { sendSignInEmail } from "@/emails/sign-in";
import { env } from "@/lib/env";
import { findAccessState, mayReceiveSignInLink } from "./data";
import { DEFAULT_LANDING, safeNextPath } from "./next-path";
import { EMAIL_PROVIDER_ID, formatCode, generateCode, SIGN_IN_MAX_AGE_SECONDS } from "./tokens";

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const EXPECTED_AUTH_ERRORS = new Set(["Verification", "AccessDenied"]);

/** E-mail link provider; Auth.js's own sign-in endpoint sends through the same templates as /login. */
const emailProvider: EmailConfig = {
  id: EMAIL_PROVIDER_ID,
  type: "email",
  name: "E-Mail",
  from: env.MAIL_FROM,
  maxAge: SIGN_IN_MAX_AGE_SECONDS,
  generateVerificationToken: generateCode,
  async sendVerificationRequest({ identifier, url, token }) {
    const state = await findAccessState(identifier);
    if (!state) return;
    await sendSignInEmail({
      to: identifier,
      locale: state.locale,
      url,
      code: formatCode(token),
      purpose: "signin",
    });
  },
  options: {},
};

export const { handlers, auth, signOut } = NextAuth(async () => {
  const db = await getDb();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
      // biome-ignore lint/suspicious/noExplicitAny: our tables carry extra columns the adapter's types do not know
    } as any),
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
    providers: [emailProvider],
    pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login/error" },
    logger: {
      // An expired, replayed or refused link is an everyday event with its own page, not a server error.
      error(error) {
        if (EXPECTED_AUTH_ERRORS.has(error.name)) return;
        console.error("[auth]", error);
      },
    },
    callbacks: {
      // Only paths on this site (the callbackUrl of mailed links, on APP_URL, and of the code form).
      redirect({ url, baseUrl }) {
        const origin = [baseUrl, new URL(env.APP_URL).origin].find((o) => url.startsWith(`${o}/`));
        const path = origin ? url.slice(origin.length) : url;
        return `${baseUrl}${safeNextPath(path) ?? DEFAULT_LANDING}`;
      },
      // Nobody gets an account by signing in: only applicants and members may, and never blocked or rejected people.
      async signIn({ user, email }) {
        const state = user.email ? await findAccessState(user.email) : null;
        if (mayReceiveSignInLink(state)) return true;
        return email?.verificationRequest ? "/login/check-email" : false;
      },
    },
  };
});
