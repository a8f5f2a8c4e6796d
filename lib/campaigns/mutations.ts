import "server-only";
import { eq, sql } from "drizzle-orm";
import { type Executor, getDb, rowsOf } from "@/db/client";
import { type Campaign, type CampaignStatus, campaigns, users } from "@/db/schema";
import { campaignMailer } from "@/emails/campaign";
import { assertActorMay } from "@/lib/admin/actor";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { TIME_ZONE } from "@/lib/i18n/config";
import { deferJob, sendJob } from "@/lib/jobs/queue";
import { deliverMail } from "@/lib/mail/transport";
import { startSubmission } from "@/lib/submissions/mutations";
import type { Submission } from "@/lib/submissions/utils";
import { recipientsQuery } from "./audience";
import { CHANGED_MEANWHILE } from "./constants";
import { pickVersion } from "./content";
import { type SaveCampaignInput, toAudience, toVersions } from "./schema";

export const SEND_JOB = "campaigns.send";

/**
 * Queues a sender run for a campaign, now or at `startAfter`. One waiting job per campaign and
 * start time: a job for later (a retry, a welcome mail in three days) never keeps one for now out.
 */
export const queueSender = (campaignId: string, startAfter?: Date) =>
  sendJob(
    SEND_JOB,
    { campaignId },
    { singletonKey: startAfter ? `${campaignId}@${startAfter.toISOString()}` : campaignId, startAfter },
  );

/** A campaign of this kind and status, locked for the write; anything else is "gone". */
async function lockCampaign(
  tx: Executor,
  campaignId: string,
  statuses: readonly CampaignStatus[],
): Promise<Campaign> {
  const [campaign] = await tx
    .select()
    .from(campaigns)
    .where(eq(campaigns.id, campaignId))
    .for("update")
    .limit(1);
  if (!campaign) throw new AppError({ code: "not_found", message: "campaignGone" });
  if (!statuses.includes(campaign.status)) throw new AppError({ code: "conflict", message: "wrongStatus" });
  return campaign;
}

/** A broadcast can be edited until it starts sending; a welcome step at any time (later mails change). */
export const EDITABLE = {
  broadcast: ["draft", "scheduled"],
  welcome: ["draft", "active", "paused"],
} as const satisfies Record<string, readonly CampaignStatus[]>;

/** Creates a campaign or a welcome step, or edits one that has not started sending. */
export async function saveCampaign(input: {
  actorId: string;
  data: SaveCampaignInput;
}): Promise<{ id: string }> {
  const db = await getDb();
  const { data } = input;
  const values = {
    title: data.title,
    audience: toAudience(data),
    versions: toVersions(data),
    delayDays: data.kind === "welcome" ? (data.delayDays ?? 0) : null,
    updatedAt: new Date(),
  };
  return db.transaction(async (tx) => {
    await assertActorMay(tx, input.actorId, "campaigns.manage");
    if (data.campaignId) {
      const campaign = await lockCampaign(tx, data.campaignId, EDITABLE[data.kind]);
      if (campaign.kind !== data.kind) throw new AppError({ code: "conflict", message: "wrongStatus" });
      // Opened before another coordinator's save: that one would be lost without a word. The form
      // comes back with what was typed and takes on the saved version, so saving again overwrites it.
      const saved = campaign.updatedAt.getTime();
      if (data.version !== undefined && Number(data.version) !== saved)
        throw new AppError({ code: "conflict", message: CHANGED_MEANWHILE, values: { version: saved } });
      await tx.update(campaigns).set(values).where(eq(campaigns.id, campaign.id));
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "campaign.edit",
        targetType: "campaign",
        targetId: campaign.id,
      });
      return { id: campaign.id };
    }
    const [created] = await tx
      .insert(campaigns)
      .values({ ...values, kind: data.kind, createdBy: input.actorId })
      .returning({ id: campaigns.id });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "campaign.create",
      targetType: "campaign",
      targetId: created!.id,
    });
    return created!;
  });
}

/**
 * The mail in one of its languages to the coordinator's own address, marked "[Test]"; nothing is
 * recorded, and its unsubscribe links unsubscribe nobody (coordinators click them to check them).
 */
