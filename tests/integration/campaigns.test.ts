// Campaigns end to end below the browser: segments, double opt-in, sending through a real SMTP peer,
// the headers a mail client sees, one-click unsubscribe, suppression, the welcome sequence and who
// may do what. lib/env.ts reads SMTP_URL at import: the modules are imported after it is set.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import {
  type CampaignAudience,
  campaignDeliveries,
  campaigns,
  newsletterContacts,
  suppressions,
} from "@/db/schema";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";
import { createMember, createSession, createUser, uniqueEmail } from "../support/factories";
import { type SmtpCapture, startSmtpCapture, stopSmtpCapture } from "../support/smtp-capture";

let smtp: SmtpCapture;
let app: {
  mutations: typeof import("@/lib/campaigns/mutations");
  subscriptions: typeof import("@/lib/campaigns/subscriptions");
  audience: typeof import("@/lib/campaigns/audience");
  tokens: typeof import("@/lib/campaigns/tokens");
  jobs: typeof import("@/lib/campaigns/jobs");
  data: typeof import("@/lib/campaigns/data");
  runQueuedJobs: typeof import("@/lib/jobs/testing").runQueuedJobs;
  unsubscribeRoute: typeof import("@/app/api/unsubscribe/route");
  countRoute: typeof import("@/app/api/admin/campaigns/count/route");
  previewRoute: typeof import("@/app/api/admin/campaigns/preview/route");
};

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  vi.resetModules();
  app = {
    mutations: await import("@/lib/campaigns/mutations"),
    subscriptions: await import("@/lib/campaigns/subscriptions"),
    audience: await import("@/lib/campaigns/audience"),
    tokens: await import("@/lib/campaigns/tokens"),
    jobs: await import("@/lib/campaigns/jobs"),
    data: await import("@/lib/campaigns/data"),
    runQueuedJobs: (await import("@/lib/jobs/testing")).runQueuedJobs,
    unsubscribeRoute: await import("@/app/api/unsubscribe/route"),
    countRoute: await import("@/app/api/admin/campaigns/count/route"),
    previewRoute: await import("@/app/api/admin/campaigns/preview/route"),
  };
});

afterAll(() => stopSmtpCapture(smtp));

const NONE: CampaignAudience = {
  members: false,
  roles: [],
  topics: [],
  languages: [],
  municipalities: [],
  organisationTypes: [],
  contacts: false,
};
// Test files share one PostgreSQL database: this combination of filters only matches this file's rows.
const SEGMENT: CampaignAudience = {
  ...NONE,
  members: true,
  roles: ["admin"],
  topics: ["women", "culture_sport"],
  languages: ["prs"],
  municipalities: ["Gleina"],
};
const inSegment = (name: string, extra: { locale?: "de" | "ar" | "en" | "uk" } = {}) =>
  createMember({
    name,
    role: "admin",
    locale: extra.locale,
    profile: { topics: ["women"], languages: ["prs", "de"], municipality: "Gleina" },
  });

async function recipientsOf(audience: CampaignAudience): Promise<string[]> {
  const query = app.audience.recipientsQuery(audience);
  if (!query) return [];
  const db = await getDb();
  return rowsOf<{ email: string }>(await db.execute(sql`select email from (${query}) r`)).map((r) => r.email);
}

const versions = (de: string, extra: Record<string, string> = {}) => ({
  subjectDe: `Rundbrief ${de}`,
  bodyDe: "Hallo {{name|zusammen}},\n\nes gibt **Neues**: [Programm](https://example.org/programm).",
  ...extra,
});

async function draft(actorId: string, audience: CampaignAudience, extra: Record<string, string> = {}) {
  const title = `Kampagne ${crypto.randomUUID().slice(0, 8)}`;
  return app.mutations.saveCampaign({
    actorId,
    data: { kind: "broadcast", title, ...audience, ...versions(title, extra) } as never,
  });
}

const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));
const sendAll = () => app.runQueuedJobs({ names: ["campaigns.send", "campaigns.tick"], dueWithinMs: 0 });

