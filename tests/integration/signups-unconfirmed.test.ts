import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applications } from "@/db/schema";
import { listPendingApplications, QUEUE_PAGE_SIZE } from "@/lib/applications/data";
import { createApplicant } from "../support/factories";
import { ownDatabaseForThisFile } from "../support/own-database";

// Pages through every unconfirmed sign-up, so no other file's may join them.
ownDatabaseForThisFile();

describe("unconfirmed sign-ups on the coordinators' page", () => {
  it("come newest first, the older ones on further pages, none left out", async () => {
    const db = await getDb();
    const signedUp: string[] = [];
    // All within one millisecond (as a bulk invitation writes them): the pages' cursor must tell them apart.
    for (let n = 1; n <= 25; n++) {
      const { applicationId } = await createApplicant({ confirmed: false });
      await db
        .update(applications)
        .set({ createdAt: sql`'2026-12-01T09:00:00.000Z'::timestamptz + ${n} * interval '10 microseconds'` })
        .where(eq(applications.id, applicationId));
      signedUp.push(applicationId);
    }
    const newestFirst = signedUp.toReversed();

    const first = await listPendingApplications({ confirmed: false, newestFirst: true });
    expect(first.map((a) => a.id)).toEqual(newestFirst.slice(0, QUEUE_PAGE_SIZE));
    const last = first.at(-1)!;
    const second = await listPendingApplications({
      confirmed: false,
      newestFirst: true,
      after: last.cursor,
    });
    expect(second.map((a) => a.id)).toEqual(newestFirst.slice(QUEUE_PAGE_SIZE));
  });
});