export async function sendTestMail(input: {
  actorId: string;
  campaignId: string;
  locale: string;
}): Promise<string> {
  const db = await getDb();
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, input.campaignId)).limit(1);
  const [actor] = await db
    .select({ email: users.email, name: users.name, role: users.role, status: users.status })
    .from(users)
    .where(eq(users.id, input.actorId))
    .limit(1);
  if (!campaign || !actor) throw new AppError({ code: "not_found", message: "campaignGone" });
  await assertActorMay(db, input.actorId, "campaigns.manage");
  // The form lists only the versions there are: a stale form asking for another gets an error, not German.
  const { locale, version } = pickVersion(campaign.versions, input.locale);
  if (locale !== input.locale) throw new AppError({ code: "invalid", message: "versionMissing" });
  const mailer = campaignMailer({
    campaignId: campaign.id,
    locale,
    version,
    subjectPrefix: "[Test] ",
    test: true,
  });
  await deliverMail(mailer({ email: actor.email, name: actor.name, reason: "member" }));
  return actor.email;
}

/** One outbox row per recipient of the audience as it is now. */
async function fillOutbox(tx: Executor, campaign: Campaign): Promise<void> {
  const recipients = recipientsQuery(campaign.audience);
  if (!recipients) return;
  await tx.execute(sql`
    insert into campaign_deliveries (id, campaign_id, email, name, locale, user_id, contact_id)
    select gen_random_uuid()::text, ${campaign.id}, r.email, r.name, r.locale, r.user_id, r.contact_id
    from (${recipients}) r
    on conflict (campaign_id, email) do nothing`);
}

/** Sends now (the outbox is filled at once) or at a later time (filled then, see jobs.ts). */
export async function startCampaign(input: {
  actorId: string;
  campaignId: string;
  at?: Date;
}): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await assertActorMay(tx, input.actorId, "campaigns.manage");
    const campaign = await lockCampaign(tx, input.campaignId, ["draft", "scheduled"]);
    if (campaign.kind !== "broadcast") throw new AppError({ code: "conflict", message: "wrongStatus" });
    if (input.at) {
      if (input.at.getTime() <= Date.now())
        throw new AppError({ code: "invalid", message: "inPast", field: "date" });
      await tx
        .update(campaigns)
        .set({ status: "scheduled", scheduledAt: input.at })
        .where(eq(campaigns.id, campaign.id));
    } else {
      await beginSending(tx, campaign);
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: input.at ? "campaign.schedule" : "campaign.send",
      targetType: "campaign",
      targetId: campaign.id,
      data: input.at ? { at: input.at.toISOString() } : {},
    });
  });
  if (!input.at)
    deferJob(() => sendJob(SEND_JOB, { campaignId: input.campaignId }, { singletonKey: input.campaignId }));
}

/** Fills the outbox and marks the campaign as sending (by a coordinator, or when its time came). */
export async function beginSending(tx: Executor, campaign: Campaign): Promise<void> {
  await fillOutbox(tx, campaign);
  await tx
    .update(campaigns)
    .set({ status: "sending", startedAt: new Date(), scheduledAt: null })
    .where(eq(campaigns.id, campaign.id));
}

const TRANSITIONS = {
  pause: { from: ["sending", "active"], to: "paused" },
  resume: { from: ["paused"], to: null },
  cancel: { from: ["scheduled", "sending", "paused"], to: "cancelled" },
  activate: { from: ["draft"], to: "active" },
  // Back to a draft, so its content and time can be changed and it can be scheduled again.
  unschedule: { from: ["scheduled"], to: "draft" },
} as const satisfies Record<string, { from: readonly CampaignStatus[]; to: CampaignStatus | null }>;
export type CampaignTransition = keyof typeof TRANSITIONS;

/**
 * Pause, resume, cancel or unschedule a broadcast; activate or pause a welcome step. A pause takes effect
 * after the mails in flight (the sender looks before each batch); cancelled mails stay unsent.
 */
