// Mention and reply mails quote what was written, as the message mail does: a short plain-text
// excerpt of each post, as it reads when the mail goes out, and never a post the recipient may no
// longer see.
import { describe, expect, it } from "vitest";
import { setPostStatus } from "@/lib/forum/moderation-mutations";
import { createReply, createThread, editPost, setWatch } from "@/lib/forum/mutations";
import { quoteMarkdown } from "@/lib/forum/utils";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { createUser } from "../support/factories";
import { createCategory } from "../support/forum-factories";
import { outboxTo } from "../support/messages-factories";
import { MAIL_WINDOW } from "../support/notification-lines";

/** A name nobody else in the database has, so a mention resolves to this one member. */
const uniqueName = (first: string) =>
  `${first} ${crypto
    .randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 6)}`;

/** A thread by Otto; Katrin, Iryna and a coordinator can read it (Katrin follows it only when told). */
async function thread() {
  const otto = await createUser({ name: uniqueName("Otto") });
  const iryna = await createUser({ name: uniqueName("Iryna") });
  const katrin = await createUser({ name: uniqueName("Katrin") });
  const coordinator = await createUser({ role: "coordinator" });
  const category = await createCategory("members");
  const { thread } = await createThread({
    authorId: otto.id,
    categoryId: category.id,
    title: "Dolmetschen beim Jobcenter",
    body: "Ich war letzte Woche dort. Wer kann helfen?",
  });
  return { otto, iryna, katrin, coordinator, thread };
}

const mailText = async (email: string) => {
  const mails = await outboxTo(email);
  expect(mails).toHaveLength(1);
  return mails[0]!.text;
};

describe("mention and reply mails", () => {
  it("quote the mentioning post in plain text, without the quote it starts with", async () => {
    const w = await thread();
    await createReply({
      authorId: w.iryna.id,
      threadId: w.thread.id,
      body: `${quoteMarkdown({ id: w.otto.id, name: w.otto.name! }, "Ich war letzte Woche dort.")}@${w.katrin.name} kannst du am **Donnerstag** um 9 Uhr? Ich spreche [Ukrainisch](https://example.org/uk).`,
    });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const text = await mailText(w.katrin.email);
    expect(text).toContain(`${w.iryna.name} hat Sie in „Dolmetschen beim Jobcenter“ erwähnt`);
    expect(text).toContain(`${w.iryna.name} schreibt:`);
    expect(text).toContain(`> @${w.katrin.name} kannst du am Donnerstag um 9 Uhr? Ich spreche Ukrainisch.`);
    expect(text).not.toContain("**");
    expect(text).not.toContain("letzte Woche");
  });

  it("quote a post as it reads when the mail goes out: an edit before it counts", async () => {
    const w = await thread();
    const { postId } = await createReply({
      authorId: w.iryna.id,
      threadId: w.thread.id,
      body: `@${w.katrin.name} ruf mich an: 0170 999999`,
    });
    await editPost({
      postId,
      editorId: w.iryna.id,
      body: `@${w.katrin.name} schreib mir bitte eine Nachricht.`,
    });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const text = await mailText(w.katrin.email);
    expect(text).toContain("schreib mir bitte eine Nachricht.");
    expect(text).not.toContain("0170");
  });

  it("quote each new reply of a burst, but not one hidden by the coordinators since", async () => {
    const w = await thread();
    await setWatch({
      userId: w.katrin.id,
      subjectType: "thread",
      subjectId: String(w.thread.id),
      level: "watch",
    });
    const first = await createReply({
      authorId: w.iryna.id,
      threadId: w.thread.id,
      body: "Herr M. aus der Fallakte hat Schulden bei …",
    });
    await createReply({ authorId: w.iryna.id, threadId: w.thread.id, body: "Ich kann am Donnerstag." });
    await createReply({ authorId: w.iryna.id, threadId: w.thread.id, body: "Und am Freitag auch." });
    await setPostStatus({ postId: first.postId, status: "hidden", actorId: w.coordinator.id });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const text = await mailText(w.katrin.email);
    expect(text).toContain("> Ich kann am Donnerstag.");
    expect(text).toContain("> Und am Freitag auch.");
    expect(text.indexOf("Donnerstag")).toBeLessThan(text.indexOf("Freitag"));
    expect(text).not.toContain("Fallakte");
  });
});
