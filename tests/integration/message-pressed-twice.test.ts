// "Leave group" and "Delete" pressed twice (a double click, or two tabs): the second request lands
// where the first did, with no "not found" page, and the others see one note that the member left.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { messages } from "@/db/schema";
import { deleteMessageAction, leaveConversationAction } from "@/lib/messages/actions";
import { conversationHref, startConversation } from "@/lib/messages/mutations";
import { actAs } from "../support/actions";
import { createSession } from "../support/factories";
import { form } from "../support/forms";
import { member } from "../support/messages-factories";

async function group() {
  const anna = await member("Anna Gruppe");
  const ben = await member("Ben Gruppe");
  const cem = await member("Cem Geht");
  const { conversationId, messageId } = await startConversation({
    senderId: cem.id,
    recipientIds: [anna.id, ben.id],
    title: "Sommerfest",
    body: "Wer bringt Stühle mit?",
    files: [],
  });
  return { cem, conversationId, messageId, token: await createSession(cem.id) };
}

describe("leaving a group, pressed twice at once", () => {
  it("leads both requests to the conversation list, and the others see one note", async () => {
    const w = await group();
    const leave = () =>
      actAs(w.token, () => leaveConversationAction(form({ conversationId: w.conversationId })));
    expect(await Promise.all([leave(), leave()])).toEqual(["redirected:/messages", "redirected:/messages"]);
    expect(await leave()).toBe("redirected:/messages");
    const db = await getDb();
    const notes = await db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.conversationId, w.conversationId), eq(messages.kind, "left")));
    expect(notes).toHaveLength(1);
  });
});

describe("deleting one's own message, pressed twice at once", () => {
  it("leads both requests back to the message", async () => {
    const w = await group();
    const remove = () => actAs(w.token, () => deleteMessageAction(form({ messageId: w.messageId })));
    const back = `redirected:${conversationHref(w.conversationId, w.messageId)}`;
    expect(await Promise.all([remove(), remove()])).toEqual([back, back]);
    expect(await remove()).toBe(back);
  });
});
