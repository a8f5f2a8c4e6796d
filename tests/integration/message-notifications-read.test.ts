// Someone who writes in a conversation, or opens it, has seen the messages there: their "new message"
// notification is read and no mail about those messages goes out.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { loadConversation } from "@/lib/messages/loaders";
import { sendMessage, startConversation } from "@/lib/messages/mutations";
import { countUnread, listNotifications } from "@/lib/notifications/data";
import { actAs } from "../support/actions";
import { createSession } from "../support/factories";
import { member, outboxTo } from "../support/messages-factories";
import { MAIL_WINDOW } from "../support/notification-lines";

const text = (body: string) => ({ body, files: [] });

describe("answering in a conversation", () => {
  it("marks the other's message notification read for the one who answers, and mails them nothing about it", async () => {
    const katrin = await member("Katrin Fragt");
    const iryna = await member("Iryna Antwortet");
    const { conversationId } = await startConversation({
      senderId: iryna.id,
      recipientIds: [katrin.id],
      ...text("Hast du Zeit?"),
    });
    await sendMessage({ senderId: katrin.id, conversationId, ...text("Klar – passt dir Montag 10 Uhr?") });
    expect((await countUnread(iryna.id, iryna.role)).notifications).toBe(1);

    // Iryna answers below it, on the page she had open, before the mail is due.
    await sendMessage({ senderId: iryna.id, conversationId, ...text("Ja, Montag passt.") });
    expect((await countUnread(iryna.id, iryna.role)).notifications).toBe(0);
    expect((await listNotifications({ reader: iryna })).items).toMatchObject([
      { kind: "message", readAt: expect.any(Date) },
    ]);
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(iryna.email)).toEqual([]);
    // Katrin gets Iryna's answer as usual.
    expect((await countUnread(katrin.id, katrin.role)).notifications).toBe(1);
    expect((await outboxTo(katrin.email)).map((m) => m.text).join("\n")).toContain("Ja, Montag passt.");

    // Katrin writes again: a new unread line for Iryna, as before.
    await sendMessage({ senderId: katrin.id, conversationId, ...text("Super, bis dann!") });
    expect((await countUnread(iryna.id, iryna.role)).notifications).toBe(1);
  });

  it("answered through 'new message' to the same person (the direct conversation again) counts as read too", async () => {
    const katrin = await member("Katrin Schreibt");
    const amal = await member("Amal Antwortet");
    await startConversation({ senderId: katrin.id, recipientIds: [amal.id], ...text("Eins") });
    const { conversationId } = await startConversation({
      senderId: katrin.id,
      recipientIds: [amal.id],
      ...text("Zwei"),
    });
    expect((await countUnread(amal.id, amal.role)).notifications).toBe(1);
    const reply = await startConversation({
      senderId: amal.id,
      recipientIds: [katrin.id],
      ...text("Danke!"),
    });
    expect(reply.conversationId).toBe(conversationId);
    expect((await countUnread(amal.id, amal.role)).notifications).toBe(0);
  });
});

describe("opening a conversation", () => {
  it("clears its notifications even when no message in it is unread any more", async () => {
    const anna = await member("Anna Liest");
    const bernd = await member("Bernd Schreibt");
    const { conversationId } = await startConversation({
      senderId: bernd.id,
      recipientIds: [anna.id],
      ...text("Hallo Anna"),
    });
    await sendMessage({ senderId: anna.id, conversationId, ...text("Hallo Bernd") });
    // A line left unread from before (for instance by an earlier version that did not mark it).
    const db = await getDb();
    await db.update(notifications).set({ readAt: null }).where(eq(notifications.recipientId, anna.id));
    expect((await countUnread(anna.id, anna.role)).notifications).toBe(1);

    const token = await createSession(anna.id);
    const page = await actAs(token, () => loadConversation(conversationId, {}));
    expect(page).toMatchObject({ conversation: { id: conversationId } });
    expect((await countUnread(anna.id, anna.role)).notifications).toBe(0);
  });
});
