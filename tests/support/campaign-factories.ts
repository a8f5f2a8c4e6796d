// Campaigns for the sender tests: a broadcast already sending, with its outbox filled directly.
// The outbox is written here rather than by beginSending: on PostgreSQL all test files share one
// database, and an audience ("all confirmed contacts") would pick up other files' rows (and theirs mine).
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import type { DeliveryStatus } from "@/db/schema";

export type TestCampaign = { id: string; emails: string[] };

/** A broadcast in status "sending" with `recipients` due outbox rows, addressed uniquely. */
export async function createSendingCampaign(input: {
  recipients: number;
  title?: string;
}): Promise<TestCampaign> {
  const db = await getDb();
  const id = crypto.randomUUID();
  const tag = id.slice(0, 8);
  const versions = {
    de: { subject: `Rundbrief ${tag}`, body: "Hallo {{name|zusammen}},\n\nes gibt **Neues**." },
  };
  const audience = {
    members: false,
    roles: [],
    topics: [],
    languages: [],
    municipalities: [],
    organisationTypes: [],
    contacts: true,
  };
  await db.execute(sql`
    insert into campaigns (id, kind, title, status, audience, versions, started_at)
    values (${id}, 'broadcast', ${input.title ?? `Test ${tag}`}, 'sending', ${JSON.stringify(audience)}::jsonb,
      ${JSON.stringify(versions)}::jsonb, now())`);
  // due a second back, so a claim in the same millisecond finds them
  await db.execute(sql`
    insert into campaign_deliveries (id, campaign_id, email, name, locale, due_at)
    select gen_random_uuid()::text, ${id}, ${`r${tag}-`} || n || '@campaign.test.example', 'Empfänger ' || n, 'de',
      now() - interval '1 second'
    from generate_series(1, ${input.recipients}::int) n`);
  const emails = Array.from({ length: input.recipients }, (_, i) => `r${tag}-${i + 1}@campaign.test.example`);
  return { id, emails };
}

export type OutboxRow = {
  id: string;
  email: string;
  status: DeliveryStatus;
  attempts: number;
  error: string | null;
  due_at: Date;
  lease_until: Date | null;
};

export async function outboxRows(campaignId: string): Promise<OutboxRow[]> {
  const db = await getDb();
  const rows = rowsOf<OutboxRow>(
    await db.execute(sql`
      select id, email, status, attempts, error, due_at, lease_until from campaign_deliveries
      where campaign_id = ${campaignId} order by email`),
  );
  return rows.map((row) => ({
    ...row,
    due_at: new Date(row.due_at),
    lease_until: row.lease_until ? new Date(row.lease_until) : null,
  }));
}

export async function campaignStatus(campaignId: string): Promise<string | undefined> {
  const db = await getDb();
  const [row] = rowsOf<{ status: string }>(
    await db.execute(sql`select status from campaigns where id = ${campaignId}`),
  );
  return row?.status;
}

/** As if the backoff had passed: every pending mail of the campaign is due now. */
export async function makeRetriesDue(campaignId: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`
    update campaign_deliveries set due_at = now() - interval '1 second'
    where campaign_id = ${campaignId} and status = 'pending'`);
}

/** Removes a test campaign and its outbox (PostgreSQL is shared by all test files). */
export async function deleteCampaign(campaignId: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`delete from campaigns where id = ${campaignId}`);
}
