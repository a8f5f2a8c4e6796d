// Files sent with a message that comes back (too long, a blocked recipient, any error): kept as the
// member's pending uploads, listed in the form, attached when the message is sent; only the member's own,
// and deleted a day later when never sent.
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as getAttachment } from "@/app/(member)/messages/attachments/[id]/route";
import { getDb } from "@/db/client";
import { messages, uploads } from "@/db/schema";
import { jobHandlers, jobSchedules } from "@/lib/jobs/registry";
import { sendMessageAction, startConversationAction } from "@/lib/messages/actions";
import { blockMember, unblockMember } from "@/lib/messages/blocks";
import { MAX_BODY } from "@/lib/messages/constants";
import { listMessages } from "@/lib/messages/data";
import { startConversation } from "@/lib/messages/mutations";
import type { PendingAttachment } from "@/lib/uploads/constants";
import { actAs } from "../support/actions";
import { createSession } from "../support/factories";
import { imageFile, pdfFile } from "../support/files";
import { member } from "../support/messages-factories";

type Entry = [string, string | File];

function replyForm(conversationId: string, body: string, extra: Entry[] = []) {
  const form = new FormData();
  form.set("conversationId", conversationId);
  form.set("body", body);
  for (const [name, value] of extra) form.append(name, value);
  return form;
}

/** The ticked checkboxes a form that came back carries: "<id>:<name>" per kept file. */
const ticked = (state: unknown): Entry[] =>
  ((state as { attachments?: PendingAttachment[] }).attachments ?? []).map((a) => [
    "attachment",
    `${a.id}:${a.filename}`,
  ]);
const idsOf = (entries: Entry[]) => entries.map(([, v]) => String(v).slice(0, 36));

const purposes = async (ids: string[]) => {
  const db = await getDb();
  const rows = await db
    .select({ id: uploads.id, purpose: uploads.purpose })
    .from(uploads)
    .where(inArray(uploads.id, ids));
  return Object.fromEntries(rows.map((r) => [r.id, r.purpose]));
};

const messageCount = async (conversationId: string) => {
  const db = await getDb();
  return (await db.select().from(messages).where(eq(messages.conversationId, conversationId))).length;
};

async function fetchAttachment(id: string, userId: string) {
  const cookie = `authjs.session-token=${await createSession(userId)}`;
  const request = new Request(`http://localhost:3000/messages/attachments/${id}`, { headers: { cookie } });
  return getAttachment(request, { params: Promise.resolve({ id }) });
}

async function conversation() {
  const anna = await member("Anna Anhang");
  const bernd = await member("Bernd Empfang");
  const { conversationId } = await startConversation({
    senderId: anna.id,
    recipientIds: [bernd.id],
    body: "Hallo Bernd",
    files: [],
  });
  return { anna, bernd, conversationId };
}

