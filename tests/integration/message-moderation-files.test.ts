// A reported direct message is judged with its files: coordinators see them in the queue and open them
// while a report on that message is open; never another message's files, and none once it is decided.
import { describe, expect, it } from "vitest";
import { GET as getAttachment } from "@/app/(member)/messages/attachments/[id]/route";
import { checkAttachments } from "@/lib/messages/attachments";
import { listMessages } from "@/lib/messages/data";
import { reportMessage } from "@/lib/messages/moderation";
import { sendMessage, startConversation } from "@/lib/messages/mutations";
import { listReportedMessageAttachments } from "@/lib/messages/reported-files";
import { resolveReport } from "@/lib/moderation/mutations";
import { createSession } from "../support/factories";
import { imageFile, pdfFile } from "../support/files";
import { member } from "../support/messages-factories";

async function fetchAttachment(id: string, userId: string) {
  const cookie = `authjs.session-token=${await createSession(userId)}`;
  const request = new Request(`http://localhost:3000/messages/attachments/${id}`, { headers: { cookie } });
  return getAttachment(request, { params: Promise.resolve({ id }) });
}

async function reportedWithFiles() {
  const amal = await member("Amal Sendet");
  const iryna = await member("Iryna Meldet");
  const katrin = await member("Katrin Koordiniert", { role: "coordinator" });
  const admin = await member("Jonas Admin", { role: "admin" });
  const outsider = await member("Olaf Außen");
  const { conversationId } = await startConversation({
    senderId: amal.id,
    recipientIds: [iryna.id],
    body: "Hier der Flyer.",
    files: await checkAttachments([await imageFile("img.png"), pdfFile("doc.pdf")]),
  });
  await sendMessage({
    senderId: amal.id,
    conversationId,
    body: "Und noch etwas Privates.",
    files: await checkAttachments([pdfFile("privat.pdf")]),
  });
  const { items } = await listMessages({ conversationId, viewerId: iryna.id });
  const [reported, other] = items;
  const { id: reportId } = await reportMessage({
    reporterId: iryna.id,
    messageId: reported!.id,
    reason: "Werbung?",
  });
  return { amal, iryna, katrin, admin, outsider, reported: reported!, other: other!, reportId };
}

describe("a reported message's files", () => {
  it("are listed for the queue and open for coordinators while the report is open, not another message's", async () => {
    const w = await reportedWithFiles();
    const files = await listReportedMessageAttachments(w.reported.id);
    expect(files.map((f) => [f.fileName, f.contentType])).toEqual([
      ["doc.pdf", "application/pdf"],
      ["img.png", "image/png"],
    ]);
    const image = files.find((f) => f.fileName === "img.png")!;
    for (const coordinator of [w.katrin, w.admin]) {
      const response = await fetchAttachment(image.id, coordinator.id);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(response.headers.get("content-security-policy")).toContain("sandbox");
      const doc = await fetchAttachment(files.find((f) => f.fileName === "doc.pdf")!.id, coordinator.id);
      expect(doc.status).toBe(200);
      expect(doc.headers.get("content-disposition")).toMatch(/^attachment; filename="doc.pdf"/);
    }
    // The message beside it in the same conversation was not reported: its file stays private.
    expect(await listReportedMessageAttachments(w.other.id)).toEqual([]);
    const privateFile = w.other.attachments[0]!.id;
    expect((await fetchAttachment(privateFile, w.katrin.id)).status).toBe(404);
    expect((await fetchAttachment(privateFile, w.iryna.id)).status).toBe(200);
    // A member who does not take part gets nothing, reported or not.
    expect((await fetchAttachment(image.id, w.outsider.id)).status).toBe(404);
    expect((await fetchAttachment(privateFile, w.outsider.id)).status).toBe(404);
  });

  it("close to coordinators once the report is decided, and stay with the participants when it is dismissed", async () => {
    const w = await reportedWithFiles();
    const [file] = await listReportedMessageAttachments(w.reported.id);
    expect((await fetchAttachment(file!.id, w.katrin.id)).status).toBe(200);
    await resolveReport({ reportId: w.reportId, decision: "dismiss", actorId: w.katrin.id });
    expect(await listReportedMessageAttachments(w.reported.id)).toEqual([]);
    expect((await fetchAttachment(file!.id, w.katrin.id)).status).toBe(404);
    expect((await fetchAttachment(file!.id, w.admin.id)).status).toBe(404);
    expect((await fetchAttachment(file!.id, w.iryna.id)).status).toBe(200);
    expect((await fetchAttachment(file!.id, w.amal.id)).status).toBe(200);
  });
});
