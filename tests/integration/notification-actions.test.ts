import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/db/cursor";
import { markNotificationReadAction } from "@/lib/notifications/actions";
import { listNotifications, NOTIFICATIONS_PAGE_SIZE } from "@/lib/notifications/data";
import { notify } from "@/lib/notifications/mutations";
import { redirectOf } from "../support/actions";
import { createSession } from "../support/factories";
import { member } from "../support/messages-factories";
import { signInWith } from "../support/next-headers";

/** Presses a notification's "mark read" button as this member; resolves to where it redirected. */
async function markReadAs(userId: string, fields: Record<string, string>): Promise<string> {
  signInWith(await createSession(userId));
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  try {
    return await redirectOf(() => markNotificationReadAction(form));
  } finally {
    signInWith(undefined);
  }
}

describe("marking a notification read", () => {
  it("comes back to the older page the button was on, and to the newest for a tampered one", async () => {
    const reader = await member("Nour Liest");
    const actor = await member("Anna Schreibt");
    for (let i = 0; i < NOTIFICATIONS_PAGE_SIZE + 3; i++) {
      await notify({
        recipientIds: [reader.id],
        kind: "reply",
        actorId: actor.id,
        url: `/forum/t/${i}`,
        subjectKey: `example:${crypto.randomUUID()}`,
        params: { title: `Thema ${i}` },
      });
    }
    const first = await listNotifications({ reader: reader });
    const before = encodeCursor(first.next!);
    const older = await listNotifications({ reader: reader, before: first.next });
    const target = older.items[0]!;

    const back = await markReadAs(reader.id, { id: target.id, before });
    expect(back).toBe(`/notifications?before=${encodeURIComponent(before)}`);
    const after = await listNotifications({ reader: reader, before: first.next });
    expect(after.items.find((n) => n.id === target.id)?.readAt).not.toBeNull();

    const other = older.items[1]!;
    expect(await markReadAs(reader.id, { id: other.id, before: "not-a-cursor" })).toBe("/notifications");
    expect(await markReadAs(reader.id, { id: other.id })).toBe("/notifications");
  });
});
