// The mail jobs against a real SMTP peer that refuses, then accepts. lib/env.ts reads SMTP_URL once,
// at import: the modules under test are imported afresh after it is set (the database stays).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import { member } from "../support/messages-factories";
import { MAIL_WINDOW } from "../support/notification-lines";
import { type SmtpCapture, startSmtpCapture, stopSmtpCapture } from "../support/smtp-capture";

let smtp: SmtpCapture;
let app: {
  startConversation: typeof import("@/lib/messages/mutations").startConversation;
  runQueuedJobs: typeof import("@/lib/jobs/testing").runQueuedJobs;
  jobStates: typeof import("@/lib/jobs/testing").jobStates;
  sweep: typeof import("@/lib/notifications/jobs").sweepNotificationMail;
};

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  vi.resetModules();
  const messages = await import("@/lib/messages/mutations");
  const testing = await import("@/lib/jobs/testing");
  const jobs = await import("@/lib/notifications/jobs");
  app = {
    startConversation: messages.startConversation,
    runQueuedJobs: testing.runQueuedJobs,
    jobStates: testing.jobStates,
    sweep: jobs.sweepNotificationMail,
  };
});

afterAll(() => stopSmtpCapture(smtp));

const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));

describe("notification mail over SMTP", () => {
  it("is retried with backoff while the server refuses, then delivered exactly once", async () => {
    const a = await member("Yusuf Schreibt");
    const b = await member("Zoe Wartet");
    await app.startConversation({
      senderId: a.id,
      recipientIds: [b.id],
      body: "Kommst du morgen?",
      files: [],
    });

    smtp.refuseWith = 451;
    const failed = await app.runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(failed.failed).toBe(1);
    expect(mailsTo(b.email)).toHaveLength(0);
    const [job] = await app.jobStates("notifications.deliver");
    expect(job?.state).toBe("retry");
    expect(new Date(job!.startAfter).getTime()).toBeGreaterThan(Date.now() + 10_000);
    const db = await getDb();
    const [row] = await db.select().from(notifications).where(eq(notifications.recipientId, b.id));
    expect(row?.emailStatus).toBe("pending");

    smtp.refuseWith = null;
    const retried = await app.runQueuedJobs({ dueWithinMs: 24 * 60 * 60 * 1000 });
    expect(retried.completed).toBeGreaterThanOrEqual(1);
    const mails = mailsTo(b.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`Neue Nachricht von ${a.name}`);
    expect(mails[0]?.text).toContain("Kommst du morgen?");
    // mailparser gathers the List-* headers under "list".
    expect(JSON.stringify(mails[0]?.headers.get("list"))).toContain("/notifications/unsubscribe?token=");
    expect(JSON.stringify(mails[0]?.headers.get("list"))).toContain("One-Click");

    await app.runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(mailsTo(b.email)).toHaveLength(1);
  });

  it("finds a mail again whose worker died while sending (lease expired)", async () => {
    const a = await member("Ada Absturz");
    const b = await member("Bea Geduldig");
    await app.startConversation({ senderId: a.id, recipientIds: [b.id], body: "Bist du da?", files: [] });
    const db = await getDb();
    // As if a worker claimed it 20 minutes ago and then crashed.
    await db
      .update(notifications)
      .set({
        emailStatus: "sending",
        emailClaimedAt: new Date(Date.now() - 20 * 60 * 1000),
        emailDueAt: new Date(Date.now() - 21 * 60 * 1000),
      })
      .where(eq(notifications.recipientId, b.id));
    await app.sweep();
    await app.runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(mailsTo(b.email)).toHaveLength(1);
  });
});
