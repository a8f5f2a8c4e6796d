// A report is dismissed after the reported thing's author deleted it themselves: the reporter is
// told it is gone (by its author's hand), not that it "was reviewed and stays visible".
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import { setPostStatus } from "@/lib/forum/moderation-mutations";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { deleteOwnMessage } from "@/lib/messages/removal";
import { notificationText } from "@/lib/notifications/text";
import { outboxTo } from "../support/messages-factories";
import { decideReport, reportedMessage, reportedReply } from "../support/moderation";
import { tn } from "../support/notification-lines";

/** The reporter's moderation lines as the notification centre shows them in German. */
async function toldTo(reporterId: string) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientId, reporterId), eq(notifications.kind, "moderation")));
  return rows.map((r) => ({ text: notificationText(tn, { ...r, actorName: null }), url: r.url }));
}

const GONE = "ist erledigt: Der Inhalt wurde inzwischen von der Person gelöscht, die ihn geschrieben hat";
const STAYS = "Der Inhalt wurde geprüft und bleibt sichtbar";

describe("dismissing a report on a message its author deleted", () => {
  it("tells the reporter the author deleted it, not that it stays visible", async () => {
    const w = await reportedMessage();
    await deleteOwnMessage({ userId: w.katrin.id, messageId: w.messageId });

    expect(await decideReport(w.coordinator.id, w.reportId, "dismiss")).toBe(
      "redirected:/admin/moderation?done=dismiss",
    );

    const [line, ...rest] = await toldTo(w.amal.id);
    expect(rest).toEqual([]);
    expect(line?.text).toBe(`Ihre Meldung zu „Gemeldete Nachricht“ ${GONE}`);
    expect(line?.text).not.toContain(STAYS);
    expect(line?.url).toBe("/notifications");

    // Moderation notices are mailed at once: the mail says the same.
    await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    const mails = await outboxTo(w.amal.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(GONE);
    expect(mails[0]!.text).not.toContain(STAYS);
  });

  it("still tells the reporter a visible message stays visible", async () => {
    const w = await reportedMessage();

    expect(await decideReport(w.coordinator.id, w.reportId, "dismiss")).toBe(
      "redirected:/admin/moderation?done=dismiss",
    );

    const lines = await toldTo(w.amal.id);
    expect(lines.map((l) => l.text)).toEqual([`Ihre Meldung zu „Gemeldete Nachricht“: ${STAYS}`]);
  });
});

describe("dismissing a report on a forum post", () => {
  it("its author deleted tells the reporter so, linking nowhere", async () => {
    const w = await reportedReply();
    await setPostStatus({ postId: w.postId, status: "deleted", actorId: w.author.id });

    expect(await decideReport(w.coordinator.id, w.reportId, "dismiss")).toBe(
      "redirected:/admin/moderation?done=dismiss",
    );

    const lines = await toldTo(w.reporter.id);
    expect(lines).toEqual([{ text: `Ihre Meldung zu „${w.title}“ ${GONE}`, url: "/notifications" }]);
  });

  it("still visible tells the reporter it stays visible, linking to it", async () => {
    const w = await reportedReply();

    expect(await decideReport(w.coordinator.id, w.reportId, "dismiss")).toBe(
      "redirected:/admin/moderation?done=dismiss",
    );

    const [line, ...rest] = await toldTo(w.reporter.id);
    expect(rest).toEqual([]);
    expect(line?.text).toBe(`Ihre Meldung zu „${w.title}“: ${STAYS}`);
    expect(line?.url).not.toBe("/notifications");
  });
});
