// A reported message a coordinator removes counts no more than one its sender deleted: whoever had not
// read it no longer finds it in their unread count, their notification or the mail that follows.
import { describe, expect, it } from "vitest";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { listConversations } from "@/lib/messages/data";
import { reportMessage } from "@/lib/messages/moderation";
import { sendMessage, startConversation } from "@/lib/messages/mutations";
import { markConversationRead } from "@/lib/messages/participation";
import { setMessageRemoved } from "@/lib/messages/removal";
import { resolveReport } from "@/lib/moderation/mutations";
import { countUnread, listNotifications } from "@/lib/notifications/data";
import { member, outboxTo } from "../support/messages-factories";
import { MAIL_WINDOW } from "../support/notification-lines";

const text = (body: string) => ({ body, files: [] });

async function unreadIn(userId: string, conversationId: string) {
  const { items } = await listConversations({ userId });
  return items.find((c) => c.id === conversationId)?.unreadCount;
}

/** Katrin writes to a group; Amal reads it and reports the message, Bernd has not opened it yet. */
async function reportedInGroup(...bodies: string[]) {
  const katrin = await member("Katrin Schreibt");
  const amal = await member("Amal Meldet");
  const bernd = await member("Bernd Liest");
  const coordinator = await member("Clara Koordiniert", { role: "coordinator" });
  const [first, ...rest] = bodies;
  const start = await startConversation({
    senderId: katrin.id,
    recipientIds: [amal.id, bernd.id],
    title: "Nachbarschaftshilfe",
    ...text(first!),
  });
  const { conversationId } = start;
  const sent = [start];
  for (const body of rest)
    sent.push(await sendMessage({ senderId: katrin.id, conversationId, ...text(body) }));
  await markConversationRead({ userId: amal.id, conversationId });
  const reported = sent.at(-1)!;
  const report = await reportMessage({
    reporterId: amal.id,
    messageId: reported.messageId,
    reason: "Beleidigend",
  });
  return { katrin, amal, bernd, coordinator, conversationId, sent, reported, reportId: report.id };
}

describe("a reported message a coordinator removes before it was read", () => {
  it("takes back the notification and the unread count when it was the only new one; no mail goes out", async () => {
    const w = await reportedInGroup("BELEIDIGUNG");
    expect(await unreadIn(w.bernd.id, w.conversationId)).toBe(1);
    expect(await countUnread(w.bernd.id, w.bernd.role)).toEqual({ conversations: 1, notifications: 1 });

    await resolveReport({ reportId: w.reportId, decision: "delete", actorId: w.coordinator.id });

    expect(await unreadIn(w.bernd.id, w.conversationId)).toBe(0);
    expect(await countUnread(w.bernd.id, w.bernd.role)).toEqual({ conversations: 0, notifications: 0 });
    expect((await listNotifications({ reader: w.bernd })).items).toEqual([]);
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(w.bernd.email)).toEqual([]);
  });

  it("when hidden, counts one fewer and links to the message before it; the mail quotes only that", async () => {
    const w = await reportedInGroup("Wer hilft am Samstag?", "BELEIDIGUNG");
    expect(await unreadIn(w.bernd.id, w.conversationId)).toBe(2);

    await resolveReport({ reportId: w.reportId, decision: "hide", actorId: w.coordinator.id });

    expect(await unreadIn(w.bernd.id, w.conversationId)).toBe(1);
    expect((await listNotifications({ reader: w.bernd })).items).toMatchObject([
      { count: 1, url: `/messages/${w.conversationId}#m-${w.sent[0]!.messageId}`, readAt: null },
    ]);
    // Amal had read both: nothing changes for her, and the sender is never counted.
    expect(await unreadIn(w.amal.id, w.conversationId)).toBe(0);
    expect(await unreadIn(w.katrin.id, w.conversationId)).toBe(0);

    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const mails = await outboxTo(w.bernd.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`Neue Nachricht von ${w.katrin.name} in „Nachbarschaftshilfe“`);
    expect(mails[0]?.text).toContain("Wer hilft am Samstag?");
    expect(mails[0]?.text).not.toContain("BELEIDIGUNG");
    // Amal, who had read both, is told of the decision on her report, not mailed the messages.
    const amalsMails = await outboxTo(w.amal.email);
    expect(amalsMails.map((m) => m.text).filter((t) => t.includes("Wer hilft am Samstag?"))).toEqual([]);
  });

  it("counts as unread again for whoever had not read it once a coordinator restores it", async () => {
    const w = await reportedInGroup("Wer hilft am Samstag?", "Doch nicht so schlimm");
    // A coordinator hid it while its report is still open: the queue offers "restore".
    await setMessageRemoved({ messageId: w.reported.messageId, removed: true });
    expect(await unreadIn(w.bernd.id, w.conversationId)).toBe(1);
    await resolveReport({ reportId: w.reportId, decision: "restore", actorId: w.coordinator.id });

    expect(await unreadIn(w.bernd.id, w.conversationId)).toBe(2);
    expect(await unreadIn(w.amal.id, w.conversationId)).toBe(0);
  });
});
