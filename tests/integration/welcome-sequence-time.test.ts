// A welcome step's day is counted in Berlin: approved at 10:00, the mail is due at 10:00 on its day,
// also when the clocks change in between (last Sundays of March and October).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { campaignDeliveries, campaigns } from "@/db/schema";
import { enrolInWelcomeSequence } from "@/lib/campaigns/mutations";
import { berlinDateTimeToUtc } from "@/lib/events/time";
import { createUser } from "../support/factories";

const berlin = (at: Date) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Berlin",
    dateStyle: "short",
    timeStyle: "short",
  }).format(at);

describe("a welcome step three days after approval", () => {
  it.each([
    ["spring", "2027-03-26", "2027-03-29"],
    ["autumn", "2027-10-29", "2027-11-01"],
  ])(
    "is due at the approval's time of day in Berlin across the %s change of the clocks",
    async (_, approved, due) => {
      const db = await getDb();
      const coordinator = await createUser({ role: "coordinator" });
      const [step] = await db
        .insert(campaigns)
        .values({
          kind: "welcome",
          status: "active",
          title: `Willkommen ${crypto.randomUUID().slice(0, 8)}`,
          delayDays: 3,
          audience: { members: null, lists: [] } as never,
          versions: {},
          createdBy: coordinator.id,
        })
        .returning();
      const newcomer = await createUser({ status: "approved" });

      await db.transaction((tx) =>
        enrolInWelcomeSequence(tx, newcomer.id, berlinDateTimeToUtc(approved, "10:00")),
      );

      const rows = await db
        .select()
        .from(campaignDeliveries)
        .where(eq(campaignDeliveries.campaignId, step!.id));
      expect(rows.map((row) => berlin(row.dueAt))).toEqual([`${due} 10:00`]);
      // Paused again: on PostgreSQL other files approve members in the same database meanwhile.
      await db.update(campaigns).set({ status: "paused" }).where(eq(campaigns.id, step!.id));
    },
  );
});
