// A mention added by editing a post is mailed (mention mails "immediately") even when the named
// member had read the thread before the edit; a mention they have read since is not. Through the
// real mail job to a real SMTP peer. lib/env.ts reads SMTP_URL once, at import: the modules under
// test are imported afresh after it is set (the database stays).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMember } from "../support/factories";
import { createCategory } from "../support/forum-factories";
import { member } from "../support/messages-factories";
import { MAIL_WINDOW } from "../support/notification-lines";
import { type SmtpCapture, startSmtpCapture, stopSmtpCapture } from "../support/smtp-capture";

let smtp: SmtpCapture;
let forum: typeof import("@/lib/forum/mutations");
let runQueuedJobs: typeof import("@/lib/jobs/testing").runQueuedJobs;
let saveNotificationSettings: typeof import("@/lib/notifications/settings-mutations").saveNotificationSettings;
let DEFAULT_EMAIL_MODES: typeof import("@/lib/notifications/kinds").DEFAULT_EMAIL_MODES;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  vi.resetModules();
  forum = await import("@/lib/forum/mutations");
  runQueuedJobs = (await import("@/lib/jobs/testing")).runQueuedJobs;
  saveNotificationSettings = (await import("@/lib/notifications/settings-mutations"))
    .saveNotificationSettings;
  DEFAULT_EMAIL_MODES = (await import("@/lib/notifications/kinds")).DEFAULT_EMAIL_MODES;
});

afterAll(() => stopSmtpCapture(smtp));

const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));

/**
 * Otto's thread with Iryna's reply; Katrin (mention mails immediately, a name of letters only so
 * "@Name" finds her) has read both posts. Then Iryna edits her reply to name Katrin.
 */
async function mentionedByEdit() {
  const otto = await member("Otto Fragt");
  const iryna = await member("Iryna Ergänzt");
  const katrin = await createMember({
    name: `Katrin ${crypto
      .randomUUID()
      .replace(/[^a-f]/g, "")
      .slice(0, 6)}`,
  });
  await saveNotificationSettings({
    userId: katrin.id,
    modes: { ...DEFAULT_EMAIL_MODES, mention: "immediate" },
    digestHour: 7,
  });
  const category = await createCategory("members");
  const { thread } = await forum.createThread({
    authorId: otto.id,
    categoryId: category.id,
    title: "Umzug am Samstag",
    body: "Wer hilft beim Tragen?",
  });
  const reply = await forum.createReply({
    authorId: iryna.id,
    threadId: thread.id,
    body: "Ich komme um zehn.",
  });
  await forum.recordRead({ userId: katrin.id, threadId: thread.id, number: 2 });
  await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
  await forum.editPost({
    postId: reply.postId,
    editorId: iryna.id,
    body: `Ich komme um zehn. @${katrin.name} bringst du den Transporter?`,
  });
  return { otto, iryna, katrin, thread };
}

describe("a mention added by an edit", () => {
  it("is mailed to a member who had read the thread before the edit", async () => {
    const w = await mentionedByEdit();
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const mails = mailsTo(w.katrin.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`${w.iryna.name} hat Sie in „Umzug am Samstag“ erwähnt`);
    expect(mails[0]!.text).toContain("bringst du den Transporter?");
    expect(mails[0]!.text).toContain(`/forum/t/${w.thread.id}/${w.thread.slug}#post-2`);
  });

  it("is not mailed once the member has read the thread since the edit", async () => {
    const w = await mentionedByEdit();
    await forum.createReply({ authorId: w.otto.id, threadId: w.thread.id, body: "Danke euch!" });
    await forum.recordRead({ userId: w.katrin.id, threadId: w.thread.id, number: 3 });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(mailsTo(w.katrin.email)).toHaveLength(0);
  });
});
