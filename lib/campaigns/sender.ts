import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import type { CampaignVersion } from "@/db/schema/campaigns";
import { campaignMailer, type RecipientReason } from "@/emails/campaign";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { classifySmtpRefusal } from "@/lib/mail/bounce";
import { pickVersion } from "./content";
import { pacer, transportFor } from "./sender-transport";

/** Attempts before a mail that keeps failing temporarily counts as failed. */
export const MAX_ATTEMPTS = 8;
/** How long one sender run keeps a campaign before handing it on (below the job expiry of 10 min). */
const RUN_MS = 8 * 60 * 1000;

export type SenderOptions = {
  /** Identifies this sender in the campaign's lease; a restarted process is a new sender. */
  senderId?: string;
  /** Messages per minute; 0: no limit. */
  ratePerMinute?: number;
  concurrency?: number;
  leaseSeconds?: number;
  maxMs?: number;
};

/**
 * done: everything went out (or failed for good) · more: time is up, work is left · waiting: the
 * rest is due at `nextAt` (retries, welcome mails, another sender's lease) · busy: another sender
 * holds the campaign · stopped: paused, cancelled or gone.
 */
export type SenderResult = {
  state: "done" | "more" | "waiting" | "busy" | "stopped";
  nextAt?: Date;
  sent: number;
};

type Claimed = {
  id: string;
  email: string;
  name: string | null;
  locale: string;
  reason: RecipientReason;
  attempts: number;
};

type CampaignLease = { kind: string; versions: Partial<Record<string, CampaignVersion>> };

/** 30 s, 1 min, 2 min, … up to 4 hours. */
export const retryDelaySeconds = (attempts: number): number =>
  Math.min(30 * 2 ** Math.max(0, attempts - 1), 4 * 3600);

async function takeCampaign(
  campaignId: string,
  senderId: string,
  leaseSeconds: number,
): Promise<CampaignLease | null> {
  const db = await getDb();
  const [row] = rowsOf<CampaignLease>(
    await db.execute(sql`
      update campaigns set sender_id = ${senderId}, sender_lease_until = now() + ${leaseSeconds} * interval '1 second'
      where id = ${campaignId} and status in ('sending', 'active')
        and (sender_id = ${senderId} or sender_lease_until is null or sender_lease_until < now())
      returning kind, versions`),
  );
  return row ?? null;
}

async function releaseCampaign(campaignId: string, senderId: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`
    update campaigns set sender_lease_until = null where id = ${campaignId} and sender_id = ${senderId}`);
}

/** Claims up to `limit` due mails with a lease; rows another sender holds are skipped, not waited for. */
export async function claimBatch(
  campaignId: string,
  limit: number,
  leaseSeconds: number,
): Promise<Claimed[]> {
  const db = await getDb();
  return rowsOf<Claimed>(
    await db.execute(sql`
      update campaign_deliveries d
      set status = 'sending', lease_until = now() + ${leaseSeconds} * interval '1 second', attempts = d.attempts + 1
      where d.id in (
        select id from campaign_deliveries
        where campaign_id = ${campaignId} and status in ('pending', 'sending')
          and ((status = 'pending' and due_at <= now()) or (status = 'sending' and lease_until < now()))
        order by due_at, id
        limit ${limit}
        for update skip locked)
      returning d.id, d.email, d.name, d.locale, d.attempts,
        case when d.user_id is not null then 'member' else coalesce(
          (select case when c.import_id is null then 'subscribed' else c.legal_basis end
            from newsletter_contacts c where c.id = d.contact_id),
          'subscribed') end as reason`),
  );
}

/** Unsubscribed since the outbox was filled: these mails are skipped. */
async function skipSuppressed(batch: Claimed[]): Promise<Claimed[]> {
  const db = await getDb();
  const emails = batch.map((row) => row.email);
  const suppressed = new Set(
    rowsOf<{ email: string }>(
      await db.execute(
        sql`select email from suppressions where email = any(${sql`array[${sql.join(
          emails.map((e) => sql`${e}`),
          sql`, `,
        )}]::text[]`})`,
      ),
    ).map((r) => r.email),
  );
  const skipped = batch.filter((row) => suppressed.has(row.email)).map((row) => row.id);
  if (skipped.length > 0) {
    await db.execute(sql`
      update campaign_deliveries set status = 'skipped', lease_until = null
      where id in (${sql.join(
        skipped.map((id) => sql`${id}`),
        sql`, `,
      )}) and status = 'sending'`);
  }
  return batch.filter((row) => !suppressed.has(row.email));
}

async function markSent(id: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`
    update campaign_deliveries set status = 'sent', sent_at = now(), lease_until = null, error = null
    where id = ${id} and status = 'sending'`);
}

async function markFailed(row: Claimed, error: unknown): Promise<void> {
  const db = await getDb();
  const { permanent, addressGone, reason } = classifySmtpRefusal(error);
  if (addressGone) {
    // The mailbox is gone (unknown, disabled): no later campaign mails the address again.
    await db.execute(sql`
      with failed as (
        update campaign_deliveries set status = 'failed', lease_until = null, error = ${reason}
        where id = ${row.id} and status = 'sending'
        returning email, campaign_id)
      insert into suppressions (email, reason, campaign_id)
      select email, 'bounced', campaign_id from failed
      on conflict (email) do nothing`);
    return;
  }
  // Refused for good for this message (too big, taken for spam, our server's policy) or tried often
  // enough: failed for this campaign, but the address stays for the next one.
  if (permanent || row.attempts >= MAX_ATTEMPTS) {
    await db.execute(sql`
      update campaign_deliveries set status = 'failed', lease_until = null, error = ${reason}
      where id = ${row.id} and status = 'sending'`);
    return;
  }
  await db.execute(sql`
    update campaign_deliveries set status = 'pending', lease_until = null, error = ${reason},
      due_at = now() + ${retryDelaySeconds(row.attempts)} * interval '1 second'
    where id = ${row.id} and status = 'sending'`);
}

