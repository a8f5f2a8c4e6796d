import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, users } from "@/db/schema";
import { toEventViewer, visibleEvents } from "./access";

const eventOf = (subjectKey: string) => subjectKey.slice("event:".length);

/** Tells the mailer whether an event change may still go out. */
export const eventNotificationSource = {
  /**
   * Only while the event takes place and the recipient may see it: once it is cancelled, a change
   * mailed after the cancellation mail would say it still happens.
   */
  async canSee({ recipientId, subjectKey }: { recipientId: string; subjectKey: string }): Promise<boolean> {
    const db = await getDb();
    const [recipient] = await db
      .select({ id: users.id, status: users.status, role: users.role })
      .from(users)
      .where(eq(users.id, recipientId));
    if (!recipient) return false;
    const [event] = await db
      .select({ status: events.status })
      .from(events)
      .where(and(eq(events.id, eventOf(subjectKey)), visibleEvents(toEventViewer(recipient))));
    return event?.status === "scheduled";
  },
};
