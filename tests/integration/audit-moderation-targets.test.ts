// Decisions on reports in the audit log: a direct message is named by its author and the report's reason,
// never by its text or its conversation; a forum post by its thread, linked to it.
import { describe, expect, it } from "vitest";
import { listAuditEntries } from "@/lib/audit/data";
import { auditDetails, auditTargetHref, auditTargetLabel } from "@/lib/audit/utils";
import { createThread } from "@/lib/forum/mutations";
import { listMessages } from "@/lib/messages/data";
import { reportMessage } from "@/lib/messages/moderation";
import { startConversation } from "@/lib/messages/mutations";
import { reportContent, resolveReport } from "@/lib/moderation/mutations";
import { createCategory } from "../support/forum-factories";
import { member } from "../support/messages-factories";

const reader = { campaignsArea: true };
const shown = (entry: Awaited<ReturnType<typeof listAuditEntries>>[number]) => ({
  label: auditTargetLabel("de", entry),
  href: auditTargetHref(entry),
  details: auditDetails("de", entry.data),
});

describe("moderation decisions in the audit log", () => {
  it("name a reported message by its author and the report's reason, never by its text or conversation", async () => {
    const uid = crypto.randomUUID().slice(0, 8);
    const amal = await member("Amal Schreibt");
    const iryna = await member("Iryna Meldet");
    const katrin = await member("Katrin Koordiniert", { role: "coordinator" });
    const { conversationId } = await startConversation({
      senderId: amal.id,
      recipientIds: [iryna.id, katrin.id],
      title: `Umzugsplanung ${uid}`,
      body: `Meine neue Adresse ist geheim ${uid}`,
      files: [],
    });
    const [message] = (await listMessages({ conversationId, viewerId: iryna.id })).items;
    const { id: reportId } = await reportMessage({
      reporterId: iryna.id,
      messageId: message!.id,
      reason: `Beleidigung ${uid}`,
    });
    await resolveReport({ reportId, decision: "hide", actorId: katrin.id });

    const [entry, ...more] = await listAuditEntries(
      { action: "moderation.hide", target: amal.name! },
      reader,
    );
    expect(more).toEqual([]);
    expect(entry?.targetId).toBe(message!.id);
    expect(shown(entry!)).toEqual({
      label: `Nachricht von ${amal.name}`,
      href: null,
      details: [{ label: "Gemeldet wegen", value: `Beleidigung ${uid}` }],
    });
    // The report's reason finds it too; the message's text and its conversation's title neither show nor find it.
    const byReason = await listAuditEntries({ target: `Beleidigung ${uid}` }, reader);
    expect(byReason.map((e) => e.id)).toEqual([entry!.id]);
    expect(JSON.stringify(shown(entry!))).not.toMatch(/geheim|Umzugsplanung/);
    expect(await listAuditEntries({ target: `geheim ${uid}` }, reader)).toEqual([]);
    expect(await listAuditEntries({ target: `Umzugsplanung ${uid}` }, reader)).toEqual([]);
  });

  it("name a reported forum post by its thread, linked to the post", async () => {
    const uid = crypto.randomUUID().slice(0, 8);
    const author = await member("Paul Postet");
    const reporter = await member("Rita Meldet");
    const coordinator = await member("Kai Koordiniert", { role: "coordinator" });
    const category = await createCategory("members");
    const { postId } = await createThread({
      authorId: author.id,
      categoryId: category.id,
      title: `Wohnungstausch ${uid}`,
      body: "Wer tauscht mit mir?",
    });
    const report = await reportContent({
      reporterId: reporter.id,
      subjectType: "post",
      subjectId: String(postId),
      reason: `Werbung ${uid}`,
    });
    await resolveReport({ reportId: report.id, decision: "dismiss", actorId: coordinator.id });

    const [entry] = await listAuditEntries(
      { action: "moderation.dismiss", target: `Wohnungstausch ${uid}` },
      reader,
    );
    expect(shown(entry!)).toEqual({
      label: `Wohnungstausch ${uid}`,
      href: `/forum/p/${postId}`,
      details: [{ label: "Gemeldet wegen", value: `Werbung ${uid}` }],
    });
  });
});
