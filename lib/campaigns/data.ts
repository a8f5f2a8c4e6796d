import "server-only";
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { type Campaign, campaignDeliveries, campaigns, suppressions } from "@/db/schema";
import { reasonGroup } from "@/lib/mail/bounce";

export type CampaignProgress = {
  status: Campaign["status"];
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  pending: number;
  unsubscribed: number;
  /** Share of the outbox that is settled (sent, failed or skipped), 0–100. */
  percent: number;
};

export async function getCampaign(campaignId: string): Promise<Campaign | null> {
  const db = await getDb();
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId)).limit(1);
  return campaign ?? null;
}

/** Live figures of one campaign's outbox, for the progress bar and the report. */
export async function campaignProgress(campaignId: string): Promise<CampaignProgress | null> {
  const db = await getDb();
  const [row] = rowsOf<Record<string, string | number | null>>(
    await db.execute(sql`
      select c.status,
        count(d.id) as total,
        count(d.id) filter (where d.status = 'sent') as sent,
        count(d.id) filter (where d.status = 'failed') as failed,
        count(d.id) filter (where d.status = 'skipped') as skipped,
        count(d.id) filter (where d.status in ('pending', 'sending')) as pending,
        (select count(*) from ${suppressions} s
          where s.campaign_id = c.id and s.reason = 'unsubscribed') as unsubscribed
      from ${campaigns} c left join ${campaignDeliveries} d on d.campaign_id = c.id
      where c.id = ${campaignId}
      group by c.id`),
  );
  if (!row) return null;
  const n = (key: string) => Number(row[key] ?? 0);
  const total = n("total");
  const settled = n("sent") + n("failed") + n("skipped");
  return {
    status: row.status as Campaign["status"],
    total,
    sent: n("sent"),
    failed: n("failed"),
    skipped: n("skipped"),
    pending: n("pending"),
    unsubscribed: n("unsubscribed"),
    percent: total === 0 ? 0 : Math.floor((settled / total) * 100),
  };
}

/** The report's table of failure reasons shows this many; the rest are counted below it. */
export const FAILURE_REASONS_SHOWN = 20;

/**
 * Why mails failed, the commonest reason first, each server reply counted as its group (reasonGroup:
 * without the address and the mail's id, which made nearly every refusal a group of its own), and
 * how many failures the reasons not shown account for.
 */
export async function campaignFailures(
  campaignId: string,
): Promise<{ reasons: { reason: string; count: number }[]; others: number }> {
  const db = await getDb();
  const replies = await db
    .select({ reply: campaignDeliveries.error, count: sql<number>`count(*)::int` })
    .from(campaignDeliveries)
    .where(
      and(
        eq(campaignDeliveries.campaignId, campaignId),
        eq(campaignDeliveries.status, "failed"),
        isNotNull(campaignDeliveries.error),
      ),
    )
    .groupBy(campaignDeliveries.error);
  const byReason = new Map<string, number>();
  for (const { reply, count } of replies) {
    const reason = reasonGroup(reply ?? "");
    byReason.set(reason, (byReason.get(reason) ?? 0) + count);
  }
  const all = [...byReason].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
  const reasons = all.slice(0, FAILURE_REASONS_SHOWN);
  return { reasons, others: all.slice(FAILURE_REASONS_SHOWN).reduce((sum, r) => sum + r.count, 0) };
}

export type CampaignListItem = Pick<
  Campaign,
  "id" | "title" | "status" | "kind" | "delayDays" | "updatedAt" | "scheduledAt"
> & { total: number; settled: number };

/** Broadcasts a page of the campaign list shows. */
export const CAMPAIGNS_PAGE_SIZE = 20;

/** Cursors of the neighbouring pages, null where there is none. */
export type BroadcastPage = { items: CampaignListItem[]; newer: string | null; older: string | null };

/** "<created_at in microseconds since 1970>_<id>": exact, where a JavaScript Date would round to ms. */
function parseCursor(cursor: string | undefined): { micros: string; id: string } | null {
  const match = cursor?.match(/^(\d{1,17})_([\w-]{1,64})$/);
  return match ? { micros: match[1]!, id: match[2]! } : null;
}

