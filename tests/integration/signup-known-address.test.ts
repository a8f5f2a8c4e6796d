// Sign-up with an address that is already known, and the Reply-To of mails that invite an answer, over
// a real SMTP peer. lib/env.ts reads SMTP_URL once, at import: the modules are imported after it is set.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { feedback, settings, users } from "@/db/schema";
import { listFeedback } from "@/lib/feedback/data";
import { IDLE } from "@/lib/forms/state";
import { redirectOf } from "../support/actions";
import { createUser, signUpFormData, uniqueEmail } from "../support/factories";
import { ownDatabaseForThisFile } from "../support/own-database";
import {
  type CapturedMail,
  type SmtpCapture,
  startSmtpCapture,
  stopSmtpCapture,
} from "../support/smtp-capture";

// Its own client address: sign-ups are limited per address and hour, and PostgreSQL runs share the count.
vi.mock("next/headers", async () => {
  const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}-${crypto.randomUUID()}`;
  return {
    ...(await import("../support/next-headers")),
    headers: async () => new Headers({ "x-forwarded-for": ip }),
  };
});

let smtp: SmtpCapture;
let app: {
  signUp: typeof import("@/lib/signup/actions").signUpAction;
  decide: typeof import("@/emails/application-decision").sendApplicationDecisionEmail;
  feedback: typeof import("@/lib/feedback/mutations").submitAccessibilityFeedback;
  runQueuedJobs: typeof import("@/lib/jobs/testing").runQueuedJobs;
};

// Feedback goes to every coordinator: on PostgreSQL, the shared database holds hundreds by the time
// this file runs, and mailing them all took this test to its time limit.
ownDatabaseForThisFile();

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  vi.resetModules();
  app = {
    signUp: (await import("@/lib/signup/actions")).signUpAction,
    decide: (await import("@/emails/application-decision")).sendApplicationDecisionEmail,
    feedback: (await import("@/lib/feedback/mutations")).submitAccessibilityFeedback,
    runQueuedJobs: (await import("@/lib/jobs/testing")).runQueuedJobs,
  };
});

afterAll(async () => {
  await setReplyTo(null);
  await stopSmtpCapture(smtp);
});

const OFFICE = "koordination@netzwerk.example";

async function setReplyTo(address: string | null) {
  const db = await getDb();
  await db.delete(settings).where(eq(settings.key, "mail.replyTo"));
  if (address) await db.insert(settings).values({ key: "mail.replyTo", value: address });
}

const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));
const replyTo = (mail: CapturedMail) => (mail.headers.get("reply-to") as { text?: string } | undefined)?.text;

/** Submits the sign-up form as a visitor would; resolves to the page it leads to. */
function signUp(email: string) {
  return redirectOf(() => app.signUp(IDLE, signUpFormData({ email })));
}

const checkEmailPage = (email: string) =>
  `/login/check-email?purpose=confirm&email=${encodeURIComponent(email)}`;

describe("sign-up with an address that is already known", () => {
  it("shows every address the same page; only the mail says what applies, and nothing is stored", async () => {
    await setReplyTo(null);
    const fresh = uniqueEmail();
    const member = await createUser({ status: "approved", locale: "en", name: "Mia Member" });
    const waiting = await createUser({ status: "pending", locale: "uk", name: "Olena Wartet" });
    const rejected = await createUser({ status: "rejected", locale: "de", name: "Rea Abgelehnt" });
    const blocked = await createUser({ status: "blocked", locale: "de", name: "Bo Gesperrt" });

    for (const email of [fresh, member.email, waiting.email, rejected.email, blocked.email])
      expect(await signUp(email)).toBe(checkEmailPage(email));

    const [confirm] = mailsTo(fresh);
    expect(confirm!.subject).toBe("Bitte bestätigen Sie Ihre E-Mail-Adresse");

    // A member: "you already have an account", in their language, with a link that signs them in.
    const [toMember] = mailsTo(member.email);
    expect(toMember!.subject).toBe("You already have an account with Knotenpunkt");
    expect(toMember!.text).toContain("you do not need to sign up again");
    expect(toMember!.text).toMatch(/\/api\/auth\/callback\/nodemailer\?/);

    // A waiting applicant: a link to their application page.
    const [toWaiting] = mailsTo(waiting.email);
    expect(toWaiting!.subject).toBe("Ваша заявка до Knotenpunkt уже надійшла");
    expect(toWaiting!.text).toContain("Переглянути мою заявку");
    expect(decodeURIComponent(toWaiting!.text)).toContain("callbackUrl=http://localhost:3000/application");

    // A rejected applicant: told so and whom to contact (no reply-to address set: the imprint), no link.
    const [toRejected] = mailsTo(rejected.email);
    expect(toRejected!.subject).toBe("Ihr Antrag bei Knotenpunkt");
    expect(toRejected!.text).toContain("Ein früherer Antrag mit dieser Adresse wurde");
    expect(toRejected!.text).toContain("http://localhost:3000/impressum");
    expect(toRejected!.text).not.toContain("antworten Sie");
    expect(toRejected!.text).not.toContain("callback");
    expect(replyTo(toRejected!)).toBeUndefined();

    // A blocked account learns nothing.
    expect(mailsTo(blocked.email)).toHaveLength(0);

    // Nobody got a second account or a changed one.
    const db = await getDb();
    for (const person of [member, waiting, rejected, blocked]) {
      const rows = await db.select().from(users).where(eq(users.email, person.email));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: person.status, name: person.name });
    }
  });

  it("lets a rejected applicant reply to the coordination office when admins set a reply-to address", async () => {
    await setReplyTo(OFFICE);
    const rejected = await createUser({ status: "rejected", locale: "ar" });
    expect(await signUp(rejected.email)).toBe(checkEmailPage(rejected.email));
    const [mail] = mailsTo(rejected.email);
    expect(replyTo(mail!)).toBe(OFFICE);
    expect(mail!.text).toContain("يمكنك ببساطة الرد على هذه الرسالة");
  });
});

describe("Reply-To", () => {
  it("sends a rejection to the coordination office's address when set, else points to the imprint", async () => {
    const to = uniqueEmail();
    await setReplyTo(OFFICE);
    await app.decide({
      to,
      locale: "uk",
      name: "Olena",
      decision: "rejected",
      reason: "Kein Bezug zur Region",
    });
    await setReplyTo(null);
    await app.decide({ to, locale: "de", name: "Olena", decision: "rejected", reason: "Kein Bezug" });
    const [withOffice, without] = mailsTo(to);
    expect(replyTo(withOffice!)).toBe(OFFICE);
    expect(withOffice!.text).toContain("просто дайте відповідь на цей лист");
    expect(replyTo(without!)).toBeUndefined();
    expect(without!.text).not.toContain("antworten Sie");
    expect(without!.text).toContain("wenden Sie sich bitte an die Koordinierungsstelle");
  });

  it("lets coordinators answer accessibility feedback straight to the sender, and says their language", async () => {
    const coordinator = await createUser({ role: "coordinator", locale: "de" });
    await app.feedback(
      {
        email: "olena@example.net",
        name: "Olena",
        pageUrl: undefined,
        message: "Der Kontrast im Menü ist zu schwach.",
      },
      "uk",
    );
    await app.feedback(
      { name: undefined, pageUrl: undefined, message: "Ohne Adresse: die Schrift ist zu klein." },
      "ar",
    );
    await app.runQueuedJobs();
    // Queued mails go out in no particular order.
    const mails = mailsTo(coordinator.email);
    const signed = mails.find((m) => m.text.includes("Der Kontrast im Menü"));
    const anonymous = mails.find((m) => m.text.includes("Ohne Adresse"));
    expect(replyTo(signed!)).toBe("olena@example.net");
    expect(signed!.text).toContain("Sprache der Rückmeldung: Ukrainisch");
    expect(signed!.text).toContain("Mit „Antworten“ schreiben Sie direkt an diese Person.");
    expect(replyTo(anonymous!)).toBeUndefined();
    expect(anonymous!.text).toContain("Sprache der Rückmeldung: Arabisch");
    expect(anonymous!.text).not.toContain("Antworten");
  });
});

describe("withdrawing an application", () => {
  it("is worded as withdrawing, not as deleting a member's account", async () => {
    const { findDeletionTarget } = await import("@/lib/privacy/data");
    const { createDeletionToken } = await import("@/lib/privacy/tokens");
    const { sendAccountDeletionEmail } = await import("@/emails/account-deletion");
    const applicant = await createUser({ status: "pending", name: "Olena Wartet" });
    const token = createDeletionToken({ userId: applicant.id, email: applicant.email });
    expect(await findDeletionTarget({ token })).toMatchObject({ userId: applicant.id, applicant: true });

    const url = "http://localhost:3000/settings/privacy/delete?token=x";
    await sendAccountDeletionEmail({
      to: applicant.email,
      locale: "de",
      name: "Olena",
      url,
      applicant: true,
    });
    await sendAccountDeletionEmail({
      to: applicant.email,
      locale: "de",
      name: "Olena",
      url,
      applicant: false,
    });
    const [withdrawal, deletion] = mailsTo(applicant.email);
    expect(withdrawal!.subject).toBe("Bewerbung zurückziehen: bitte bestätigen");
    expect(withdrawal!.text).toContain("Ihre Bewerbung zurückzuziehen");
    expect(withdrawal!.text).not.toContain("Konto");
    expect(deletion!.subject).toBe("Konto löschen: bitte bestätigen");
  });
});

describe("stored accessibility feedback", () => {
  it("lists newest first and pages on from the last one shown", async () => {
    const db = await getDb();
    // Far in the future, so they come before anything other tests store.
    const at = (day: number) => new Date(Date.UTC(2100, 0, day));
    const rows = await db
      .insert(feedback)
      .values(
        [1, 3, 2].map((day) => ({
          kind: "accessibility" as const,
          message: `Tag ${day}`,
          createdAt: at(day),
        })),
      )
      .returning({ id: feedback.id, message: feedback.message });
    const first = await listFeedback({});
    expect(first.slice(0, 3).map((f) => f.message)).toEqual(["Tag 3", "Tag 2", "Tag 1"]);
    const after = rows.find((r) => r.message === "Tag 2")!.id;
    expect((await listFeedback({ after }))[0]!.message).toBe("Tag 1");
    await db.delete(feedback).where(
      inArray(
        feedback.id,
        rows.map((r) => r.id),
      ),
    );
  });
});
