// Files chosen before "Vorschau": kept as the member's pending uploads, listed in the form, attached
// when the post is sent; only the member's own, and deleted a day later when never posted.
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { forumPosts, forumThreads, uploads } from "@/db/schema";
import { createThreadAction, replyAction } from "@/lib/forum/actions";
import { createThread } from "@/lib/forum/mutations";
import { listThreadPosts } from "@/lib/forum/post-data";
import { jobHandlers, jobSchedules } from "@/lib/jobs/registry";
import type { PendingAttachment } from "@/lib/uploads/constants";
import { actAs } from "../support/actions";
import { createSession, createUser } from "../support/factories";
import { imageFile, pdfFile } from "../support/files";
import { createCategory } from "../support/forum-factories";

async function setting() {
  const author = await createUser({ name: "Amal Anhang" });
  const other = await createUser({ name: "Otto Anders" });
  const category = await createCategory("members");
  const { thread } = await createThread({
    authorId: author.id,
    categoryId: category.id,
    title: "Wohnungsbesichtigung",
    body: "Wer kommt mit?",
  });
  return { author, other, category, thread };
}

function replyForm(threadId: number, intent: "preview" | "submit", extra: [string, string | File][] = []) {
  const form = new FormData();
  form.set("threadId", String(threadId));
  form.set("body", "Hier der Grundriss und ein Foto.");
  form.set("intent", intent);
  for (const [name, value] of extra) form.append(name, value);
  return form;
}

/** The ticked checkboxes a form that came back carries: "<id>:<name>" per kept file. */
const ticked = (state: unknown): [string, string][] =>
  ((state as { attachments?: PendingAttachment[] }).attachments ?? []).map((a) => [
    "attachment",
    `${a.id}:${a.filename}`,
  ]);

const purposes = async (ids: string[]) => {
  const db = await getDb();
  const rows = await db
    .select({ id: uploads.id, purpose: uploads.purpose })
    .from(uploads)
    .where(inArray(uploads.id, ids));
  return Object.fromEntries(rows.map((r) => [r.id, r.purpose]));
};

