// lib/env.ts reads process.env once, at import: each test sets SMTP_URL, resets the module
// registry and imports the mail modules afresh. The database handle lives on globalThis and stays.
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { devOutbox } from "@/db/schema";
import { uniqueEmail } from "../support/factories";
import { type SmtpCapture, startSmtpCapture, stopSmtpCapture } from "../support/smtp-capture";

let smtp: SmtpCapture;

beforeAll(async () => {
  smtp = await startSmtpCapture();
});

afterEach(() => {
  delete process.env.SMTP_URL;
  smtp.refuseWith = null;
});

afterAll(() => stopSmtpCapture(smtp));

async function loadMail(smtpUrl?: string) {
  if (smtpUrl) process.env.SMTP_URL = smtpUrl;
  else delete process.env.SMTP_URL;
  vi.resetModules();
  const transport = await import("@/lib/mail/transport");
  const decision = await import("@/emails/application-decision");
  const { isDemoMode } = await import("@/lib/env");
  return { ...transport, ...decision, isDemoMode };
}

async function outboxFor(email: string) {
  const db = await getDb();
  return db.select().from(devOutbox).where(eq(devOutbox.to, email));
}

const mail = (to: string) => ({
  to,
  subject: "Treffen am Donnerstag",
  text: "Hallo, wir treffen uns um 10 Uhr.",
  html: "<p>Hallo, wir treffen uns um <b>10 Uhr</b>.</p>",
});