/** What is left: nothing (then a broadcast is sent), or the moment the next mail comes due. */
async function settle(campaignId: string, kind: string): Promise<SenderResult> {
  const db = await getDb();
  const [open] = rowsOf<{ n: number | string; next: string | Date | null }>(
    await db.execute(sql`
      select count(*) as n,
        min(case when status = 'pending' then due_at else lease_until end) as next
      from campaign_deliveries where campaign_id = ${campaignId} and status in ('pending', 'sending')`),
  );
  if (Number(open?.n ?? 0) > 0 && open?.next)
    return { state: "waiting", nextAt: new Date(open.next), sent: 0 };
  if (kind === "broadcast") {
    await db.execute(sql`
      update campaigns set status = 'sent', finished_at = now() where id = ${campaignId} and status = 'sending'`);
    return { state: "done", sent: 0 };
  }
  return { state: "waiting", sent: 0 };
}

/**
 * Sends a campaign's due mails from its outbox: claims batches (FOR UPDATE SKIP LOCKED, with a
 * lease), sends each with `concurrency` at once at the configured rate, and marks a mail sent only
 * once the SMTP server accepted it. A crash leaves claimed mails to be claimed again when their
 * lease ends: only mails the server had accepted but were not yet marked can go out twice.
 */
export async function runCampaignSender(
  campaignId: string,
  options: SenderOptions = {},
): Promise<SenderResult> {
  const senderId = options.senderId ?? randomUUID();
  const rate = options.ratePerMinute ?? env.CAMPAIGN_RATE_PER_MINUTE;
  const concurrency = options.concurrency ?? env.CAMPAIGN_CONCURRENCY;
  const leaseSeconds = options.leaseSeconds ?? env.CAMPAIGN_LEASE_SECONDS;
  const deadline = Date.now() + (options.maxMs ?? RUN_MS);
  // A batch lasts a few seconds at most, so a pause takes effect quickly and leases never run out.
  const batchSeconds = Math.min(5, leaseSeconds / 3);
  const batchSize =
    rate > 0 ? Math.max(1, Math.floor((rate / 60) * batchSeconds)) : Math.min(500, concurrency * 40);

  let campaign = await takeCampaign(campaignId, senderId, leaseSeconds);
  if (!campaign) return { state: (await isRunning(campaignId)) ? "busy" : "stopped", sent: 0 };
  const send = await transportFor(concurrency);
  const pace = pacer(rate);
  const mailers = new Map<string, ReturnType<typeof campaignMailer>>();
  const mailerFor = (locale: string, versions: CampaignLease["versions"]) => {
    const picked = pickVersion(versions, locale);
    let mailer = mailers.get(picked.locale);
    if (!mailer) {
      mailer = campaignMailer({ campaignId, locale: picked.locale as Locale, version: picked.version });
      mailers.set(picked.locale, mailer);
    }
    return mailer;
  };

  let sent = 0;
  try {
    while (Date.now() < deadline) {
      const claimedAt = Date.now();
      const batch = await skipSuppressed(await claimBatch(campaignId, batchSize, leaseSeconds));
      if (batch.length === 0) {
        const result = await settle(campaignId, campaign.kind);
        // Due already (a lease just ran out, or the whole batch was suppressed): look again shortly.
        if (result.state === "waiting" && result.nextAt && result.nextAt.getTime() <= Date.now()) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        return { ...result, sent };
      }
      // Past this moment a claimed mail is left for whoever claims it next (its lease may be over).
      const sendBy = claimedAt + leaseSeconds * 1000 * 0.75;
      let next = 0;
      let broken = false;
      const lane = async () => {
        while (!broken && next < batch.length) {
          const row = batch[next++]!;
          await pace();
          if (Date.now() > sendBy) continue;
          try {
            await send(mailerFor(row.locale, campaign!.versions)(row, row.id));
          } catch (error) {
            await markFailed(row, error);
            continue;
          }
          await markSent(row.id);
          sent++;
        }
      };
      // A lane that fails (the database went away) stops the others before the campaign is let go.
      const lanes = await Promise.allSettled(
        Array.from({ length: Math.min(concurrency, batch.length) }, () =>
          lane().catch((error: unknown) => {
            broken = true;
            throw error;
          }),
        ),
      );
      const failure = lanes.find((result) => result.status === "rejected");
      if (failure) throw failure.reason;
      campaign = await takeCampaign(campaignId, senderId, leaseSeconds);
      if (!campaign) return { state: "stopped", sent };
    }
    return { state: "more", sent };
  } finally {
    await releaseCampaign(campaignId, senderId);
  }
}

async function isRunning(campaignId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = rowsOf<{ status: string }>(
    await db.execute(sql`select status from campaigns where id = ${campaignId}`),
  );
  return row?.status === "sending" || row?.status === "active";
}
