// The polling worker (`npm run worker`, or the one inside the web process) works through a burst of
// jobs one after the other: ten mails queued at once, one job each, all go out within seconds, not
// one per polling interval. lib/env.ts reads SMTP_URL once, at import: the modules are imported afresh.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createUser } from "../support/factories";
import { ownDatabaseForThisFile } from "../support/own-database";
import { type SmtpCapture, startSmtpCapture, stopSmtpCapture } from "../support/smtp-capture";

// Feedback is mailed to every coordinator of the database: only this file's ten.
ownDatabaseForThisFile();

let smtp: SmtpCapture;
let worker: typeof import("@/lib/jobs/worker");
let submit: typeof import("@/lib/feedback/mutations").submitAccessibilityFeedback;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  vi.resetModules();
  await import("@/lib/jobs/testing"); // this file's own job schema on PostgreSQL
  worker = await import("@/lib/jobs/worker");
  submit = (await import("@/lib/feedback/mutations")).submitAccessibilityFeedback;
});

afterAll(async () => {
  await worker.stopWorker(1000);
  await stopSmtpCapture(smtp);
});

it("sends ten queued mails in a row without waiting the polling interval between them", async () => {
  const coordinators = await Promise.all(
    Array.from({ length: 10 }, () => createUser({ role: "coordinator" })),
  );
  await worker.startWorker();
  await submit({ name: "Petra Lang", pageUrl: "/faq", message: "Die Videos haben keine Untertitel." }, "de");
  const received = () => coordinators.filter((c) => smtp.messages.some((m) => m.to.includes(c.email))).length;
  // One job at a time and a 2 s pause after each, as pg-boss does by itself, took over 20 s.
  await vi.waitFor(() => expect(received()).toBe(10), { timeout: 12_000, interval: 100 });
});
