import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { eventRsvps } from "@/db/schema";
import { attendeesCsvResponse } from "@/lib/events/feeds";
import { respond } from "@/lib/events/mutations";
import { createTestEvent } from "../support/event-factories";
import { createUser } from "../support/factories";

describe("attendee CSV", () => {
  it("writes when each person answered in Berlin time, as the attendee page shows it", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const attendee = await createUser({ name: "Clara Csv" });
    const { eventId, occurrences } = await createTestEvent(coordinator.id);
    await respond({ occurrenceId: occurrences[0]!.id, userId: attendee.id, response: "yes" });
    const db = await getDb();
    await db
      .update(eventRsvps)
      .set({ updatedAt: new Date("2026-11-25T14:49:31.123Z") })
      .where(eq(eventRsvps.userId, attendee.id));

    const csv = await (
      await attendeesCsvResponse(eventId, occurrences[0]!.slotDate, {
        ...coordinator,
        locale: "de",
        needsConsent: false,
      })
    ).text();
    const row = csv.split(/\r?\n/).find((line) => line.includes("Clara Csv"));
    expect(row).toMatch(/[,;]"?25\.11\.2026 15:49"?$/);
    expect(csv).not.toContain("2026-11-25T");
  });
});