describe("files of a message that comes back", () => {
  it("stay listed after a refused reply (too long) and go with it once it is sent; an unticked one stays behind", async () => {
    const w = await conversation();
    const token = await createSession(w.anna.id);
    const refused = await actAs(token, async () =>
      sendMessageAction(
        { status: "idle" },
        replyForm(w.conversationId, "x".repeat(MAX_BODY + 1), [
          ["attachments", await imageFile("foto.png")],
          ["attachments", pdfFile()],
        ]),
      ),
    );
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { body: { key: "tooLong" } },
      attachments: [{ filename: "foto.png" }, { filename: "plan.pdf" }],
    });
    // Nothing to choose again: the files are listed.
    expect((refused as { filesToChooseAgain?: number }).filesToChooseAgain).toBeUndefined();
    const kept = ticked(refused);
    const ids = idsOf(kept);
    expect(await purposes(ids)).toEqual({ [ids[0]!]: "message_pending", [ids[1]!]: "message_pending" });
    expect(await messageCount(w.conversationId)).toBe(1);

    const sent = await actAs(token, () =>
      sendMessageAction({ status: "idle" }, replyForm(w.conversationId, "Hier der Flyer.", [kept[0]!])),
    );
    expect(sent).toMatch(new RegExp(`^redirected:/messages/${w.conversationId}#m-`));
    const { items } = await listMessages({ conversationId: w.conversationId, viewerId: w.bernd.id });
    const message = items.find((m) => m.body === "Hier der Flyer.")!;
    expect(message.attachments).toEqual([
      expect.objectContaining({ fileName: "foto.png", contentType: "image/png" }),
    ]);
    const served = await fetchAttachment(message.attachments[0]!.id, w.bernd.id);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(await purposes(ids)).toEqual({ [ids[0]!]: "message_attachment", [ids[1]!]: "message_pending" });
  });

  it("name a chosen file of another type and keep the good ones chosen with it, to go with the reply", async () => {
    const w = await conversation();
    const token = await createSession(w.anna.id);
    const refused = await actAs(token, async () =>
      sendMessageAction(
        { status: "idle" },
        replyForm(w.conversationId, "Hier das Foto.", [
          ["attachments", new File(["nur Text, kein PDF"], "fake.pdf", { type: "application/pdf" })],
          ["attachments", await imageFile("foto.png")],
        ]),
      ),
    );
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { attachments: { key: "attachmentNotAccepted" } },
      values: { body: "Hier das Foto." },
      attachments: [{ filename: "foto.png" }],
      refusedFiles: ["fake.pdf"],
    });
    expect(await messageCount(w.conversationId)).toBe(1);

    const sent = await actAs(token, () =>
      sendMessageAction({ status: "idle" }, replyForm(w.conversationId, "Hier das Foto.", ticked(refused))),
    );
    expect(sent).toMatch(new RegExp(`^redirected:/messages/${w.conversationId}#m-`));
    const { items } = await listMessages({ conversationId: w.conversationId, viewerId: w.bernd.id });
    expect(items.find((m) => m.body === "Hier das Foto.")?.attachments).toEqual([
      expect.objectContaining({ fileName: "foto.png", contentType: "image/png" }),
    ]);
  });

  it("starting a conversation, name every refused file and keep the PDF chosen with them", async () => {
    const anna = await member("Anna Beginnt");
    const bernd = await member("Bernd Bekommt");
    const token = await createSession(anna.id);
    const form = new FormData();
    form.append("to", bernd.id);
    form.set("body", "Der Plan");
    form.append("attachments", new File(["MZ\u0090"], "setup.exe"));
    form.append("attachments", pdfFile());
    form.append(
      "attachments",
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2])], "kaputt.png"),
    );
    const refused = await actAs(token, () => startConversationAction({ status: "idle" }, form));
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { attachments: { key: "attachmentNotAccepted" } },
      attachments: [{ filename: "plan.pdf" }],
      refusedFiles: ["setup.exe", "kaputt.png"],
    });
  });

  it("stay listed when the recipient is blocked, and a file alone can start the conversation later", async () => {
    const anna = await member("Anna Neu");
    const bernd = await member("Bernd Blockiert");
    await blockMember({ blockerId: anna.id, blockedId: bernd.id });
    const token = await createSession(anna.id);
    const form = (extra: Entry[]) => {
      const f = new FormData();
      f.append("to", bernd.id);
      f.set("body", "");
      for (const [name, value] of extra) f.append(name, value);
      return f;
    };
    const refused = await actAs(token, () =>
      startConversationAction({ status: "idle" }, form([["attachments", pdfFile()]])),
    );
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { to: { key: "youBlockedRecipient" } },
      attachments: [{ filename: "plan.pdf" }],
    });
    await unblockMember({ blockerId: anna.id, blockedId: bernd.id });
    const sent = await actAs(token, () => startConversationAction({ status: "idle" }, form(ticked(refused))));
    const conversationId = String(sent).match(/^redirected:\/messages\/([\w-]+)#m-/)?.[1];
    expect(conversationId).toBeTruthy();
    const { items } = await listMessages({ conversationId: conversationId!, viewerId: bernd.id });
    expect(items.map((m) => m.attachments.map((a) => a.fileName))).toEqual([["plan.pdf"]]);
  });

  it("refuse another member's pending file: nothing is sent and the file stays theirs", async () => {
    const w = await conversation();
    const theirs = await actAs(await createSession(w.bernd.id), () =>
      sendMessageAction(
        { status: "idle" },
        replyForm(w.conversationId, "x".repeat(MAX_BODY + 1), [["attachments", pdfFile()]]),
      ),
    );
    const stolen = ticked(theirs);
    expect(stolen).toHaveLength(1);
    const state = await actAs(await createSession(w.anna.id), () =>
      sendMessageAction({ status: "idle" }, replyForm(w.conversationId, "Schau mal", stolen)),
    );
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: { attachments: { key: "attachmentGone" } },
      values: { body: "Schau mal" },
      attachments: [],
    });
    expect(await messageCount(w.conversationId)).toBe(1);
    const [id] = idsOf(stolen);
    expect(await purposes([id!])).toEqual({ [id!]: "message_pending" });
  });

  it("are deleted by the hourly job a day after when never sent", async () => {
    const w = await conversation();
    const token = await createSession(w.anna.id);
    const keep = async () =>
      ticked(
        await actAs(token, () =>
          sendMessageAction(
            { status: "idle" },
            replyForm(w.conversationId, "x".repeat(MAX_BODY + 1), [["attachments", pdfFile()]]),
          ),
        ),
      );
    const old = await keep();
    const fresh = await keep();
    const [oldId, freshId] = [idsOf(old)[0]!, idsOf(fresh)[0]!];
    const db = await getDb();
    await db
      .update(uploads)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(uploads.id, oldId));
    expect(jobSchedules.map((s) => s.name)).toContain("messages.cleanupPending");
    await jobHandlers["messages.cleanupPending"]!({});
    expect(await purposes([oldId, freshId])).toEqual({ [freshId]: "message_pending" });
    // Sending it too late: clearly refused, not silently without the file.
    const late = await actAs(token, () =>
      sendMessageAction({ status: "idle" }, replyForm(w.conversationId, "Jetzt aber", old)),
    );
    expect(late).toMatchObject({ status: "error", fieldErrors: { attachments: { key: "attachmentGone" } } });
  });
});
