import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { settings } from "@/db/schema";
import { sendApplicationDecisionEmail } from "@/emails/application-decision";
import { sendEventMail } from "@/emails/event-mails";
import { sendSignInEmail } from "@/emails/sign-in";
import { env } from "@/lib/env";
import { personalFeedResponse, publicFeedResponse } from "@/lib/events/feeds";
import { renewFeedToken } from "@/lib/events/mutations";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { notify } from "@/lib/notifications/mutations";
import { getContentVersions } from "@/lib/page-cache/data";
import { getMailSender, getNetworkBranding, getSetting } from "@/lib/settings/data";
import { processLogo } from "@/lib/settings/logo";
import { updateSettings } from "@/lib/settings/mutations";
import { auditEntriesFor, createPerson } from "../support/admin-factories";
import { createUser, uniqueEmail } from "../support/factories";
import { member, outboxTo } from "../support/messages-factories";

const KEYS = ["network.name", "mail.senderName", "mail.senderAddress", "forum.holdFirstPosts"] as const;
let snapshot: { key: string; value: unknown }[] = [];

// Settings are network-wide and other files share the database on PostgreSQL: restore them. Only
// this file names the network, so the tests below know which name mails carry.
afterAll(async () => {
  const db = await getDb();
  for (const key of KEYS) {
    const saved = snapshot.find((s) => s.key === key);
    if (saved) await db.update(settings).set({ value: saved.value }).where(eq(settings.key, key));
    else await db.delete(settings).where(eq(settings.key, key));
  }
});

describe("settings", () => {
  it("has typed defaults before anyone saved anything", async () => {
    expect(typeof (await getSetting("forum.holdFirstPosts"))).toBe("boolean");
  });

  it("admins save them; the change is logged; the forum reads holdFirstPosts", async () => {
    const db = await getDb();
    snapshot = await db.select({ key: settings.key, value: settings.value }).from(settings);
    const admin = await createPerson("admin");
    const settingsVersion = (await getContentVersions()).settings ?? 1;
    await updateSettings({
      actorId: admin.id,
      values: {
        "network.name": "Integrationsnetzwerk Burgenlandkreis",
        "mail.senderName": 'Netzwerk "BLK"',
        "mail.senderAddress": "netzwerk@blk.example",
        "forum.holdFirstPosts": true,
      },
    });
    expect(await getSetting("forum.holdFirstPosts")).toBe(true);
    // every cached visitor page (the name in its header) is renewed at once
    expect((await getContentVersions()).settings).toBeGreaterThan(settingsVersion);
    expect((await getNetworkBranding()).name).toBe("Integrationsnetzwerk Burgenlandkreis");
    // quotes in the name cannot break the From header
    expect(await getMailSender()).toBe('"Netzwerk BLK" <netzwerk@blk.example>');
    // a name alone goes with the server's address (MAIL_FROM), as the form's hint promises
    await updateSettings({ actorId: admin.id, values: { "mail.senderAddress": null } });
    expect(await getMailSender()).toBe(
      `"Netzwerk BLK" <${env.MAIL_FROM.match(/<([^<>]+)>/)?.[1] ?? env.MAIL_FROM}>`,
    );
    const [entry] = await auditEntriesFor(
      "network.name,mail.senderName,mail.senderAddress,forum.holdFirstPosts",
    );
    expect(entry).toMatchObject({ action: "settings.updated", actorId: admin.id });
  });

  it("coordinators and members cannot change settings", async () => {
    for (const role of ["member", "coordinator"] as const) {
      const person = await createPerson(role);
      await expect(
        updateSettings({ actorId: person.id, values: { "forum.holdFirstPosts": false } }),
      ).rejects.toMatchObject({ code: "not_found" });
    }
  });
});

