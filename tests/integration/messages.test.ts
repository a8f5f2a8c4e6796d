import { eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { GET as getAttachment } from "@/app/(member)/messages/attachments/[id]/route";
import { getDb } from "@/db/client";
import { reports } from "@/db/schema";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { getAttachmentForParticipant } from "@/lib/messages/attachment-data";
import { checkAttachments } from "@/lib/messages/attachments";
import { blockMember, unblockMember } from "@/lib/messages/blocks";
import { getConversationForParticipant, listConversations, listMessages } from "@/lib/messages/data";
import { reportMessage } from "@/lib/messages/moderation";
import { sendMessage, startConversation } from "@/lib/messages/mutations";
import { leaveConversation, markConversationRead } from "@/lib/messages/participation";
import { checkMessagingRate } from "@/lib/messages/rate";
import { deleteOwnMessage } from "@/lib/messages/removal";
import { countUnread, listNotifications } from "@/lib/notifications/data";
import { deleteOwnAccount } from "@/lib/privacy/mutations";
import { createSession } from "../support/factories";
import { member, outboxTo } from "../support/messages-factories";
import { MAIL_WINDOW } from "../support/notification-lines";

const text = (body: string) => ({ body, files: [] });

async function fetchAttachment(id: string, userId?: string) {
  const cookie = userId ? `authjs.session-token=${await createSession(userId)}` : "";
  const request = new Request(`http://localhost:3000/messages/attachments/${id}`, { headers: { cookie } });
  return getAttachment(request, { params: Promise.resolve({ id }) });
}

const pngFile = async (name = "foto.png") => {
  const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#16a085" } })
    .withMetadata({ exif: { IFD0: { Copyright: "Secret GPS place" } } })
    .png()
    .toBuffer();
  return new File([new Uint8Array(data)], name, { type: "image/png" });
};

describe("direct conversations", () => {
  it("are created once per pair, count unread and sort by last activity", async () => {
    const anna = await member("Anna Direkt");
    const bernd = await member("Bernd Direkt");
    const clara = await member("Clara Direkt");
    const first = await startConversation({
      senderId: anna.id,
      recipientIds: [bernd.id],
      ...text("Hallo Bernd!"),
    });
    const again = await startConversation({
      senderId: bernd.id,
      recipientIds: [anna.id],
      ...text("Hallo Anna!"),
    });
    expect(again.conversationId).toBe(first.conversationId);
    const withClara = await startConversation({
      senderId: clara.id,
      recipientIds: [anna.id],
      ...text("Guten Tag"),
    });

    expect((await countUnread(anna.id, anna.role)).conversations).toBe(2);
    const list = await listConversations({ userId: anna.id });
    expect(list.items.map((c) => c.id)).toEqual([withClara.conversationId, first.conversationId]);
    expect(list.items[1]).toMatchObject({ kind: "direct", names: [bernd.name], unreadCount: 1 });
    expect(list.items[1]?.last).toMatchObject({ body: "Hallo Anna!", senderName: bernd.name });

    const opened = { conversationId: first.conversationId, userId: anna.id };
    expect(await getConversationForParticipant(opened)).toMatchObject({ unread: true });
    await markConversationRead({ userId: anna.id, conversationId: first.conversationId });
    expect((await countUnread(anna.id, anna.role)).conversations).toBe(1);
    // opening it again has nothing to mark
    expect(await getConversationForParticipant(opened)).toMatchObject({ unread: false });

    await sendMessage({ senderId: anna.id, conversationId: first.conversationId, ...text("Wie geht's?") });
    const after = await listConversations({ userId: anna.id });
    expect(after.items[0]?.id).toBe(first.conversationId);
    expect(await getConversationForParticipant(opened)).toMatchObject({ unread: false });
    await sendMessage({ senderId: bernd.id, conversationId: first.conversationId, ...text("Gut!") });
    expect(await getConversationForParticipant(opened)).toMatchObject({ unread: true, unreadCount: 1 });
  });

  it("pages messages by keyset, newest page first, oldest first within a page", async () => {
    const a = await member("Dora Viel");
    const b = await member("Emil Viel");
    const { conversationId } = await startConversation({
      senderId: a.id,
      recipientIds: [b.id],
      ...text("Nachricht 0"),
    });
    for (let i = 1; i < 7; i++)
      await sendMessage({ senderId: i % 2 ? b.id : a.id, conversationId, ...text(`Nachricht ${i}`) });
    const seen: string[] = [];
    let before = null;
    for (let page = 0; page < 5; page++) {
      const result: Awaited<ReturnType<typeof listMessages>> = await listMessages({
        conversationId,
        viewerId: a.id,
        before,
        limit: 3,
      });
      seen.unshift(...result.items.map((m) => m.body));
      before = result.older;
      if (!before) break;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Nachricht ${i}`));
  });
});

describe("privacy", () => {
  it("only participants read a conversation and its files: another member, a coordinator and an admin get nothing", async () => {
    const a = await member("Fatma Privat");
    const b = await member("Gustav Privat");
    const outsider = await member("Heidi Neugierig");
    const coordinator = await member("Ingo Koordination", { role: "coordinator" });
    const admin = await member("Jana Admin", { role: "admin" });
    const file = await pngFile();
    const posted = await startConversation({
      senderId: a.id,
      recipientIds: [b.id],
      body: "Vertraulich",
      files: await checkAttachments([file]),
    });
    const { items } = await listMessages({ conversationId: posted.conversationId, viewerId: b.id });
    const attachmentId = items[0]!.attachments[0]!.id;

    for (const user of [outsider, coordinator, admin]) {
      expect(
        await getConversationForParticipant({ conversationId: posted.conversationId, userId: user.id }),
      ).toBeNull();
      expect(await getAttachmentForParticipant({ attachmentId, userId: user.id })).toBeNull();
      expect((await fetchAttachment(attachmentId, user.id)).status).toBe(404);
      await expect(
        sendMessage({ senderId: user.id, conversationId: posted.conversationId, ...text("Hallo?") }),
      ).rejects.toMatchObject({ code: "not_found" });
      expect((await listConversations({ userId: user.id })).items.map((c) => c.id)).not.toContain(
        posted.conversationId,
      );
      expect((await countUnread(user.id, user.role)).notifications).toBe(0);
    }
    expect((await fetchAttachment(attachmentId)).status).toBe(404);
    const response = await fetchAttachment(attachmentId, b.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const served = Buffer.from(await response.arrayBuffer());
    expect(served.includes(Buffer.from("Secret GPS place"))).toBe(false);
  });

  it("refuses unknown, unlisted and hidden-name recipients", async () => {
    const a = await member("Karl Sucht");
    const hidden = await member("Lena Versteckt", { visibility: { name: 2 } });
    await expect(
      startConversation({ senderId: a.id, recipientIds: [hidden.id], ...text("Hallo") }),
    ).rejects.toMatchObject({ message: "recipientUnknown", field: "to" });
    await expect(
      startConversation({ senderId: a.id, recipientIds: ["nobody"], ...text("Hallo") }),
    ).rejects.toMatchObject({ message: "recipientUnknown" });
    await expect(
      startConversation({ senderId: a.id, recipientIds: [a.id], ...text("Hallo") }),
    ).rejects.toMatchObject({ message: "recipientRequired" });
  });
});

describe("groups", () => {
  it("reach every member; leaving hides the group and tells the others", async () => {
    const a = await member("Mona Gruppe");
    const b = await member("Nils Gruppe");
    const c = await member("Olga Gruppe");
    const { conversationId } = await startConversation({
      senderId: a.id,
      recipientIds: [b.id, c.id],
      title: "Sommerfest planen",
      ...text("Wer macht was?"),
    });
    const view = await getConversationForParticipant({ conversationId, userId: b.id });
    expect(view).toMatchObject({ kind: "group", title: "Sommerfest planen" });
    expect(view?.participants.map((p) => p.id).sort()).toEqual([a.id, c.id].sort());

    await leaveConversation({ userId: c.id, conversationId });
    expect(await getConversationForParticipant({ conversationId, userId: c.id })).toBeNull();
    expect((await listConversations({ userId: c.id })).items.map((i) => i.id)).not.toContain(conversationId);
    const { items } = await listMessages({ conversationId, viewerId: a.id });
    expect(items.at(-1)).toMatchObject({ kind: "left", senderId: c.id });

    await sendMessage({ senderId: a.id, conversationId, ...text("Danke euch") });
    expect((await countUnread(c.id, c.role)).conversations).toBe(0);
    await expect(
      leaveConversation({
        userId: a.id,
        conversationId: (await startConversation({ senderId: a.id, recipientIds: [b.id], ...text("Direkt") }))
          .conversationId,
      }),
    ).rejects.toMatchObject({ message: "cannotLeaveDirect" });
  });
});

describe("blocking", () => {
  it("stops the blocked member writing to you, and you stop seeing their messages", async () => {
    const me = await member("Paula Blockt");
    const pest = await member("Rudi Lästig");
    const friend = await member("Sara Freundin");
    const direct = await startConversation({ senderId: pest.id, recipientIds: [me.id], ...text("Hallo!!!") });
    const group = await startConversation({
      senderId: friend.id,
      recipientIds: [me.id, pest.id],
      title: "Nachbarschaft",
      ...text("Treffen am Montag"),
    });
    await sendMessage({ senderId: pest.id, conversationId: group.conversationId, ...text("Ich komme auch") });
    expect((await countUnread(me.id, me.role)).conversations).toBe(2);

    await blockMember({ blockerId: me.id, blockedId: pest.id });
    await expect(
      sendMessage({ senderId: pest.id, conversationId: direct.conversationId, ...text("Noch da?") }),
    ).rejects.toMatchObject({ message: "recipientUnavailable" });
    await expect(
      startConversation({ senderId: pest.id, recipientIds: [me.id], title: "Neu", ...text("Hallo") }),
    ).rejects.toMatchObject({ message: "recipientUnavailable" });
    await expect(
      sendMessage({ senderId: me.id, conversationId: direct.conversationId, ...text("x") }),
    ).rejects.toMatchObject({ message: "youBlockedRecipient" });

    // In the shared group they may still write, but I neither see it nor count it nor get notified.
    await sendMessage({ senderId: pest.id, conversationId: group.conversationId, ...text("Hört mich wer?") });
    const { items } = await listMessages({ conversationId: group.conversationId, viewerId: me.id });
    expect(items.map((m) => m.body)).toEqual(["Treffen am Montag"]);
    const list = await listConversations({ userId: me.id });
    expect(list.items.find((c) => c.id === group.conversationId)).toMatchObject({
      unreadCount: 1,
      last: { body: "Treffen am Montag" },
    });
    // Not even the notifications from before the block are listed any more, read or not.
    expect((await listNotifications({ reader: me })).items.map((n) => n.actorName)).toEqual([friend.name]);
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const mails = await outboxTo(me.email);
    expect(mails.map((m) => m.text).join("\n")).not.toContain("Hört mich wer?");
    expect(mails.map((m) => m.text).join("\n")).not.toContain("Hallo!!!");

    await unblockMember({ blockerId: me.id, blockedId: pest.id });
    expect(
      (await listMessages({ conversationId: group.conversationId, viewerId: me.id })).items,
    ).toHaveLength(3);
    expect((await listNotifications({ reader: me })).items.map((n) => n.actorName)).toContain(pest.name);
  });
});

describe("a member who left the network", () => {
  it("closes a direct conversation with them: no reply, no block, no profile link", async () => {
    const stays = await member("Sabine Bleibt");
    const leaves = await member("Franziska Geht");
    const { conversationId } = await startConversation({
      senderId: leaves.id,
      recipientIds: [stays.id],
      ...text("Ich melde mich ab."),
    });
    await deleteOwnAccount({ userId: leaves.id });
    const view = await getConversationForParticipant({ conversationId, userId: stays.id });
    expect(view?.participants).toEqual([
      expect.objectContaining({ id: leaves.id, name: null, member: false }),
    ]);
    await expect(
      sendMessage({ senderId: stays.id, conversationId, ...text("Schade!") }),
    ).rejects.toMatchObject({ message: "recipientGone" });
    // what was written stays readable
    const { items } = await listMessages({ conversationId, viewerId: stays.id });
    expect(items.map((m) => m.body)).toEqual(["Ich melde mich ab."]);
  });
});

describe("message mails", () => {
  it("batch a burst into one mail with the messages and a working link, and skip what was read", async () => {
    const a = await member("Tina Eilig");
    const b = await member("Uwe Empfängt");
    const { conversationId } = await startConversation({
      senderId: a.id,
      recipientIds: [b.id],
      ...text("Erste Nachricht"),
    });
    for (const body of ["Zweite", "Dritte **fett**"])
      await sendMessage({ senderId: a.id, conversationId, ...text(body) });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const mails = await outboxTo(b.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`3 neue Nachrichten von ${a.name}`);
    expect(mails[0]?.text).toContain("Erste Nachricht");
    expect(mails[0]?.text).toContain("Dritte **fett**");
    expect(mails[0]?.text).toContain(`http://localhost:3000/messages/${conversationId}#m-`);

    // The next mail, while the first messages are still unread, quotes only what came after it.
    await sendMessage({ senderId: a.id, conversationId, ...text("Vierte, nach der Mail") });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const second = (await outboxTo(b.email))[1];
    expect(second?.subject).toBe(`Neue Nachricht von ${a.name}`);
    expect(second?.text).toContain("Vierte, nach der Mail");
    expect(second?.text).not.toContain("Erste Nachricht");

    await sendMessage({ senderId: a.id, conversationId, ...text("Schon gelesen?") });
    await markConversationRead({ userId: b.id, conversationId });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(b.email)).toHaveLength(2);

    await sendMessage({ senderId: a.id, conversationId, ...text("Gelöscht bevor gemailt") });
    const { items } = await listMessages({ conversationId, viewerId: a.id });
    await deleteOwnMessage({ userId: a.id, messageId: items.at(-1)!.id });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(b.email)).toHaveLength(2);
  });
});