describe("segments", () => {
  it("combine their filters: one match within a list, every list must match; hidden fields never count", async () => {
    const match = await inSegment("Passt Genau");
    const otherTopic = await createMember({
      role: "admin",
      profile: { topics: ["culture_sport"], languages: ["prs"], municipality: "Gleina" },
    });
    const wrongTown = await createMember({
      role: "admin",
      profile: { topics: ["women"], languages: ["prs"], municipality: "Zeitz" },
    });
    const member = await createMember({
      role: "member",
      profile: { topics: ["women"], languages: ["prs"], municipality: "Gleina" },
    });
    const hidden = await createMember({
      role: "admin",
      profile: { topics: ["women"], languages: ["prs"], municipality: "Gleina" },
      visibility: { languages: 2 },
    });
    const pending = await createMember({
      role: "admin",
      status: "pending",
      profile: { topics: ["women"], languages: ["prs"], municipality: "Gleina" },
    });
    const emails = await recipientsOf(SEGMENT);
    expect(emails).toContain(match.email);
    expect(emails).toContain(otherTopic.email); // culture_sport is in the topic list too
    for (const left of [wrongTown, member, hidden, pending]) expect(emails).not.toContain(left.email);
    expect(await app.audience.countRecipients(SEGMENT)).toBe(emails.length);
  });

  it("count live while the form changes, for coordinators only", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser({ role: "member" });
    const form = new FormData();
    form.set("members", "on");
    form.append("roles", "admin");
    form.append("topics", "women");
    form.append("languages", "prs");
    form.append("municipalities", "Droyßig");
    const ask = async (userId: string) =>
      app.countRoute.POST(
        new Request("http://localhost/api/admin/campaigns/count", {
          method: "POST",
          body: form,
          headers: { cookie: `authjs.session-token=${await createSession(userId)}` },
        }),
      );
    const before = (await (await ask(coordinator.id)).json()) as { count: number };
    await createMember({
      role: "admin",
      profile: { topics: ["women"], languages: ["prs"], municipality: "Droyßig" },
    });
    const after = (await (await ask(coordinator.id)).json()) as { count: number };
    expect(after.count).toBe(before.count + 1);
    expect((await ask(member.id)).status).toBe(404);
  });

  it("reach confirmed subscribers only, each address once, never a suppressed one", async () => {
    const confirmed = uniqueEmail();
    const unconfirmed = uniqueEmail();
    const db = await getDb();
    await db.insert(newsletterContacts).values([
      { email: confirmed, status: "confirmed" },
      { email: unconfirmed, status: "pending" },
    ]);
    const both = await inSegment("Auch Abonniert");
    await db.insert(newsletterContacts).values({ email: both.email, status: "confirmed" });
    const suppressed = await inSegment("Abgemeldet");
    await db.insert(suppressions).values({ email: suppressed.email, reason: "unsubscribed" });

    const emails = await recipientsOf({ ...SEGMENT, contacts: true });
    expect(emails).toContain(confirmed);
    expect(emails).not.toContain(unconfirmed);
    expect(emails.filter((e) => e === both.email)).toHaveLength(1);
    expect(emails).not.toContain(suppressed.email);
  });
});

describe("newsletter sign-up (double opt-in)", () => {
  it("mails a confirmation link; only the confirmed address receives campaigns", async () => {
    const email = uniqueEmail();
    await app.subscriptions.subscribe({ email, name: "Neue Leserin", locale: "de" });
    const [mail] = mailsTo(email);
    expect(mail?.subject).toBe("Bitte bestätigen Sie Ihre Newsletter-Anmeldung");
    expect(mail?.text).toContain("Der Link gilt 7 Tage lang.");
    const link = /http:\/\/localhost:3000\/newsletter\/confirm\?token=\S+/.exec(mail!.text)?.[0];
    expect(link).toBeDefined();
    expect(await recipientsOf({ ...NONE, contacts: true })).not.toContain(email);

    // A forged or altered token confirms nothing.
    const token = new URL(link!).searchParams.get("token")!;
    expect(app.tokens.verifyConfirmToken(`${token}x`)).toBeNull();
    expect(app.tokens.verifyConfirmToken(token.replace(/^./, (c) => (c === "a" ? "b" : "a")))).toBeNull();

    // The link works for a week, not for ever.
    const day = 86_400_000;
    expect(app.tokens.verifyConfirmToken(token, Date.now() + 6 * day)).not.toBeNull();
    expect(app.tokens.verifyConfirmToken(token, Date.now() + 8 * day)).toBeNull();

    expect(await app.subscriptions.findConfirmation(token)).toEqual({ email, confirmed: false });
    const contactId = app.tokens.verifyConfirmToken(token)!;
    expect(await app.subscriptions.confirmSubscription(contactId)).toBe(true);
    expect(await recipientsOf({ ...NONE, contacts: true })).toContain(email);
    // Opened again, the link says the address is confirmed already instead of asking again.
    expect(await app.subscriptions.findConfirmation(token)).toEqual({ email, confirmed: true });

    // Signing up again once confirmed sends nothing more.
    await app.subscriptions.subscribe({ email, locale: "de" });
    expect(mailsTo(email)).toHaveLength(1);
  });
});

