import {
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  expect,
  type Locator,
  type Page,
} from "@playwright/test";
import { createTranslator } from "next-intl";
import type { Locale } from "../../../lib/i18n/config";
import { MESSAGES } from "../../../lib/i18n/messages";
import { linkIn, SIGN_IN_LINK, waitForMail } from "./mailbox";
import { appPort } from "./ports";

export type { Locale };
export { expect };

/**
 * The app's own strings, formatted the way the app formats them (ICU plurals included). `{network}`
 * (mail subjects, footers) is the product's name, as in a network that has not named itself: the one
 * spec that names it restores the name before anything else runs.
 */
export const tr = (locale: Locale = "de") => {
  const t = createTranslator({ locale, messages: MESSAGES[locale], timeZone: "Europe/Berlin" });
  const network = t("shell.siteName");
  // Only where a message names the network: a value given to a rich-text message without one ("<link>")
  // makes the translator format its tags, which it cannot here.
  const namesNetwork = (key: string) => {
    const raw: unknown = t.has(key as never) ? t.raw(key as never) : undefined;
    return typeof raw === "string" && raw.includes("{network}");
  };
  return new Proxy(t, {
    apply: (target, self, [key, values, formats]) =>
      Reflect.apply(target, self, [key, namesNetwork(key) ? { network, ...values } : values, formats]),
  });
};

/** A rich-text message ("Ich habe die <link>…</link> gelesen") as the reader sees it. */
export const plain = (message: string) => message.replace(/<\/?[a-z]+>/g, "");

export const COORDINATOR = "koordination@example.org";
export const MEMBER = "mitglied@example.org";
export const APPLICANT = "bewerbung@example.org";

/**
 * The coordinator's signed-in browser state, saved once per run by coordinator.setup.ts: the address
 * may ask for only five sign-in links per 15 minutes, and nearly every spec needs the coordinator.
 */
export const COORDINATOR_STATE = `test-results/port-${appPort()}/coordinator-state.json`;

let counter = 0;
/** Specs share one server and database: every person a spec creates gets an address of their own. */
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}@e2e.example.org`;
}
export const uniqueSuffix = () => Math.random().toString(36).slice(2, 7).toUpperCase();
/** A unique suffix without digits: a name made with it can be @mentioned like a real one. */
export const uniqueLetters = () => uniqueSuffix().replace(/\d/g, (d) => "GHIJKLMNOP"[Number(d)]!);

/** The language a page is shown in, read from `<html lang>`. */
export async function pageLocale(page: Page): Promise<Locale> {
  const lang = await page.locator("html").getAttribute("lang");
  return lang === "en" || lang === "ar" || lang === "uk" ? lang : "de";
}

/** The session cookie Auth.js sets over plain http. */
export async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  if (!cookie) throw new Error("No session cookie: not signed in");
  return cookie;
}

/** A Berlin date `days` from today, as a date input wants it ("2026-12-05"). */
export const dayFromNow = (days: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(
    new Date(Date.now() + days * 86_400_000),
  );

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Asks for a sign-in link at /login and waits for the check-email page (the mail is sent before it shows). */
export async function requestSignInLink(page: Page, email: string) {
  await page.goto("/login");
  const t = tr(await pageLocale(page));
  await page.getByLabel(t("login.email"), { exact: true }).fill(email);
  await page.getByRole("button", { name: t("login.submit") }).click();
  // The request answers once the mail is sent. On PGlite, which serves one query at a time, another
  // spec's long write kept the button at "Wird gesendet …" for over 10 s once in CI.
  await expect(page.getByRole("heading", { level: 1, name: t("checkEmail.title") })).toBeVisible({
    timeout: 20_000,
  });
}

/** Asks for a sign-in link, then opens the link from the mail. Returns the mail. */
export async function signInAs(page: Page, email: string) {
  const since = Date.now();
  await requestSignInLink(page, email);
  // The sign-in mail, not another one that reached the same person meanwhile (feedback to admins, say).
  const mail = await waitForMail(email, { since, text: SIGN_IN_LINK });
  await page.goto(linkIn(mail));
  return mail;
}

/** Signs out with the header's button and waits for the landing page. */
export async function signOut(page: Page) {
  const t = tr(await pageLocale(page));
  await page.getByRole("button", { name: t("shell.signOut") }).click();
  await expect(
    page
      .getByRole("navigation", { name: t("shell.mainNav") })
      .getByRole("link", { name: t("shell.navLogin") }),
  ).toBeVisible();
}

/** Waits until React has taken over the element (it has attached its fiber to the DOM node). */
export async function waitForHydration(locator: Locator) {
  await expect
    .poll(() =>
      locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactFiber"))),
    )
    .toBe(true);
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Records every request the page makes; `assertNone()` fails if any went to another host. A load the
 * Content-Security-Policy blocked never becomes a request, so the browser's report of it counts too.
 */
export function noThirdPartyRequests(page: Page) {
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!/^(https?|wss?):$/.test(url.protocol)) return; // data:, blob:, about:
    if (!LOCAL_HOSTS.has(url.hostname)) foreign.push(`${request.method()} ${request.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      foreign.push(`blocked by CSP: ${message.text()}`);
    }
  });
  return {
    assertNone: () => expect(foreign, "requests to hosts other than localhost").toEqual([]),
  };
}

type TestFixtures = {
  /** Opens a page in a fresh browser context (another person, or the same person on another device). */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  /** A page signed in as the coordinator (koordination@example.org). */
  coordinator: Page;
};

export const test = base.extend<TestFixtures & { thirdPartyGuard: undefined }>({
  // Every page of the default context is watched for requests to other hosts.
  thirdPartyGuard: [
    async ({ context }, use) => {
      const guards: ReturnType<typeof noThirdPartyRequests>[] = [];
      context.on("page", (page) => guards.push(noThirdPartyRequests(page)));
      await use(undefined);
      for (const guard of guards) guard.assertNone();
    },
    { auto: true },
  ],

  newPage: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    const guards: ReturnType<typeof noThirdPartyRequests>[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({ baseURL, locale: "de-DE", ...options });
      contexts.push(context);
      const page = await context.newPage();
      guards.push(noThirdPartyRequests(page));
      return page;
    });
    for (const context of contexts) await context.close();
    for (const guard of guards) guard.assertNone();
  },

  coordinator: async ({ newPage }, use) => {
    await use(await newPage({ storageState: COORDINATOR_STATE }));
  },
});
