// A member who leaves a working group no longer finds its threads and events in the notification
// centre or its badge (issue: "invisible everywhere to outsiders … notifications"); rejoining brings
// the lines back. Lines about what every member sees stay, and coordinators see everything.
import { describe, expect, it } from "vitest";
import { updateEvent } from "@/lib/events/mutations";
import { respond } from "@/lib/events/rsvp-mutations";
import { createReply, createThread, setWatch } from "@/lib/forum/mutations";
import { addGroupMember, removeGroupMember } from "@/lib/groups/mutations";
import { resolveReport } from "@/lib/moderation/mutations";
import { countUnread, listNotifications } from "@/lib/notifications/data";
import { notificationText } from "@/lib/notifications/text";
import { createTestEvent } from "../support/event-factories";
import { createUser } from "../support/factories";
import { createCategory, createGroup } from "../support/forum-factories";
import { member } from "../support/messages-factories";
import { reportPost } from "../support/moderation";
import { tn } from "../support/notification-lines";

type Reader = Parameters<typeof listNotifications>[0]["reader"];

/** What the member's notification centre lists, as they read it, and the header's count. */
async function centre(reader: Reader) {
  const { items } = await listNotifications({ reader });
  return {
    lines: items.map((item) => notificationText(tn, item)),
    unread: (await countUnread(reader.id, reader.role)).notifications,
  };
}

/** A thread its author watches, as with the thread page's "watch" button. */
async function watchedThread(categoryId: string, author: { id: string }) {
  const title = `Wohnungssuche ${crypto.randomUUID().slice(0, 6)}`;
  const { thread } = await createThread({ authorId: author.id, categoryId, title, body: "Wer hilft?" });
  await setWatch({ userId: author.id, subjectType: "thread", subjectId: String(thread.id), level: "watch" });
  return { title, id: thread.id };
}

describe("notification lines about a working group's threads and events", () => {
  it("leave the centre and its count when the member leaves the group, and come back when they rejoin", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const [otto, anna, rita] = [await member("Otto"), await member("Anna"), await member("Rita")];
    const group = await createGroup([otto.id, anna.id, rita.id]);
    const restricted = await createCategory("group", group.id);
    const open = await createCategory("members");

    // Otto hears of replies to the threads he watches, in the group's category and in one every member sees.
    const inGroup = await watchedThread(restricted.id, otto);
    const forAll = await watchedThread(open.id, otto);
    await createReply({ authorId: anna.id, threadId: inGroup.id, body: "Ich kenne eine Wohnung." });
    await createReply({ authorId: anna.id, threadId: forAll.id, body: "Frag beim Sozialamt." });
    // Rita reported Anna's second reply and hears the decision; Anna hears that it was hidden.
    const reply = await createReply({ authorId: anna.id, threadId: inGroup.id, body: "Ruf mich privat an." });
    const report = await reportPost(rita.id, reply.postId, "Privat");
    await resolveReport({ reportId: report.id, decision: "hide", actorId: coordinator.id });
    // Otto answered yes to the group's meeting, which then moved.
    const meeting = await createTestEvent(coordinator.id, { visibility: "group", groupId: group.id });
    await respond({ occurrenceId: meeting.occurrences[0]!.id, userId: otto.id, response: "yes" });
    await updateEvent({
      actorId: coordinator.id,
      eventId: meeting.eventId,
      data: { ...meeting.data, venue: "Rathaus Weißenfels" },
    });

    const before = await centre(otto);
    expect(before.lines.filter((line) => line.includes(inGroup.title))).toHaveLength(1);
    expect(before.lines.filter((line) => line.includes(meeting.data.title))).toHaveLength(1);
    expect(before.unread).toBe(3);
    expect((await centre(rita)).lines.join("\n")).toContain(inGroup.title);
    expect((await centre(anna)).lines.join("\n")).toContain(inGroup.title);

    for (const who of [otto, rita, anna])
      await removeGroupMember({ actorId: coordinator.id, groupId: group.id, userId: who.id });

    const after = await centre(otto);
    expect(after.lines.join("\n")).not.toContain(inGroup.title);
    expect(after.lines.join("\n")).not.toContain(meeting.data.title);
    expect(after.lines.filter((line) => line.includes(forAll.title))).toHaveLength(1);
    expect(after.unread).toBe(1);
    expect((await centre(rita)).lines.join("\n")).not.toContain(inGroup.title);
    expect((await centre(anna)).lines.join("\n")).not.toContain(inGroup.title);

    // Back in the group, Otto finds his lines again; a coordinator is never asked to be a member.
    await addGroupMember({ actorId: coordinator.id, groupId: group.id, email: otto.email });
    expect(await centre(otto)).toEqual(before);
    await createReply({ authorId: coordinator.id, threadId: inGroup.id, body: "Ich melde mich." });
    const watching = await watchedThread(restricted.id, coordinator);
    await createReply({ authorId: otto.id, threadId: watching.id, body: "Danke!" });
    expect((await centre(coordinator)).lines.join("\n")).toContain(watching.title);
  });
});
