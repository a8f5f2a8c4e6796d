// A message its sender deletes before the others read it no longer counts: not in their unread
// count, not in their notification (count and link), not in the mail that follows.
import { describe, expect, it } from "vitest";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { listConversations } from "@/lib/messages/data";
import { sendMessage, startConversation } from "@/lib/messages/mutations";
import { markConversationRead } from "@/lib/messages/participation";
import { deleteOwnMessage } from "@/lib/messages/removal";
import { countUnread, listNotifications } from "@/lib/notifications/data";
import { member, outboxTo } from "../support/messages-factories";
import { MAIL_WINDOW } from "../support/notification-lines";

const text = (body: string) => ({ body, files: [] });

async function unreadIn(userId: string, conversationId: string) {
  const { items } = await listConversations({ userId });
  return items.find((c) => c.id === conversationId)?.unreadCount;
}

describe("a message deleted by its sender before it was read", () => {
  it("leaves one unread message, one notification about it linking to it, and a mail about one", async () => {
    const dmytro = await member("Dmytro Schreibt");
    const iryna = await member("Iryna Liest");
    const a = await startConversation({
      senderId: dmytro.id,
      recipientIds: [iryna.id],
      ...text("Treffen am Donnerstag?"),
    });
    const b = await sendMessage({
      senderId: dmytro.id,
      conversationId: a.conversationId,
      ...text("VERSEHENTLICH gesendet"),
    });
    expect(await unreadIn(iryna.id, a.conversationId)).toBe(2);

    await deleteOwnMessage({ userId: dmytro.id, messageId: b.messageId });

    expect(await unreadIn(iryna.id, a.conversationId)).toBe(1);
    expect((await countUnread(iryna.id, iryna.role)).conversations).toBe(1);
    const { items } = await listNotifications({ reader: iryna });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      count: 1,
      url: `/messages/${a.conversationId}#m-${a.messageId}`,
      readAt: null,
    });

    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const mails = await outboxTo(iryna.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`Neue Nachricht von ${dmytro.name}`);
    expect(mails[0]?.text).toContain("Treffen am Donnerstag?");
    expect(mails[0]?.text).not.toContain("VERSEHENTLICH");
    expect(mails[0]?.text).toContain(`/messages/${a.conversationId}#m-${a.messageId}`);
    expect(mails[0]?.text).not.toContain(b.messageId);
  });

  it("takes back the notification and the unread count when it was the only new one; no mail goes out", async () => {
    const dmytro = await member("Dmytro Vertippt");
    const iryna = await member("Iryna Wartet");
    const { conversationId, messageId } = await startConversation({
      senderId: dmytro.id,
      recipientIds: [iryna.id],
      ...text("Falsche Person, sorry"),
    });
    await deleteOwnMessage({ userId: dmytro.id, messageId });

    expect(await unreadIn(iryna.id, conversationId)).toBe(0);
    expect(await countUnread(iryna.id, iryna.role)).toEqual({ conversations: 0, notifications: 0 });
    expect((await listNotifications({ reader: iryna })).items).toEqual([]);
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(iryna.email)).toEqual([]);
  });

  it("in a group, counts down only for those who had not read it, and keeps the link to the newest message", async () => {
    const katrin = await member("Katrin Gruppe");
    const amal = await member("Amal Gruppe");
    const bernd = await member("Bernd Gruppe");
    const first = await startConversation({
      senderId: katrin.id,
      recipientIds: [amal.id, bernd.id],
      title: "Dolmetschen Mai",
      ...text("Wer kann am 3. Mai?"),
    });
    const { conversationId } = first;
    const wrong = await sendMessage({ senderId: katrin.id, conversationId, ...text("Falscher Termin") });
    const last = await sendMessage({ senderId: katrin.id, conversationId, ...text("Und wer am 10. Mai?") });
    // Amal has read all three; Bernd none.
    await markConversationRead({ userId: amal.id, conversationId });

    await deleteOwnMessage({ userId: katrin.id, messageId: wrong.messageId });

    expect(await unreadIn(amal.id, conversationId)).toBe(0);
    expect(await unreadIn(bernd.id, conversationId)).toBe(2);
    expect((await listNotifications({ reader: bernd })).items).toMatchObject([
      { count: 2, url: `/messages/${conversationId}#m-${last.messageId}` },
    ]);
    expect((await listNotifications({ reader: amal })).items).toMatchObject([
      { count: 3, readAt: expect.any(Date) },
    ]);

    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(amal.email)).toEqual([]);
    const [mail] = await outboxTo(bernd.email);
    expect(mail?.subject).toBe(`2 neue Nachrichten von ${katrin.name} in „Dolmetschen Mai“`);
    expect(mail?.text).toContain("Wer kann am 3. Mai?");
    expect(mail?.text).toContain("Und wer am 10. Mai?");
    expect(mail?.text).not.toContain("Falscher Termin");
  });

  it("after the mail went out, the still unread line in the centre counts one fewer", async () => {
    const dmytro = await member("Dmytro Spaet");
    const iryna = await member("Iryna Spaet");
    const a = await startConversation({ senderId: dmytro.id, recipientIds: [iryna.id], ...text("Erste") });
    const b = await sendMessage({ senderId: dmytro.id, conversationId: a.conversationId, ...text("Zweite") });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(iryna.email)).toHaveLength(1);

    await deleteOwnMessage({ userId: dmytro.id, messageId: b.messageId });
    expect(await unreadIn(iryna.id, a.conversationId)).toBe(1);
    expect((await listNotifications({ reader: iryna })).items).toMatchObject([
      { count: 1, url: `/messages/${a.conversationId}#m-${a.messageId}`, readAt: null },
    ]);
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(iryna.email)).toHaveLength(1);
  });
});
