// Accessibility feedback is mailed by the job queue, not inside the request: submitting stores it and
// queues the mails; the worker delivers one to each coordinator and admin, and a mail the SMTP server
// refused is sent again on the job's retry. lib/env.ts reads SMTP_URL once, at import: the modules
// under test are imported afresh after it is set.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { QUEUE_MAILS_JOB } from "@/lib/feedback/constants";
import { IDLE } from "@/lib/forms/state";
import { SUBMISSION_FIELD } from "@/lib/submissions/constants";
import { actAs } from "../support/actions";
import { createUser } from "../support/factories";
import { form } from "../support/forms";
import { ownDatabaseForThisFile } from "../support/own-database";
import { type SmtpCapture, startSmtpCapture, stopSmtpCapture } from "../support/smtp-capture";

// Every coordinator of the database gets the mail: on PostgreSQL a database of its own keeps those
// other files create out of the count.
ownDatabaseForThisFile();

let smtp: SmtpCapture;
let submit: typeof import("@/lib/feedback/mutations").submitAccessibilityFeedback;
let jobs: typeof import("@/lib/jobs/testing");
let feedbackJobs: typeof import("@/lib/feedback/jobs").feedbackJobs;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  vi.resetModules();
  submit = (await import("@/lib/feedback/mutations")).submitAccessibilityFeedback;
  jobs = await import("@/lib/jobs/testing");
  feedbackJobs = (await import("@/lib/feedback/jobs")).feedbackJobs;
});

afterAll(() => stopSmtpCapture(smtp));

const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));
const RETRY_WINDOW = 60 * 60 * 1000;

describe("accessibility feedback", () => {
  it("is mailed to every coordinator and admin by the job queue, not while the sender waits", async () => {
    const coordinator = await createUser({ role: "coordinator", locale: "de" });
    const admin = await createUser({ role: "admin", locale: "en" });
    const member = await createUser({ role: "member" });
    const { id } = await submit(
      {
        name: "Petra Lang",
        email: "petra@example.net",
        pageUrl: "/events",
        message: "Die Schrift ist zu klein.",
      },
      "de",
    );
    expect(smtp.messages).toEqual([]);

    const run = await jobs.runQueuedJobs();
    expect(run.failed).toBe(0);
    const [toCoordinator] = mailsTo(coordinator.email);
    expect(toCoordinator?.subject).toBe("Rückmeldung zur Barrierefreiheit");
    expect(toCoordinator?.text).toContain("Die Schrift ist zu klein.");
    expect(toCoordinator?.text).toContain("Petra Lang (petra@example.net)");
    expect(mailsTo(admin.email)).toHaveLength(1);
    expect(mailsTo(admin.email)[0]?.subject).toBe("Accessibility feedback");
    expect(mailsTo(member.email)).toEqual([]);
    // The queueing job run again (a retry after a crash, say) mails nobody twice.
    await feedbackJobs[QUEUE_MAILS_JOB]!({ feedbackId: id, senderLocale: "de" });
    await jobs.runQueuedJobs({ dueWithinMs: RETRY_WINDOW });
    expect(mailsTo(coordinator.email)).toHaveLength(1);
    expect(mailsTo(admin.email)).toHaveLength(1);
  });

  it("is sent again after the SMTP server refused it, to the one it did not reach", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    smtp.refuseWith = 451;
    try {
      await submit(
        { name: undefined, pageUrl: undefined, message: "Der Kontrast im Menü ist zu schwach." },
        "uk",
      );
      const refused = await jobs.runQueuedJobs();
      expect(refused.failed).toBeGreaterThan(0);
      expect(mailsTo(coordinator.email)).toEqual([]);
    } finally {
      smtp.refuseWith = null;
    }
    const before = smtp.messages.length;
    await jobs.runQueuedJobs({ dueWithinMs: RETRY_WINDOW });
    const [mail] = mailsTo(coordinator.email);
    expect(mail?.text).toContain("Der Kontrast im Menü ist zu schwach.");
    expect(mail?.text).toContain("Ukrainisch");
    // Only the refused mails went out again: one per coordinator and admin, not two.
    const recipients = smtp.messages.slice(before).map((m) => m.to.join());
    expect(new Set(recipients).size).toBe(recipients.length);
  });

  it("sent again with the same form (a reload of the result without JavaScript) is mailed once", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const { accessibilityFeedbackAction } = await import("@/lib/feedback/actions");
    const key = crypto.randomUUID();
    const send = (message: string) =>
      actAs(undefined, () => accessibilityFeedbackAction(IDLE, form({ message, [SUBMISSION_FIELD]: key })));
    const message = "Das Formular liest mein Vorleseprogramm nicht vor.";
    for (let sending = 0; sending < 2; sending++)
      expect(await send(message)).toEqual({ status: "success", message: "feedbackSent" });
    // Another message with the key (a form shown again from the browser's history and rewritten).
    await send("Und die Links sind zu klein.");
    await jobs.runQueuedJobs();
    const texts = mailsTo(coordinator.email).map((m) => m.text);
    expect(texts).toHaveLength(2);
    expect(texts.filter((text) => text.includes(message))).toHaveLength(1);
  });
});