describe("sending a campaign", () => {
  it("reaches every recipient in their language, with one-click unsubscribe headers and a stable Message-ID", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const anna = await inSegment("Anna Beispiel");
    const samir = await inSegment("Samir Haddad", { locale: "ar" });
    const olena = await inSegment("Olena Test", { locale: "uk" });
    const { id } = await draft(coordinator.id, SEGMENT, {
      subjectAr: "نشرة إخبارية",
      bodyAr: "مرحبا {{name}}",
    });
    await app.mutations.startCampaign({ actorId: coordinator.id, campaignId: id });
    await sendAll();

    const [toAnna] = mailsTo(anna.email);
    expect(toAnna?.text).toContain("Hallo Anna Beispiel,");
    expect(toAnna?.text).toContain("Programm (https://example.org/programm)");
    expect(toAnna?.html).toContain("<strong>Neues</strong>");
    expect(toAnna?.html).not.toMatch(/<img/i); // no tracking pixel
    const list = JSON.stringify(toAnna?.headers.get("list"));
    expect(list).toContain("/api/unsubscribe?token=");
    expect(list).toContain("One-Click");
    const db = await getDb();
    const [row] = await db
      .select()
      .from(campaignDeliveries)
      .where(sql`${campaignDeliveries.campaignId} = ${id} and ${campaignDeliveries.email} = ${anna.email}`);
    expect(toAnna?.headers.get("message-id")).toBe(`<${row!.id}.campaign@localhost>`);
    expect(row?.status).toBe("sent");

    const [toSamir] = mailsTo(samir.email);
    expect(toSamir?.subject).toBe("نشرة إخبارية");
    expect(toSamir?.html).toContain('dir="rtl"');
    expect(toSamir?.text).toContain("مرحبا Samir Haddad");
    // No Ukrainian version: German.
    expect(mailsTo(olena.email)[0]?.subject).toMatch(/^Rundbrief /);

    const progress = await app.data.campaignProgress(id);
    expect(progress).toMatchObject({ status: "sent", failed: 0, pending: 0, percent: 100 });
    expect(progress!.sent).toBe(progress!.total);
    // The campaign list shows the same progress.
    let page = await app.data.listBroadcasts();
    // Other files' campaigns may be newer: page back until this one shows.
    while (!page.items.some((c) => c.id === id) && page.older) {
      page = await app.data.listBroadcasts({ before: page.older });
    }
    const listed = page.items.find((c) => c.id === id);
    expect(listed).toMatchObject({ total: progress!.total, settled: progress!.total });
    expect(listed!.total).toBeGreaterThanOrEqual(3);
  });

  it("one-click unsubscribe by POST stops every later campaign; a forged token is refused", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const leaving = await inSegment("Geht Jetzt");
    const staying = await inSegment("Bleibt Hier");
    const first = await draft(coordinator.id, SEGMENT);
    await app.mutations.startCampaign({ actorId: coordinator.id, campaignId: first.id });
    await sendAll();
    const header = JSON.stringify(mailsTo(leaving.email)[0]?.headers.get("list"));
    const url = /http:\/\/localhost:3000\/api\/unsubscribe\?token=[^"\\>]+/.exec(header)![0];

    const forged = url.replace(/token=./, "token=X");
    const refused = await app.unsubscribeRoute.POST(
      new Request(forged, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }),
    );
    expect(refused.status).toBe(400);

    const response = await app.unsubscribeRoute.POST(
      new Request(url, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }),
    );
    expect(response.status).toBe(200);
    const second = await draft(coordinator.id, SEGMENT);
    await app.mutations.startCampaign({ actorId: coordinator.id, campaignId: second.id });
    await sendAll();
    expect(mailsTo(leaving.email)).toHaveLength(1);
    expect(mailsTo(staying.email)).toHaveLength(2);
    expect((await app.data.campaignProgress(first.id))?.unsubscribed).toBe(1);

    // Their data export says which campaign reached them and since when they are unsubscribed.
    const { exportUserData } = await import("@/lib/privacy/data");
    const exported = (await exportUserData({ userId: leaving.id })).campaignMail as {
      received: { campaign: string; status: string }[];
      unsubscribedSince: Date | null;
    };
    expect(exported.received).toEqual([expect.objectContaining({ status: "sent" })]);
    expect(exported.unsubscribedSince).not.toBeNull();

    const page = app.unsubscribeRoute.GET(new Request(url));
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toMatch(/^\/unsubscribe\?token=/);
  });

  it("tells each contact in the footer why they receive it: subscribed, or imported on which basis", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const db = await getDb();
    const contacts = await db
      .insert(newsletterContacts)
      .values([
        { email: uniqueEmail(), status: "confirmed", legalBasis: "consent" },
        {
          email: uniqueEmail(),
          status: "confirmed",
          legalBasis: "consent",
          importId: "import-1",
          locale: "en",
        },
        {
          email: uniqueEmail(),
          status: "confirmed",
          legalBasis: "legitimate_interest",
          importId: "import-1",
        },
      ])
      .returning();
    // The outbox is written here: an audience of all contacts would reach other test files' rows.
    const { id } = await draft(coordinator.id, NONE, { subjectEn: "Newsletter", bodyEn: "Hello" });
    await db
      .insert(campaignDeliveries)
      .values(contacts.map((c) => ({ campaignId: id, email: c.email, locale: c.locale, contactId: c.id })));
    await app.mutations.startCampaign({ actorId: coordinator.id, campaignId: id });
    await sendAll();
    const [subscribed, importedWithConsent, importedByInterest] = contacts.map(
      (c) => mailsTo(c.email)[0]?.text ?? "",
    );
    expect(subscribed).toContain("weil Sie den Newsletter des Netzwerks abonniert haben");
    expect(importedWithConsent).toContain("because you allowed the network to send you news");
    expect(importedWithConsent).not.toContain("subscribed");
    expect(importedByInterest).toContain("Sie können dem jederzeit widersprechen.");
    expect(importedByInterest).not.toContain("abonniert");
  });

  it("never mails an address again that the server refused for good (550 User unknown)", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const gone = await inSegment("Gibt Es Nicht");
    const alsoGone = await inSegment("Gibt Es Auch Nicht");
    const here = await inSegment("Gibt Es");
    for (const { email } of [gone, alsoGone]) smtp.unknownRecipients.add(email);
    const first = await draft(coordinator.id, SEGMENT);
    try {
      await app.mutations.startCampaign({ actorId: coordinator.id, campaignId: first.id });
      await sendAll();
    } finally {
      for (const { email } of [gone, alsoGone]) smtp.unknownRecipients.delete(email);
    }
    // One reason for both, though the server named each address in its reply.
    expect(await app.data.campaignFailures(first.id)).toEqual({
      reasons: [{ reason: "550 5.1.1 …: Recipient address rejected: User unknown", count: 2 }],
      others: 0,
    });
    // A bounce is not an unsubscription in the report.
    expect((await app.data.campaignProgress(first.id))?.unsubscribed).toBe(0);
    const db = await getDb();
    const [suppressed] = await db.select().from(suppressions).where(eq(suppressions.email, gone.email));
    expect(suppressed).toMatchObject({ reason: "bounced", campaignId: first.id });

    const second = await draft(coordinator.id, SEGMENT);
    await app.mutations.startCampaign({ actorId: coordinator.id, campaignId: second.id });
    await sendAll();
    expect(mailsTo(here.email)).toHaveLength(2);
    expect(mailsTo(gone.email)).toHaveLength(0);
    expect(mailsTo(alsoGone.email)).toHaveLength(0);
    expect(await app.data.campaignFailures(second.id)).toEqual({ reasons: [], others: 0 });
  });

  it("gives up only addresses whose mailbox is gone: a full mailbox, spam or policy refusal fails this mail only", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const refusals = [
      { code: 552, text: "5.2.2 Mailbox full", suppressed: false },
      { code: 554, text: "5.7.1 Message rejected as spam", suppressed: false },
      { code: 550, text: "5.7.1 Sender not authorised", suppressed: false },
      { code: 554, text: "Transaction failed: content rejected", suppressed: false },
      { code: 550, text: "5.2.1 Mailbox disabled", suppressed: true },
      { code: 553, text: "Mailbox name not allowed", suppressed: true },
    ];
    const people = await Promise.all(refusals.map((_, i) => inSegment(`Abgewiesen ${i}`)));
    for (const [i, p] of people.entries()) smtp.refuseRecipients.set(p.email, refusals[i]!);
    const first = await draft(coordinator.id, SEGMENT);
    try {
      await app.mutations.startCampaign({ actorId: coordinator.id, campaignId: first.id });
      await sendAll();
    } finally {
      smtp.refuseRecipients.clear();
    }
    const db = await getDb();
    const rows = await db
      .select()
      .from(campaignDeliveries)
      .where(eq(campaignDeliveries.campaignId, first.id));
    for (const [i, person] of people.entries()) {
      const row = rows.find((r) => r.email === person.email);
      // Refused for good either way: failed at once with the server's reason, not tried again.
      expect(row).toMatchObject({ status: "failed", attempts: 1 });
      expect(row!.error).toContain(refusals[i]!.text);
      const [suppressed] = await db.select().from(suppressions).where(eq(suppressions.email, person.email));
      expect(suppressed?.reason, `${refusals[i]!.code} ${refusals[i]!.text}`).toBe(
        refusals[i]!.suppressed ? "bounced" : undefined,
      );
    }

    const second = await draft(coordinator.id, SEGMENT);
    await app.mutations.startCampaign({ actorId: coordinator.id, campaignId: second.id });
    await sendAll();
    expect(people.map((p) => mailsTo(p.email).length)).toEqual(refusals.map((r) => (r.suppressed ? 0 : 1)));
  });

  it("pauses, resumes and cancels; a scheduled campaign starts when its time comes", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const reader = await inSegment("Liest Später");
    const paused = await draft(coordinator.id, SEGMENT);
    await app.mutations.startCampaign({ actorId: coordinator.id, campaignId: paused.id });
    await app.mutations.changeCampaignStatus({
      actorId: coordinator.id,
      campaignId: paused.id,
      transition: "pause",
    });
    await sendAll();
    const subjectOf = async (id: string) => (await app.data.getCampaign(id))!.versions.de!.subject;
    const pausedSubject = await subjectOf(paused.id);
    expect(mailsTo(reader.email).filter((m) => m.subject === pausedSubject)).toHaveLength(0);
    await app.mutations.changeCampaignStatus({
      actorId: coordinator.id,
      campaignId: paused.id,
      transition: "resume",
    });
    await sendAll();
    expect(mailsTo(reader.email).filter((m) => m.subject === pausedSubject)).toHaveLength(1);
    expect((await app.data.getCampaign(paused.id))?.status).toBe("sent");

    const cancelled = await draft(coordinator.id, SEGMENT);
    await app.mutations.startCampaign({ actorId: coordinator.id, campaignId: cancelled.id });
    await app.mutations.changeCampaignStatus({
      actorId: coordinator.id,
      campaignId: cancelled.id,
      transition: "cancel",
    });
    await sendAll();
    const cancelledSubject = await subjectOf(cancelled.id);
    expect(mailsTo(reader.email).filter((m) => m.subject === cancelledSubject)).toHaveLength(0);

    const later = await draft(coordinator.id, SEGMENT);
    await expect(
      app.mutations.startCampaign({
        actorId: coordinator.id,
        campaignId: later.id,
        at: new Date(Date.now() - 60_000),
      }),
    ).rejects.toMatchObject({ message: "inPast" });
    await app.mutations.startCampaign({
      actorId: coordinator.id,
      campaignId: later.id,
      at: new Date(Date.now() + 3_600_000),
    });
    expect((await app.data.getCampaign(later.id))?.status).toBe("scheduled");
    const db = await getDb();
    await db
      .update(campaigns)
      .set({ scheduledAt: new Date(Date.now() - 1000) })
      .where(eq(campaigns.id, later.id));
    await app.jobs.tickCampaigns();
    await sendAll();
    const laterSubject = await subjectOf(later.id);
    expect(mailsTo(reader.email).filter((m) => m.subject === laterSubject)).toHaveLength(1);
  });

  it("refuses members: they cannot create, send or pause a campaign", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser({ role: "member" });
    await expect(draft(member.id, SEGMENT)).rejects.toMatchObject({ message: "notAllowed" });
    const { id } = await draft(coordinator.id, SEGMENT);
    await expect(app.mutations.startCampaign({ actorId: member.id, campaignId: id })).rejects.toMatchObject({
      message: "notAllowed",
    });
    await expect(
      app.mutations.sendTestMail({ actorId: member.id, campaignId: id, locale: "de" }),
    ).rejects.toMatchObject({
      message: "notAllowed",
    });
    expect((await app.data.getCampaign(id))?.status).toBe("draft");
  });

  it("test-sends one version to the coordinator only, marked [Test]", async () => {
    const coordinator = await createUser({ role: "coordinator", name: "Kora Koordination" });
    await inSegment("Bekommt Keinen Test");
    const { id } = await draft(coordinator.id, SEGMENT);
    const before = smtp.messages.length;
    await app.mutations.sendTestMail({ actorId: coordinator.id, campaignId: id, locale: "de" });
    expect(smtp.messages.length).toBe(before + 1);
    const [mail] = mailsTo(coordinator.email);
    expect(mail?.subject).toMatch(/^\[Test\] Rundbrief /);
    expect(mail?.text).toContain("Hallo Kora Koordination,");
    expect((await app.data.getCampaign(id))?.status).toBe("draft");
    // A version the campaign lacks is refused, not silently replaced by the German one.
    await expect(
      app.mutations.sendTestMail({ actorId: coordinator.id, campaignId: id, locale: "uk" }),
    ).rejects.toMatchObject({ message: "versionMissing" });
    expect(smtp.messages.length).toBe(before + 1);
  });

  it("a test mail's unsubscribe links unsubscribe nobody and count nowhere", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const { id } = await draft(coordinator.id, SEGMENT);
    const before = smtp.messages.length;
    await app.mutations.sendTestMail({ actorId: coordinator.id, campaignId: id, locale: "de" });
    const mail = smtp.messages[before]!;
    const header = JSON.stringify(mail.headers.get("list"));
    const oneClick = /http:\/\/localhost:3000\/api\/unsubscribe\?token=[^"\\>]+/.exec(header)![0];
    const footer = /http:\/\/localhost:3000\/unsubscribe\?token=\S+/.exec(mail.text)![0];
    // The mail client's one-click POST leaves the address subscribed and says why.
    const answer = await app.unsubscribeRoute.POST(
      new Request(oneClick, {
        method: "POST",
        body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }),
      }),
    );
    expect(answer.status).toBe(200);
    expect(await answer.text()).toMatch(/test mail: nobody was unsubscribed/);
    expect(await app.subscriptions.unsubscribedSince(coordinator.email)).toBeNull();
    const db = await getDb();
    expect(await db.select().from(suppressions).where(eq(suppressions.campaignId, id))).toEqual([]);
    // The page the footer link opens knows it is a test link; a real mail's link stays a real one.
    const token = new URL(footer).searchParams.get("token");
    expect(app.tokens.verifyUnsubscribeToken(token)).toMatchObject({ email: coordinator.email, test: true });
    const real = app.tokens.createUnsubscribeToken({ email: coordinator.email, campaignId: id });
    expect(app.tokens.verifyUnsubscribeToken(real)).toMatchObject({ test: false });

    // Sent for real, the report counts only recipients who unsubscribed.
    const leaving = await inSegment("Geht Nach Test");
    await app.mutations.startCampaign({ actorId: coordinator.id, campaignId: id });
    await sendAll();
    const real2 = JSON.stringify(mailsTo(leaving.email)[0]?.headers.get("list"));
    const url = /http:\/\/localhost:3000\/api\/unsubscribe\?token=[^"\\>]+/.exec(real2)![0];
    await app.unsubscribeRoute.POST(
      new Request(url, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }),
    );
    expect((await app.data.campaignProgress(id))?.unsubscribed).toBe(1);
  });

  it("keeps an address typed line by line on its lines: in the mail's HTML and text and in the preview", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const address = "Treffpunkt:\nBürgerhaus Zeitz\nAltmarkt 3\n06712 Zeitz";
    const { id } = await draft(coordinator.id, SEGMENT, { bodyDe: `Hallo {{name}},\n\n${address}` });
    const before = smtp.messages.length;
    await app.mutations.sendTestMail({ actorId: coordinator.id, campaignId: id, locale: "de" });
    const mail = smtp.messages[before]!;
    expect(mail.html).toMatch(
      /Treffpunkt:<br\s*\/?>\s*Bürgerhaus Zeitz<br\s*\/?>\s*Altmarkt 3<br\s*\/?>\s*06712 Zeitz/,
    );
    expect(mail.text).toContain(address);
    const form = new FormData();
    form.set("body", address);
    const preview = await app.previewRoute.POST(
      new Request("http://localhost/api/admin/campaigns/preview", {
        method: "POST",
        body: form,
        headers: { cookie: `authjs.session-token=${await createSession(coordinator.id)}` },
      }),
    );
    const { html, text } = (await preview.json()) as { html: string; text: string };
    expect(html).toBe("<p>Treffpunkt:<br />Bürgerhaus Zeitz<br />Altmarkt 3<br />06712 Zeitz</p>\n");
    expect(text).toBe(address);
  });

  it("previews a body with 60 XSS payloads as inert HTML, for coordinators only", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser({ role: "member" });
    const form = new FormData();
    form.set("body", XSS_PAYLOADS.join("\n\n"));
    const ask = async (userId: string) =>
      app.previewRoute.POST(
        new Request("http://localhost/api/admin/campaigns/preview", {
          method: "POST",
          body: form,
          headers: { cookie: `authjs.session-token=${await createSession(userId)}` },
        }),
      );
    const { html } = (await (await ask(coordinator.id)).json()) as { html: string };
    expect(html).toContain("klick");
    // Text is escaped, so every "<" left opens a tag the sanitiser let through.
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    expect(
      tags.filter((tag) => DANGEROUS_TAG.test(tag) || / on\w+\s*=|(javascript|data|vbscript):/i.test(tag)),
    ).toEqual([]);
    expect((await ask(member.id)).status).toBe(404);
  });
});

