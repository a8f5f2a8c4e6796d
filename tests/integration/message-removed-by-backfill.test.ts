// Migration 0025 tells who removed the messages removed before it: their author unless a coordinator's
// decision was logged right after the message went. An author's deletion must never become restorable.
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, messages } from "@/db/schema";
import { sendMessage, startConversation } from "@/lib/messages/mutations";
import { member } from "../support/messages-factories";

const MIGRATION = path.join(import.meta.dirname, "../../db/migrations/0025_message_removed_by.sql");

/** The migration's backfill, limited to these messages (the PostgreSQL test database is shared). */
async function backfill(ids: string[]) {
  const update = readFileSync(MIGRATION, "utf8")
    .split("--> statement-breakpoint")
    .find((statement) => statement.includes("UPDATE"))!;
  const scope = `WHERE m."deleted_at" IS NOT NULL`;
  expect(update).toContain(scope);
  const list = ids.map((id) => `'${id}'`).join(", ");
  const db = await getDb();
  await db.execute(sql.raw(update.replace(scope, `${scope} AND m."id" IN (${list})`)));
}

describe("migration 0025 on messages removed before it", () => {
  it("counts a removal as a coordinator's only where their hide or delete was logged right after it", async () => {
    const katrin = await member("Katrin Schreibt");
    const amal = await member("Amal Liest");
    const coordinator = await member("Clara Koordiniert", { role: "coordinator" });
    const first = await startConversation({
      senderId: katrin.id,
      recipientIds: [amal.id],
      body: "1",
      files: [],
    });
    const send = async (body: string) =>
      (await sendMessage({ senderId: katrin.id, conversationId: first.conversationId, body, files: [] }))
        .messageId;
    const noAudit = first.messageId;
    const hiddenRightAfter = await send("2");
    const deletedRightAfter = await send("3");
    const hiddenLater = await send("4");
    const hiddenBefore = await send("5");
    const visible = await send("6");
    const ids = [noAudit, hiddenRightAfter, deletedRightAfter, hiddenLater, hiddenBefore, visible];
    const at = new Date("2026-03-01T10:00:00Z");
    const plus = (ms: number) => new Date(at.getTime() + ms);
    const db = await getDb();
    // Whatever they say now, the backfill decides afresh from the audit log.
    await db
      .update(messages)
      .set({ deletedAt: at, removedBy: "moderator" })
      .where(inArray(messages.id, [noAudit, hiddenLater, hiddenBefore]));
    await db
      .update(messages)
      .set({ deletedAt: at, removedBy: "author" })
      .where(inArray(messages.id, [hiddenRightAfter, deletedRightAfter]));
    const logged = (action: string, targetId: string, createdAt: Date) => ({
      actorId: coordinator.id,
      action,
      targetType: "message",
      targetId,
      createdAt,
    });
    await db.insert(auditLog).values([
      logged("moderation.hide", hiddenRightAfter, plus(150)),
      logged("moderation.delete", deletedRightAfter, plus(1_000)),
      // Its author had deleted it ten minutes before a coordinator "hid" it.
      logged("moderation.hide", hiddenLater, plus(10 * 60_000)),
      // Hidden and restored an hour earlier; then its author deleted it.
      logged("moderation.hide", hiddenBefore, plus(-60 * 60_000)),
      logged("moderation.restore", hiddenBefore, plus(-30 * 60_000)),
      logged("moderation.dismiss", noAudit, plus(100)),
    ]);

    await backfill(ids);

    const rows = await db
      .select({ id: messages.id, removedBy: messages.removedBy })
      .from(messages)
      .where(eq(messages.conversationId, first.conversationId));
    const by = Object.fromEntries(rows.map((r) => [r.id, r.removedBy]));
    expect(by).toEqual({
      [noAudit]: "author",
      [hiddenRightAfter]: "moderator",
      [deletedRightAfter]: "moderator",
      [hiddenLater]: "author",
      [hiddenBefore]: "author",
      [visible]: null,
    });
  });
});
