import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  CAMPAIGNS_PAGE_SIZE,
  type CampaignListItem,
  campaignProgress,
  listBroadcasts,
  listWelcomeSteps,
} from "@/lib/campaigns/data";
import { ownDatabaseForThisFile } from "../support/own-database";

// Pages through every broadcast, so no other file's may join them.
ownDatabaseForThisFile();

const BROADCASTS = 205;
const AUDIENCE = JSON.stringify({
  members: true,
  roles: [],
  topics: [],
  languages: [],
  municipalities: [],
  organisationTypes: [],
  contacts: false,
});
const VERSIONS = JSON.stringify({ de: { subject: "Hallo", body: "Text" } });

/** Broadcast n has n % 7 outbox rows; row k is sent, failed, skipped, pending or sending by (n + k) % 5. */
function expectedProgress(n: number): { total: number; settled: number } {
  const total = n % 7;
  let settled = 0;
  for (let k = 1; k <= total; k++) if ((n + k) % 5 < 3) settled++;
  return { total, settled };
}

/**
 * Broadcast 1 is the oldest. Three at a time share one created_at, a microsecond apart from the
 * next three, so the whole list lies within one millisecond: only an exact cursor pages it right.
 */
async function createBroadcasts(prefix: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`
    insert into campaigns (id, kind, title, status, audience, versions, created_at)
    select ${prefix} || lpad(n::text, 3, '0'), 'broadcast', 'Rundbrief ' || n, 'sent', ${AUDIENCE}::jsonb,
      ${VERSIONS}::jsonb, timestamptz '2031-05-04 10:00:00.000001+00' + ((n - 1) / 3) * interval '1 microsecond'
    from generate_series(1, ${BROADCASTS}::int) n`);
  await db.execute(sql`
    insert into campaign_deliveries (id, campaign_id, email, status)
    select gen_random_uuid()::text, ${prefix} || lpad(n::text, 3, '0'), 'r' || n || '-' || k || '@list.test.example',
      (array['sent', 'failed', 'skipped', 'pending', 'sending'])[1 + (n + k) % 5]
    from generate_series(1, ${BROADCASTS}::int) n, generate_series(1, n % 7) k`);
}

const numberOf = (c: CampaignListItem) => Number(c.title.replace("Rundbrief ", ""));

describe("the coordinators' list of broadcasts", () => {
  it("pages from the newest back to the oldest and forward again, each with its progress", async () => {
    const prefix = `b${crypto.randomUUID().slice(0, 8)}-`;
    await createBroadcasts(prefix);
    const newestFirst = Array.from({ length: BROADCASTS }, (_, i) => BROADCASTS - i);

    const pages: CampaignListItem[][] = [];
    let page = await listBroadcasts();
    expect(page.newer).toBeNull();
    for (;;) {
      pages.push(page.items);
      expect(page.items.length).toBeLessThanOrEqual(CAMPAIGNS_PAGE_SIZE);
      if (!page.older) break;
      page = await listBroadcasts({ before: page.older });
      expect(page.newer).not.toBeNull();
    }
    const listed = pages.flat();
    expect(pages.length).toBe(Math.ceil(BROADCASTS / CAMPAIGNS_PAGE_SIZE));
    // Same created_at: the larger id first, as the order says.
    expect(listed.map(numberOf)).toEqual(newestFirst);
    expect(listed.at(-1)).toMatchObject({ title: "Rundbrief 1", ...expectedProgress(1) });
    for (const campaign of listed) expect(campaign).toMatchObject(expectedProgress(numberOf(campaign)));
    // Settled is what the campaign's own report counts as sent, failed or skipped.
    const report = await campaignProgress(listed.at(-2)!.id);
    expect(listed.at(-2)).toMatchObject({
      total: report!.total,
      settled: report!.sent + report!.failed + report!.skipped,
    });

    // Back from the oldest page, page by page, to the newest.
    const back: CampaignListItem[][] = [page.items];
    while (page.newer) {
      page = await listBroadcasts({ after: page.newer });
      back.push(page.items);
    }
    expect(back.length).toBe(pages.length);
    expect(back.toReversed().flat().map(numberOf)).toEqual(newestFirst);
    expect(page.older).toBe((await listBroadcasts()).older);
  });

  it("shows the welcome steps apart and whole, in the order they go out", async () => {
    const db = await getDb();
    const prefix = `w${crypto.randomUUID().slice(0, 8)}-`;
    await db.execute(sql`
      insert into campaigns (id, kind, title, status, audience, versions, delay_days)
      select ${prefix} || n, 'welcome', 'Willkommen ' || n, 'active', ${AUDIENCE}::jsonb, ${VERSIONS}::jsonb,
        (n * 7) % 30
      from generate_series(1, ${CAMPAIGNS_PAGE_SIZE + 5}::int) n`);
    await db.execute(sql`
      insert into campaign_deliveries (id, campaign_id, email, status)
      values (gen_random_uuid()::text, ${`${prefix}1`}, 'eins@list.test.example', 'sent'),
        (gen_random_uuid()::text, ${`${prefix}1`}, 'zwei@list.test.example', 'pending')`);

    const steps = (await listWelcomeSteps()).filter((s) => s.id.startsWith(prefix));
    expect(steps).toHaveLength(CAMPAIGNS_PAGE_SIZE + 5);
    const delays = steps.map((s) => s.delayDays ?? 0);
    expect(delays).toEqual(delays.toSorted((a, b) => a - b));
    expect(steps.find((s) => s.id === `${prefix}1`)).toMatchObject({ total: 2, settled: 1 });
    const broadcasts = await listBroadcasts();
    expect(broadcasts.items.some((c) => c.id.startsWith(prefix))).toBe(false);
  });
});