export async function changeCampaignStatus(input: {
  actorId: string;
  campaignId: string;
  transition: CampaignTransition;
}): Promise<void> {
  const db = await getDb();
  const rule = TRANSITIONS[input.transition];
  const campaign = await db.transaction(async (tx) => {
    await assertActorMay(tx, input.actorId, "campaigns.manage");
    const campaign = await lockCampaign(tx, input.campaignId, rule.from);
    const resumed = campaign.kind === "welcome" ? "active" : campaign.startedAt ? "sending" : "draft";
    const to = rule.to ?? resumed;
    if (input.transition === "activate" && campaign.kind !== "welcome") {
      throw new AppError({ code: "conflict", message: "wrongStatus" });
    }
    await tx
      .update(campaigns)
      .set({
        status: to,
        ...(to === "cancelled" ? { finishedAt: new Date() } : {}),
        ...(to === "cancelled" || to === "draft" ? { scheduledAt: null } : {}),
      })
      .where(eq(campaigns.id, campaign.id));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: `campaign.${input.transition}`,
      targetType: "campaign",
      targetId: campaign.id,
    });
    return { ...campaign, status: to };
  });
  if (campaign.status === "sending" || campaign.status === "active") await queueSender(campaign.id);
}

/**
 * A new draft with all language versions and the audience (and the day, for a welcome step) of any
 * campaign, sent or cancelled ones included. `title` names the copy after the original. The same
 * form sent again (`once`: a double click on "Duplicate") throws AlreadySubmitted with the first copy's
 * address instead of making another.
 */
export async function duplicateCampaign(input: {
  actorId: string;
  campaignId: string;
  title: (original: string) => string;
  once?: Submission;
}): Promise<{ id: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertActorMay(tx, input.actorId, "campaigns.manage");
    const [source] = await tx.select().from(campaigns).where(eq(campaigns.id, input.campaignId)).limit(1);
    if (!source) throw new AppError({ code: "not_found", message: "campaignGone" });
    const done = await startSubmission<{ id: string }>(
      tx,
      input.once && { submission: input.once, target: (copy) => duplicatedAt(copy.id) },
    );
    const [created] = await tx
      .insert(campaigns)
      .values({
        kind: source.kind,
        title: input.title(source.title).slice(0, 120),
        audience: source.audience,
        versions: source.versions,
        delayDays: source.delayDays,
        createdBy: input.actorId,
      })
      .returning({ id: campaigns.id });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "campaign.duplicate",
      targetType: "campaign",
      targetId: created!.id,
      data: { title: source.title },
    });
    return done(created!);
  });
}

/** Where a new copy opens, saying it is one. */
export const duplicatedAt = (id: string) => `/admin/campaigns/${id}?saved=duplicated`;

/**
 * A newly approved member joins every active welcome step: mail n goes out delayDays after `now`,
 * at the same time of day in Berlin (an approval at 10:00 on the Friday before the clocks change is
 * mailed at 10:00 three days later, not at 11:00). Runs inside the approval's transaction; the sender
 * jobs are queued once it is over (should that fail, the every-minute tick finds the due mails).
 */
export async function enrolInWelcomeSequence(tx: Executor, userId: string, now = new Date()): Promise<void> {
  const enrolled = rowsOf<{ campaign_id: string; due_at: string | Date }>(
    await tx.execute(sql`
    insert into campaign_deliveries (id, campaign_id, email, name, locale, user_id, due_at)
    select gen_random_uuid()::text, c.id, lower(u.email), u.name, u.locale, u.id,
      ((${now.toISOString()}::timestamptz at time zone ${TIME_ZONE}) + c.delay_days * interval '1 day')
        at time zone ${TIME_ZONE}
    from campaigns c cross join users u
    where c.kind = 'welcome' and c.status = 'active' and u.id = ${userId}
      and not exists (select 1 from suppressions s where s.email = lower(u.email))
    on conflict (campaign_id, email) do nothing
    returning campaign_id, due_at`),
  );
  if (enrolled.length === 0) return;
  // Not before the transaction has committed: at least 2 s from now.
  const earliest = Date.now() + 2000;
  deferJob(() =>
    Promise.all(
      enrolled.map((row) =>
        queueSender(row.campaign_id, new Date(Math.max(new Date(row.due_at).getTime(), earliest))),
      ),
    ),
  );
}