describe("attachments", () => {
  it("accept photos, PDFs and office files by content, and refuse the rest", async () => {
    const pdf = new File([new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj\n")], "Flyer.pdf");
    const checked = await checkAttachments([await pngFile("../../etc/foto.png"), pdf]);
    expect(checked.map((c) => [c.fileName, c.contentType])).toEqual([
      ["foto.png", "image/png"],
      ["Flyer.pdf", "application/pdf"],
    ]);
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])], "rechnung.pdf");
    await expect(checkAttachments([exe])).rejects.toMatchObject({
      message: "attachmentType",
      field: "attachments",
    });
    const html = new File(["<script>alert(1)</script>"], "seite.html", { type: "text/html" });
    await expect(checkAttachments([html])).rejects.toMatchObject({ message: "attachmentType" });
    const big = new File([new Uint8Array(4 * 1024 * 1024 + 1)], "gross.pdf");
    await expect(checkAttachments([big])).rejects.toMatchObject({ message: "attachmentTooLarge" });
    const many = Array.from({ length: 6 }, (_, i) => new File(["hallo"], `t${i}.txt`));
    await expect(checkAttachments(many)).rejects.toMatchObject({ message: "attachmentCount" });
    expect(await checkAttachments([new File([], "")])).toEqual([]);
  });
});

