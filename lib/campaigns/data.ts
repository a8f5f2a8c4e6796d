import "server-only";
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { type Campaign, type CampaignKind, campaignDeliveries, campaigns, suppressions } from "@/db/schema";
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

/** Broadcasts newest first, or the welcome steps in the order they go out. */
export async function listCampaigns(kind: CampaignKind): Promise<CampaignListItem[]> {
  const db = await getDb();
  // A join, not a correlated subquery: in a one-table select drizzle writes campaigns.id as a bare
  // "id", which inside a subquery on the outbox would mean the outbox row's own id.
  return db
    .select({
      id: campaigns.id,
      title: campaigns.title,
      status: campaigns.status,
      kind: campaigns.kind,
      delayDays: campaigns.delayDays,
      updatedAt: campaigns.updatedAt,
      scheduledAt: campaigns.scheduledAt,
      total: sql<number>`count(${campaignDeliveries.id})::int`,
      settled: sql<number>`(count(${campaignDeliveries.id})
        filter (where ${campaignDeliveries.status} in ('sent', 'failed', 'skipped')))::int`,
    })
    .from(campaigns)
    .leftJoin(campaignDeliveries, eq(campaignDeliveries.campaignId, campaigns.id))
    .where(eq(campaigns.kind, kind))
    .groupBy(campaigns.id)
    .orderBy(
      ...(kind === "welcome"
        ? [asc(campaigns.delayDays), asc(campaigns.createdAt)]
        : [desc(campaigns.createdAt)]),
    )
    .limit(200);
}
