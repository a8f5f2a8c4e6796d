import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { eventRsvps } from "@/db/schema";
import { respond } from "@/lib/events/rsvp-mutations";
import { createTestEvent } from "../support/event-factories";
import { createUser } from "../support/factories";

describe("the last seat", () => {
  it("goes to exactly one of two people asking at the same moment; the other waits", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const [first, a, b] = await Promise.all([createUser(), createUser(), createUser()]);
    const { occurrences } = await createTestEvent(coordinator.id, { capacity: 2 });
    const occurrenceId = occurrences[0]!.id;
    await respond({ occurrenceId, userId: first.id, response: "yes" });

    // Two transactions in flight together: each counts the seats after locking the date's row.
    const results = await Promise.all([
      respond({ occurrenceId, userId: a.id, response: "yes" }),
      respond({ occurrenceId, userId: b.id, response: "yes" }),
    ]);
    expect(results.map((r) => r.state).sort()).toEqual(["going", "waiting"]);

    const db = await getDb();
    const seated = await db
      .select({ userId: eventRsvps.userId })
      .from(eventRsvps)
      .where(
        and(
          eq(eventRsvps.occurrenceId, occurrenceId),
          eq(eventRsvps.response, "yes"),
          isNull(eventRsvps.waitingSince),
        ),
      );
    expect(seated).toHaveLength(2);
  });

  it("never overbooks under a burst of ten people for three seats", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const people = await Promise.all(Array.from({ length: 10 }, () => createUser()));
    const { occurrences } = await createTestEvent(coordinator.id, { capacity: 3 });
    const occurrenceId = occurrences[0]!.id;
    const results = await Promise.all(
      people.map((p) => respond({ occurrenceId, userId: p.id, response: "yes" })),
    );
    expect(results.filter((r) => r.state === "going")).toHaveLength(3);
    expect(results.filter((r) => r.state === "waiting")).toHaveLength(7);
  });
});