/** Elements that can run script or load something when they reach a page (as in tests/e2e/support/xss.ts). */
const DANGEROUS_TAG =
  /^<(script|iframe|object|embed|svg|math|style|link|meta|base|form|input|textarea|select|video|audio|img|template|details|marquee)\b/i;

describe("welcome sequence", () => {
  it("mails newly approved members on their day, and stops for those who unsubscribed", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const title = `Willkommen ${crypto.randomUUID().slice(0, 8)}`;
    const step = await app.mutations.saveCampaign({
      actorId: coordinator.id,
      data: { kind: "welcome", title, delayDays: 3, ...NONE, ...versions(title) } as never,
    });
    await app.mutations.changeCampaignStatus({
      actorId: coordinator.id,
      campaignId: step.id,
      transition: "activate",
    });

    const db = await getDb();
    const enrol = async (name: string) => {
      const user = await createUser({ name, status: "approved" });
      await db.transaction((tx) => app.mutations.enrolInWelcomeSequence(tx, user.id));
      return user;
    };
    const newcomer = await enrol("Neu Dabei");
    const leaver = await enrol("Will Keine Mails");
    const [row] = await db
      .select()
      .from(campaignDeliveries)
      .where(
        sql`${campaignDeliveries.campaignId} = ${step.id} and ${campaignDeliveries.email} = ${newcomer.email}`,
      );
    // Three days on, at the same time in Berlin: 71 to 73 hours when the clocks change meanwhile.
    const days = (row!.dueAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.95);
    expect(days).toBeLessThan(3.05);

    await sendAll();
    expect(mailsTo(newcomer.email)).toHaveLength(0); // not yet day 3

    await app.subscriptions.unsubscribe({ email: leaver.email, campaignId: step.id });
    await db.execute(
      sql`update campaign_deliveries set due_at = now() - interval '1 second' where campaign_id = ${step.id}`,
    );
    await app.jobs.tickCampaigns();
    await sendAll();
    expect(mailsTo(newcomer.email).map((m) => m.subject)).toEqual([`Rundbrief ${title}`]);
    expect(mailsTo(leaver.email)).toHaveLength(0);
    expect((await app.data.campaignProgress(step.id))?.skipped).toBe(1);

    // Someone who unsubscribed earlier is not even enrolled.
    const late = await createUser({ status: "approved" });
    await db.insert(suppressions).values({ email: late.email, reason: "unsubscribed" });
    await db.transaction((tx) => app.mutations.enrolInWelcomeSequence(tx, late.id));
    const enrolled = await db
      .select()
      .from(campaignDeliveries)
      .where(eq(campaignDeliveries.email, late.email));
    expect(enrolled).toHaveLength(0);
  });
});