describe("deliverMail", () => {
  it("keeps mail in the demo outbox when no SMTP server is configured", async () => {
    const { deliverMail, isDemoMode } = await loadMail();
    expect(isDemoMode()).toBe(true);
    const to = uniqueEmail();
    const sentBefore = smtp.messages.length;
    await deliverMail(mail(to));

    const stored = await outboxFor(to);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject(mail(to));
    expect(smtp.messages.length).toBe(sentBefore);
  });

  it("shows the demo mailbox each mail's HTML part in a sandboxed frame and its key headers", async () => {
    const { deliverMail } = await loadMail();
    const { listDevMails } = await import("@/lib/mail/data");
    const { DevMail } = await import("@/lib/mail/components/dev-mail");
    const { createElement } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const to = uniqueEmail();
    const unsubscribe = "<http://localhost:3000/api/unsubscribe?token=abc.def>";
    await deliverMail({
      ...mail(to),
      replyTo: "koordination@example.org",
      headers: { "List-Unsubscribe": unsubscribe, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
    const shown = (await listDevMails({ limit: 50 })).find((m) => m.to === to)!;
    expect(shown.html).toBe(mail(to).html);
    expect(shown.headers).toMatchObject({
      From: "Knotenpunkt <noreply@knotenpunkt.localhost>",
      "Reply-To": "koordination@example.org",
      "List-Unsubscribe": unsubscribe,
    });
    const markup = renderToStaticMarkup(
      createElement(DevMail, {
        mail: shown,
        when: "heute",
        labels: {
          to: "An",
          headers: "Kopfzeilen",
          showHtml: "HTML-Fassung anzeigen",
          htmlFrame: "HTML-Fassung",
        },
      }),
    );
    const frame = /<iframe [^>]*>/.exec(markup)![0];
    expect(frame).toContain('sandbox=""');
    expect(frame).toContain('title="HTML-Fassung"');
    expect(frame).toContain(
      'srcDoc="&lt;p&gt;Hallo, wir treffen uns um &lt;b&gt;10 Uhr&lt;/b&gt;.&lt;/p&gt;"',
    );
    expect(markup).toContain("<summary");
    for (const [name, value] of [
      ["From", "Knotenpunkt &lt;noreply@knotenpunkt.localhost&gt;"],
      ["Reply-To", "koordination@example.org"],
      ["List-Unsubscribe", "&lt;http://localhost:3000/api/unsubscribe?token=abc.def&gt;"],
    ] as const)
      expect(markup).toMatch(
        new RegExp(`<dt[^>]*>${name}</dt><dd[^>]*>${value.replace(/[?.]/g, "\\$&")}</dd>`),
      );
  });

  it("sends through SMTP when SMTP_URL is set, and keeps nothing in the outbox", async () => {
    const { deliverMail, isDemoMode } = await loadMail(smtp.url);
    expect(isDemoMode()).toBe(false);
    const to = uniqueEmail();
    await deliverMail({ ...mail(to), headers: { "X-Knotenpunkt-Test": "yes" } });

    const received = smtp.messages.filter((m) => m.to.includes(to));
    expect(received).toHaveLength(1);
    expect(received[0]!.subject).toBe("Treffen am Donnerstag");
    expect(received[0]!.text.trim()).toBe("Hallo, wir treffen uns um 10 Uhr.");
    expect(received[0]!.html).toContain("<b>10 Uhr</b>");
    expect(received[0]!.headers.get("x-knotenpunkt-test")).toBe("yes");
    expect(
      (received[0]!.headers.get("from") as { value: { name: string; address: string }[] }).value,
    ).toEqual([{ name: "Knotenpunkt", address: "noreply@knotenpunkt.localhost" }]);
    expect(await outboxFor(to)).toHaveLength(0);
  });

  it("fails loudly when the SMTP server refuses the message", async () => {
    const { deliverMail } = await loadMail(smtp.url);
    smtp.refuseWith = 451;
    const to = uniqueEmail();
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expect(deliverMail(mail(to))).rejects.toMatchObject({ responseCode: 451 });
    } finally {
      quiet.mockRestore();
    }
    expect(smtp.messages.some((m) => m.to.includes(to))).toBe(false);
    expect(await outboxFor(to)).toHaveLength(0);
  });
});

describe("sendApplicationDecisionEmail", () => {
  it("writes Arabic mail right to left", async () => {
    const { sendApplicationDecisionEmail } = await loadMail(smtp.url);
    const to = uniqueEmail();
    await sendApplicationDecisionEmail({
      to,
      locale: "ar",
      name: "يوسف خليل",
      decision: "approved",
      reason: null,
    });
    const [received] = smtp.messages.filter((m) => m.to.includes(to));
    expect(received).toBeDefined();
    expect(received!.html).toMatch(/<html[^>]*\blang="ar"/);
    expect(received!.html).toMatch(/<html[^>]*\bdir="rtl"/);
    expect(received!.text).toContain("يوسف خليل");
    expect(received!.text).toContain("http://localhost:3000/login");
  });

  it("keeps a German reason in its own direction inside an Arabic mail", async () => {
    const { sendApplicationDecisionEmail } = await loadMail();
    const to = uniqueEmail();
    const reason = "Nur für Fachkräfte (siehe https://example.org/regeln).";
    await sendApplicationDecisionEmail({ to, locale: "ar", name: "Yusuf", decision: "rejected", reason });
    const [stored] = await outboxFor(to);
    // first-strong isolates around what people wrote, in the HTML and in the plain text
    expect(stored!.text).toContain(`\u2068${reason}\u2069`);
    expect(stored!.html).toContain(`\u2068${reason}\u2069`);
    expect(stored!.text).toContain("\u2068Yusuf\u2069");
  });

  it("tells a rejected applicant the reason, left to right in German, line breaks kept", async () => {
    const { sendApplicationDecisionEmail } = await loadMail();
    const to = uniqueEmail();
    await sendApplicationDecisionEmail({
      to,
      locale: "de",
      name: null,
      decision: "rejected",
      reason: "Bitte <bewerben> Sie sich über Ihre Organisation.\nDanke für Ihr Interesse.",
    });
    const [stored] = await outboxFor(to);
    expect(stored).toBeDefined();
    expect(stored!.html).toMatch(/<html[^>]*\bdir="ltr"/);
    expect(stored!.text).toContain(
      "Bitte <bewerben> Sie sich über Ihre Organisation.\nDanke für Ihr Interesse.",
    );
    // the reason is shown as text, never as markup, its second line on a line of its own
    expect(stored!.html).toMatch(
      /<p style="[^"]*white-space:pre-line[^"]*">[^<]*Bitte &lt;bewerben&gt; Sie sich über Ihre Organisation\.\nDanke/,
    );
    expect(stored!.html).not.toContain("/login");
  });
});