describe("attachments chosen before the preview", () => {
  it("come back listed after Vorschau and go with the reply; a file unticked stays behind", async () => {
    const w = await setting();
    const token = await createSession(w.author.id);
    const preview = await actAs(token, async () =>
      replyAction(
        { status: "idle" },
        replyForm(w.thread.id, "preview", [
          ["attachments", await imageFile("foto.jpg")],
          ["attachments", pdfFile()],
        ]),
      ),
    );
    expect(preview).toMatchObject({
      status: "preview",
      fieldErrors: {},
      attachments: [{ filename: "foto.webp" }, { filename: "plan.pdf" }],
    });
    const kept = ticked(preview);
    const ids = kept.map(([, v]) => v.slice(0, 36));
    expect(await purposes(ids)).toEqual({ [ids[0]!]: "forum_pending", [ids[1]!]: "forum_pending" });
    // Not on the thread before it is sent.
    expect(await listThreadPosts({ viewer: w.author, threadId: w.thread.id, page: 1 })).toHaveLength(1);

    // Sent with the photo ticked and the PDF unticked.
    const sent = await actAs(token, () =>
      replyAction({ status: "idle" }, replyForm(w.thread.id, "submit", [kept[0]!])),
    );
    expect(sent).toMatch(/^redirected:\/forum\/t\//);
    const [, reply] = await listThreadPosts({ viewer: w.other, threadId: w.thread.id, page: 1 });
    expect(reply!.attachments).toEqual([
      expect.objectContaining({ filename: "foto.webp", contentType: "image/webp" }),
    ]);
    expect(await purposes(ids)).toEqual({ [ids[0]!]: "forum_attachment", [ids[1]!]: "forum_pending" });
  });

  it("keep the files of a new thread whose title was missing, and post them once it is given", async () => {
    const w = await setting();
    const token = await createSession(w.author.id);
    const form = (title: string, extra: [string, string | File][]) => {
      const f = new FormData();
      f.set("categoryId", w.category.id);
      f.set("title", title);
      f.set("body", "Grundriss anbei.");
      f.set("intent", "submit");
      for (const [name, value] of extra) f.append(name, value);
      return f;
    };
    const refused = await actAs(token, () =>
      createThreadAction({ status: "idle" }, form("", [["attachments", pdfFile()]])),
    );
    expect(refused).toMatchObject({ status: "error", attachments: [{ filename: "plan.pdf" }] });
    expect((refused as { fieldErrors: object }).fieldErrors).toHaveProperty("title");
    const sent = await actAs(token, () =>
      createThreadAction({ status: "idle" }, form("Grundriss gesucht", ticked(refused))),
    );
    expect(sent).toMatch(/^redirected:\/forum\/t\//);
    const db = await getDb();
    const [created] = await db
      .select({ id: forumThreads.id })
      .from(forumThreads)
      .where(eq(forumThreads.authorId, w.author.id))
      .orderBy(sql`${forumThreads.id} desc`)
      .limit(1);
    const [first] = await listThreadPosts({ viewer: w.other, threadId: created!.id, page: 1 });
    expect(first!.attachments.map((a) => a.filename)).toEqual(["plan.pdf"]);
  });

  it("refuse another member's pending file: nothing is posted and the file stays theirs", async () => {
    const w = await setting();
    const theirs = await actAs(await createSession(w.other.id), () =>
      replyAction({ status: "idle" }, replyForm(w.thread.id, "preview", [["attachments", pdfFile()]])),
    );
    const stolen = ticked(theirs);
    expect(stolen).toHaveLength(1);
    const token = await createSession(w.author.id);
    for (const intent of ["preview", "submit"] as const) {
      const state = await actAs(token, () =>
        replyAction({ status: "idle" }, replyForm(w.thread.id, intent, stolen)),
      );
      expect(state).toMatchObject({
        fieldErrors: { attachments: { key: "attachmentGone" } },
        attachments: [],
      });
    }
    const db = await getDb();
    const posts = await db.select().from(forumPosts).where(eq(forumPosts.threadId, w.thread.id));
    expect(posts).toHaveLength(1);
    const id = stolen[0]![1].slice(0, 36);
    expect(await purposes([id])).toEqual({ [id]: "forum_pending" });
  });

  it("refuse a file that is neither image nor PDF on preview, keeping the text", async () => {
    const w = await setting();
    const state = await actAs(await createSession(w.author.id), () =>
      replyAction(
        { status: "idle" },
        replyForm(w.thread.id, "preview", [
          ["attachments", new File(["<html>"], "x.jpg", { type: "image/jpeg" })],
        ]),
      ),
    );
    expect(state).toMatchObject({
      status: "preview",
      fieldErrors: { attachments: { key: "attachmentNotAccepted" } },
      values: { body: "Hier der Grundriss und ein Foto." },
      attachments: [],
      refusedFiles: ["x.jpg"],
    });
  });

  it("name a refused file on sending and keep the good ones chosen with it, to go with the reply", async () => {
    const w = await setting();
    const token = await createSession(w.author.id);
    const refused = await actAs(token, async () =>
      replyAction(
        { status: "idle" },
        replyForm(w.thread.id, "submit", [
          ["attachments", new File(["nur Text"], "fake.pdf", { type: "application/pdf" })],
          ["attachments", await imageFile("foto.jpg")],
        ]),
      ),
    );
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { attachments: { key: "attachmentNotAccepted" } },
      values: { body: "Hier der Grundriss und ein Foto." },
      attachments: [{ filename: "foto.webp" }],
      refusedFiles: ["fake.pdf"],
    });
    expect(await listThreadPosts({ viewer: w.author, threadId: w.thread.id, page: 1 })).toHaveLength(1);
    const sent = await actAs(token, () =>
      replyAction({ status: "idle" }, replyForm(w.thread.id, "submit", ticked(refused))),
    );
    expect(sent).toMatch(/^redirected:\/forum\/t\//);
    const [, reply] = await listThreadPosts({ viewer: w.other, threadId: w.thread.id, page: 1 });
    expect(reply!.attachments).toEqual([expect.objectContaining({ filename: "foto.webp" })]);
  });

  it("are deleted by the hourly job a day after the preview when never posted", async () => {
    const w = await setting();
    const token = await createSession(w.author.id);
    const old = ticked(
      await actAs(token, () =>
        replyAction({ status: "idle" }, replyForm(w.thread.id, "preview", [["attachments", pdfFile()]])),
      ),
    );
    const fresh = ticked(
      await actAs(token, () =>
        replyAction({ status: "idle" }, replyForm(w.thread.id, "preview", [["attachments", pdfFile()]])),
      ),
    );
    const [oldId, freshId] = [old[0]![1].slice(0, 36), fresh[0]![1].slice(0, 36)];
    const db = await getDb();
    await db
      .update(uploads)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(uploads.id, oldId));
    expect(jobSchedules.map((s) => s.name)).toContain("forum.cleanupPending");
    await jobHandlers["forum.cleanupPending"]!({});
    expect(await purposes([oldId, freshId])).toEqual({ [freshId]: "forum_pending" });
    // Posting it too late: clearly refused, not silently without the file.
    const late = await actAs(token, () =>
      replyAction({ status: "idle" }, replyForm(w.thread.id, "submit", old)),
    );
    expect(late).toMatchObject({ status: "error", fieldErrors: { attachments: { key: "attachmentGone" } } });
  });
});