describe("reporting", () => {
  it("puts a message the reporter can see into the moderation queue, nothing else", async () => {
    const a = await member("Vera Meldet");
    const b = await member("Willi Schreibt");
    const outsider = await member("Xaver Draußen");
    const { conversationId } = await startConversation({
      senderId: b.id,
      recipientIds: [a.id],
      ...text("Unfreundlich"),
    });
    const { items } = await listMessages({ conversationId, viewerId: a.id });
    const messageId = items[0]!.id;
    await expect(reportMessage({ reporterId: outsider.id, messageId, reason: "x" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(reportMessage({ reporterId: b.id, messageId, reason: "x" })).rejects.toMatchObject({
      message: "cannotReportOwn",
    });
    await reportMessage({ reporterId: a.id, messageId, reason: "Beleidigend" });
    const db = await getDb();
    const rows = await db.select().from(reports).where(eq(reports.subjectId, messageId));
    expect(rows).toMatchObject([
      { subjectType: "message", reporterId: a.id, reason: "Beleidigend", status: "open" },
    ]);
  });
});

describe("sending limits", () => {
  const refusal = { code: "rate_limited", message: "rateLimited" };

  it("let a member write 20 messages a minute, then refuse the next with a message to show", async () => {
    const anna = await member("Anna");
    for (let i = 0; i < 20; i++) await checkMessagingRate({ userId: anna.id, starting: false });
    await expect(checkMessagingRate({ userId: anna.id, starting: false })).rejects.toMatchObject(refusal);
    // another member is not held back by Anna's messages
    const bernd = await member("Bernd");
    await expect(checkMessagingRate({ userId: bernd.id, starting: false })).resolves.toBeUndefined();
  });

  it("let a member start 10 conversations an hour, while replies in them still go", async () => {
    const clara = await member("Clara");
    for (let i = 0; i < 10; i++) await checkMessagingRate({ userId: clara.id, starting: true });
    await expect(checkMessagingRate({ userId: clara.id, starting: true })).rejects.toMatchObject(refusal);
    await expect(checkMessagingRate({ userId: clara.id, starting: false })).resolves.toBeUndefined();
  });
});
