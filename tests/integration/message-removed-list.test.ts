import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { messages } from "@/db/schema";
import { reportMessage } from "@/lib/messages/moderation";
import {
  countRemovedMessages,
  listRemovedMessages,
  REMOVED_PAGE_SIZE,
} from "@/lib/messages/moderation-subject";
import { startConversation } from "@/lib/messages/mutations";
import { resolveReport } from "@/lib/moderation/mutations";
import { member } from "../support/messages-factories";
import { ownDatabaseForThisFile } from "../support/own-database";

// Counts every removed message, so no other file's may join them.
ownDatabaseForThisFile();

describe("the queue's list of removed messages", () => {
  it("counts them all and pages back to the first removed, instead of stopping at 50", async () => {
    const [katrin, amal] = [await member("Katrin Schreibt"), await member("Amal Meldet")];
    const coordinator = await member("Clara Koordiniert", { role: "coordinator" });
    const removed: string[] = [];
    for (let i = 0; i <= REMOVED_PAGE_SIZE; i++) {
      const { messageId } = await startConversation({
        senderId: katrin.id,
        recipientIds: [amal.id],
        body: `Nachricht ${i}`,
        files: [],
      });
      const report = await reportMessage({ reporterId: amal.id, messageId, reason: "Beleidigend" });
      await resolveReport({ reportId: report.id, decision: "hide", actorId: coordinator.id });
      // All within one millisecond: the pages' cursor must tell them apart.
      await (await getDb())
        .update(messages)
        .set({ deletedAt: sql`'2026-12-01T09:00:00.000Z'::timestamptz + ${i} * interval '10 microseconds'` })
        .where(eq(messages.id, messageId));
      removed.push(messageId);
    }

    expect(await countRemovedMessages()).toBe(REMOVED_PAGE_SIZE + 1);
    const first = await listRemovedMessages();
    expect(first.map((m) => m.id)).toEqual(removed.toReversed().slice(0, REMOVED_PAGE_SIZE));
    const last = first.at(-1)!;
    const second = await listRemovedMessages(last);
    expect(second.map((m) => m.excerpt)).toEqual(["Nachricht 0"]);
  }, 60_000);
});