const listColumns = {
  id: campaigns.id,
  title: campaigns.title,
  status: campaigns.status,
  kind: campaigns.kind,
  delayDays: campaigns.delayDays,
  updatedAt: campaigns.updatedAt,
  scheduledAt: campaigns.scheduledAt,
  cursor: sql<string>`(extract(epoch from ${campaigns.createdAt}) * 1000000)::bigint::text || '_' || ${campaigns.id}`,
};

type ListRow = Omit<CampaignListItem, "total" | "settled"> & { cursor: string };

/**
 * Broadcasts newest first, a page at a time: older than `before`, or newer than `after`. A newer
 * page that would come out short is the newest page instead, so it always starts at the top.
 */
export async function listBroadcasts(
  input: { before?: string; after?: string } = {},
): Promise<BroadcastPage> {
  const db = await getDb();
  const before = parseCursor(input.before);
  const after = before ? null : parseCursor(input.after);
  const at = (c: { micros: string; id: string }) =>
    sql`(timestamptz 'epoch' + ${c.micros}::bigint * interval '1 microsecond', ${c.id})`;
  const position = sql`(${campaigns.createdAt}, ${campaigns.id})`;
  const rows = await db
    .select(listColumns)
    .from(campaigns)
    .where(
      and(
        eq(campaigns.kind, "broadcast"),
        before ? sql`${position} < ${at(before)}` : undefined,
        after ? sql`${position} > ${at(after)}` : undefined,
      ),
    )
    .orderBy(
      ...(after
        ? [asc(campaigns.createdAt), asc(campaigns.id)]
        : [desc(campaigns.createdAt), desc(campaigns.id)]),
    )
    .limit(CAMPAIGNS_PAGE_SIZE + 1);
  const more = rows.length > CAMPAIGNS_PAGE_SIZE;
  if (after && !more) return listBroadcasts();
  const page = after ? rows.slice(0, CAMPAIGNS_PAGE_SIZE).reverse() : rows.slice(0, CAMPAIGNS_PAGE_SIZE);
  // Past the oldest (its campaigns deleted since), the newer page starts at the cursor itself.
  const newer = after ? page[0]!.cursor : before ? (page[0]?.cursor ?? input.before!) : null;
  return {
    items: await withProgress(page),
    newer,
    older: (after || more) && page.length > 0 ? page.at(-1)!.cursor : null,
  };
}

/** The welcome steps, all of them (a short list), in the order they go out. */
export async function listWelcomeSteps(): Promise<CampaignListItem[]> {
  const db = await getDb();
  const rows = await db
    .select(listColumns)
    .from(campaigns)
    .where(eq(campaigns.kind, "welcome"))
    .orderBy(asc(campaigns.delayDays), asc(campaigns.createdAt), asc(campaigns.id));
  return withProgress(rows);
}

/**
 * Each listed campaign's outbox size and how much of it is settled, counted for these campaigns
 * only. Settled is all but the open (pending or sending) rows: both counts then read an index alone
 * (the recipient index and the partial due index), not the outbox rows.
 */
async function withProgress(rows: ListRow[]): Promise<CampaignListItem[]> {
  if (rows.length === 0) return [];
  const db = await getDb();
  const counts = rowsOf<{ id: string; total: number; open: number }>(
    await db.execute(sql`
      select c.id,
        (select count(*) from ${campaignDeliveries} d where d.campaign_id = c.id)::int as total,
        (select count(*) from ${campaignDeliveries} d
          where d.campaign_id = c.id and d.status in ('pending', 'sending'))::int as open
      from ${campaigns} c
      where c.id in (${sql.join(
        rows.map((row) => sql`${row.id}`),
        sql`, `,
      )})`),
  );
  const byId = new Map(counts.map((c) => [c.id, c]));
  return rows.map(({ cursor: _, ...row }) => {
    const count = byId.get(row.id);
    const total = Number(count?.total ?? 0);
    return { ...row, total, settled: total - Number(count?.open ?? 0) };
  });
}