describe("the network's name in mails and calendars", () => {
  /** Names the network (null: no name) for one test, as an admin would, and restores the name after. */
  async function withNetworkName(name: string | null, run: () => Promise<void>) {
    const before = await getSetting("network.name");
    const admin = await createPerson("admin");
    await updateSettings({ actorId: admin.id, values: { "network.name": name } });
    try {
      await run();
    } finally {
      await updateSettings({ actorId: admin.id, values: { "network.name": before } });
    }
  }

  async function signInMail(locale: "de" | "en") {
    const to = uniqueEmail();
    await sendSignInEmail({ to, locale, url: "http://localhost:3000/x", code: null, purpose: "signin" });
    return (await outboxTo(to))[0]!;
  }

  async function decisionMail() {
    const to = uniqueEmail();
    await sendApplicationDecisionEmail({ to, locale: "de", name: null, decision: "approved", reason: null });
    return (await outboxTo(to))[0]!;
  }

  async function notificationMail() {
    const actor = await member("Nora Netz");
    const reader = await member("Lars Leser");
    await notify({
      recipientIds: [reader.id],
      kind: "reply",
      actorId: actor.id,
      url: "/forum/t/1",
      subjectKey: `example:${crypto.randomUUID()}`,
      params: { title: "Deutschkurse" },
    });
    await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    return (await outboxTo(reader.email))[0]!;
  }

  async function eventReminder() {
    const to = uniqueEmail();
    const place = { format: "online", venue: null, address: null };
    await sendEventMail({
      kind: "reminder",
      to,
      locale: "de",
      name: null,
      title: "Sprachcafé",
      eventPath: "/events",
      when: null,
      place,
    });
    return (await outboxTo(to))[0]!;
  }

  /** The calendar names a calendar program shows: the public feed's and an English member's own. */
  async function calendarNames() {
    const nameOf = async (response: Response) =>
      new ICAL.Component(ICAL.parse(await response.text())).getFirstPropertyValue("x-wr-calname");
    const token = await renewFeedToken((await createUser({ locale: "en" })).id);
    return [await nameOf(await publicFeedResponse()), await nameOf(await personalFeedResponse(token))];
  }

  it("mails and calendars carry the name the admins gave the network", async () => {
    await withNetworkName("Netzwerk Ankommen Zeitz", async () => {
      const signIn = await signInMail("de");
      expect(signIn.subject).toBe("Ihr Anmeldelink für Netzwerk Ankommen Zeitz");
      expect(signIn.text).toContain("Netzwerk Ankommen Zeitz – Integrationsnetzwerk");
      expect(signIn.html).toContain("Anmelden bei Netzwerk Ankommen Zeitz");
      expect((await signInMail("en")).subject).toBe("Your sign-in link for Netzwerk Ankommen Zeitz");

      const decision = await decisionMail();
      expect(decision.subject).toBe("Willkommen bei Netzwerk Ankommen Zeitz");
      expect(decision.text).toContain("Netzwerk Ankommen Zeitz – Integrationsnetzwerk");

      const notification = await notificationMail();
      expect(notification.text).toContain("als Mitglied von Netzwerk Ankommen Zeitz");
      expect(`${notification.subject}${notification.text}`).not.toContain("Knotenpunkt");

      expect((await eventReminder()).text).toContain("bei Netzwerk Ankommen Zeitz für diese Veranstaltung");
      expect(await calendarNames()).toEqual([
        "Netzwerk Ankommen Zeitz – Veranstaltungen",
        "Netzwerk Ankommen Zeitz – my events",
      ]);
    });
  });

  it("without a name, mails and calendars say Knotenpunkt", async () => {
    await withNetworkName(null, async () => {
      const signIn = await signInMail("de");
      expect(signIn.subject).toBe("Ihr Anmeldelink für Knotenpunkt");
      expect(signIn.text).toContain("Knotenpunkt – Integrationsnetzwerk");
      expect((await signInMail("en")).subject).toBe("Your sign-in link for Knotenpunkt");
      expect((await decisionMail()).subject).toBe("Willkommen bei Knotenpunkt");
      expect((await notificationMail()).text).toContain("als Mitglied von Knotenpunkt");
      expect((await eventReminder()).text).toContain("bei Knotenpunkt für diese Veranstaltung");
      expect(await calendarNames()).toEqual(["Knotenpunkt – Veranstaltungen", "Knotenpunkt – my events"]);
    });
  });
});

describe("processLogo", () => {
  it("turns an image into a small PNG", async () => {
    const input = await sharp({ create: { width: 1200, height: 400, channels: 4, background: "#0b5394" } })
      .jpeg()
      .toBuffer();
    const logo = await processLogo(new Blob([new Uint8Array(input)]));
    expect(logo.height).toBeLessThanOrEqual(96);
    expect((await sharp(logo.data).metadata()).format).toBe("png");
  });

  it("refuses what is not an image (an SVG, text) by its content", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    await expect(processLogo(new Blob([svg]))).rejects.toMatchObject({ field: "logo", message: "logoType" });
    await expect(processLogo(new Blob(["hello"]))).rejects.toMatchObject({ message: "logoType" });
    await expect(processLogo(new Blob([]))).rejects.toMatchObject({ message: "logoRequired" });
  });
});
