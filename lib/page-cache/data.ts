import "server-only";
import { and, gt, min } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contentVersions, eventOccurrences } from "@/db/schema";
import { type ContentScope, EVENT_TIMES_SCOPE } from "./paths";

const DAY = 24 * 3_600_000;

/**
 * Every content area's version, as the database has it now, and as EVENT_TIMES_SCOPE the next moment
 * (in seconds) an event date starts or ends: when it passes, the value changes like a version does.
 */
export async function getContentVersions(now = new Date()): Promise<Partial<Record<ContentScope, number>>> {
  const db = await getDb();
  const [rows, [starts], [ends]] = await Promise.all([
    db.select({ scope: contentVersions.scope, version: contentVersions.version }).from(contentVersions),
    db
      .select({ next: min(eventOccurrences.startsAt) })
      .from(eventOccurrences)
      .where(gt(eventOccurrences.startsAt, now)),
    // Dates last less than a day: the bound on starts_at lets the (starts_at, id) index do the work.
    db
      .select({ next: min(eventOccurrences.endsAt) })
      .from(eventOccurrences)
      .where(
        and(gt(eventOccurrences.endsAt, now), gt(eventOccurrences.startsAt, new Date(now.getTime() - DAY))),
      ),
  ]);
  const moments = [starts?.next, ends?.next].filter((d): d is Date => d instanceof Date);
  const nextChange = moments.length ? Math.min(...moments.map((d) => Math.ceil(d.getTime() / 1000))) : 0;
  return { ...Object.fromEntries(rows.map((r) => [r.scope, r.version])), [EVENT_TIMES_SCOPE]: nextChange };
}
