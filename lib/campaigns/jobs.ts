import "server-only";
import { and, eq, lte, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { campaigns } from "@/db/schema";
import type { JobHandler, JobSchedule } from "@/lib/jobs/types";
import { beginSending, queueSender, SEND_JOB } from "./mutations";
import { runCampaignSender } from "./sender";

export const TICK_JOB = "campaigns.tick";

/** Sends for up to 8 minutes, then hands on to a new job (so a long campaign never hogs a worker). */
export async function sendCampaign(data: { campaignId: string }): Promise<void> {
  const result = await runCampaignSender(data.campaignId);
  if (result.state === "more") await queueSender(data.campaignId);
  if (result.state === "waiting" && result.nextAt) await queueSender(data.campaignId, result.nextAt);
}

/**
 * Every minute and when a worker starts: starts scheduled campaigns whose time has come, and picks
 * up campaigns with due mails and no live sender (its worker crashed, a retry came due, a member
 * was approved and joined the welcome sequence).
 */
export async function tickCampaigns(): Promise<void> {
  const db = await getDb();
  const due = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.status, "scheduled"), lte(campaigns.scheduledAt, new Date())));
  for (const { id } of due) {
    const started = await db.transaction(async (tx) => {
      const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for("update").limit(1);
      if (campaign?.status !== "scheduled") return false;
      await beginSending(tx, campaign);
      return true;
    });
    if (started) await queueSender(id);
  }
  const orphaned = rowsOf<{ id: string }>(
    await db.execute(sql`
      select c.id from campaigns c
      where c.status in ('sending', 'active')
        and (c.sender_lease_until is null or c.sender_lease_until < now())
        and (exists (select 1 from campaign_deliveries d
              where d.campaign_id = c.id and d.status in ('pending', 'sending')
                and ((d.status = 'pending' and d.due_at <= now()) or (d.status = 'sending' and d.lease_until < now())))
          or (c.status = 'sending' and not exists (select 1 from campaign_deliveries d
              where d.campaign_id = c.id and d.status in ('pending', 'sending'))))`),
  );
  for (const { id } of orphaned) await queueSender(id);
}

export const campaignJobs: Record<string, JobHandler> = {
  [SEND_JOB]: sendCampaign,
  [TICK_JOB]: tickCampaigns,
};

export const campaignSchedules: JobSchedule[] = [{ name: TICK_JOB, cron: "* * * * *", onStart: true }];
