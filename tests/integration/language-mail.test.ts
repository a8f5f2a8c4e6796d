import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/language/route";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { translatorFor } from "@/lib/i18n/translator";
import { requestDeletionAction } from "@/lib/privacy/actions";
import { redirectOf } from "../support/actions";
import { mailsTo } from "../support/event-factories";
import { createSession, createUser } from "../support/factories";
import { signInWith } from "../support/next-headers";

/** A click on a language link in a signed-in browser; `site` is what the browser says it came from. */
const switchTo = (locale: string, session: string, site: "same-origin" | "cross-site") =>
  GET(
    new NextRequest(`http://localhost:3000/language?set=${locale}`, {
      headers: {
        host: "localhost:3000",
        referer: site === "same-origin" ? "http://localhost:3000/home" : "https://elsewhere.example/",
        "sec-fetch-site": site,
        cookie: `authjs.session-token=${session}`,
      },
    }),
  );

const storedLocale = async (userId: string) => {
  const db = await getDb();
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return row?.locale;
};

describe("choosing a language while signed in", () => {
  it("writes the member's next e-mail in the language they switched to", async () => {
    const member = await createUser({ locale: "de" });
    const session = await createSession(member.id);
    const response = await switchTo("ar", session, "same-origin");
    expect(response.headers.get("set-cookie")).toContain("locale=ar");
    expect(await storedLocale(member.id)).toBe("ar");

    signInWith(session);
    try {
      await redirectOf(() => requestDeletionAction());
    } finally {
      signInWith(undefined);
    }
    const [mail] = await mailsTo(member.email);
    expect(mail?.subject).toBe(translatorFor("ar")("privacy.mail.subject"));
    expect(mail?.subject).not.toBe(translatorFor("de")("privacy.mail.subject"));
  });

  it("a language link on another site changes the page language only, not the account's", async () => {
    const member = await createUser({ locale: "de" });
    const response = await switchTo("uk", await createSession(member.id), "cross-site");
    expect(response.headers.get("set-cookie")).toContain("locale=uk");
    expect(await storedLocale(member.id)).toBe("de");
  });
});
