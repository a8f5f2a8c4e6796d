"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRole, requireUser } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { berlinDateTimeToUtc } from "@/lib/events/time";
import { formAction } from "@/lib/forms/action";
import { resolveLocale } from "@/lib/i18n/request";
import { translatorFor } from "@/lib/i18n/translator";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { enforceRateLimits } from "@/lib/rate-limit/mutations";
import { newsletterLimits } from "@/lib/rate-limit/policies";
import { AlreadySubmitted } from "@/lib/submissions/mutations";
import { submissionOf } from "@/lib/submissions/utils";
import { AUDIENCE_LISTS } from "./constants";
import {
  type CampaignTransition,
  changeCampaignStatus,
  duplicateCampaign,
  duplicatedAt,
  saveCampaign,
  sendTestMail,
  startCampaign,
} from "./mutations";
import { SaveCampaign, SendCampaign, Subscribe } from "./schema";
import { confirmSubscription, resubscribe, subscribe } from "./subscriptions";
import { verifyConfirmToken } from "./tokens";

// Campaign actions: coordinators only (anyone else gets "not found"); the mutation checks again.

export const saveCampaignAction = formAction(
  SaveCampaign,
  async (data) => {
    const coordinator = await requireRole("coordinator");
    const { id } = await saveCampaign({ actorId: coordinator.id, data });
    redirect(`/admin/campaigns/${id}?saved=${data.campaignId ? "saved" : "created"}`);
  },
  { multi: AUDIENCE_LISTS },
);

export const sendTestAction = formAction(
  z.object({ campaignId: z.string().min(1).max(100), locale: z.string().max(5) }),
  async (data) => {
    const coordinator = await requireRole("coordinator");
    await sendTestMail({ actorId: coordinator.id, campaignId: data.campaignId, locale: data.locale });
    redirect(`/admin/campaigns/${data.campaignId}?saved=testSent`);
  },
);

export const sendCampaignAction = formAction(SendCampaign, async (data) => {
  const coordinator = await requireRole("coordinator");
  const at = data.when === "later" ? berlinDateTimeToUtc(data.date, data.time) : undefined;
  await startCampaign({ actorId: coordinator.id, campaignId: data.campaignId, at });
  redirect(`/admin/campaigns/${data.campaignId}?saved=${at ? "scheduled" : "sending"}`);
});

const TRANSITION_MESSAGES: Record<CampaignTransition, string> = {
  pause: "paused",
  resume: "resumed",
  cancel: "cancelled",
  activate: "activated",
  unschedule: "unscheduled",
};

/** Pause, resume, cancel, activate: plain buttons; the page shows the result. */
export async function changeCampaignStatusAction(formData: FormData): Promise<void> {
  const coordinator = await requireRole("coordinator");
  const campaignId = String(formData.get("campaignId") ?? "");
  const transition = String(formData.get("transition") ?? "") as CampaignTransition;
  if (!(transition in TRANSITION_MESSAGES)) redirect(`/admin/campaigns/${campaignId}`);
  // Cancelling cannot be undone: only the button on the confirmation step cancels.
  if (transition === "cancel" && formData.get("confirmed") !== "yes")
    redirect(`/admin/campaigns/${campaignId}?confirm=cancel`);
  await changeCampaignStatus({ actorId: coordinator.id, campaignId, transition }).catch((error: unknown) => {
    // Pressed again, or changed by someone else since the page was loaded: it asks for a reload.
    if (error instanceof AppError && error.message === "wrongStatus")
      redirect(`/admin/campaigns/${campaignId}?error=wrongStatus`);
    throw error;
  });
  redirect(`/admin/campaigns/${campaignId}?saved=${TRANSITION_MESSAGES[transition]}`);
}

/** Any campaign, sent or cancelled too, as a new draft to edit and send again. */
export async function duplicateCampaignAction(formData: FormData): Promise<void> {
  const coordinator = await requireRole("coordinator");
  const t = translatorFor(await resolveLocale());
  const campaignId = String(formData.get("campaignId") ?? "");
  const once = submissionOf(formData, {
    userId: coordinator.id,
    scope: `campaign:duplicate:${campaignId}`,
    fields: [],
  });
  const { id } = await duplicateCampaign({
    actorId: coordinator.id,
    campaignId,
    title: (title) => t("campaigns.detail.copyTitle", { title }),
    once,
  }).catch((error: unknown) => {
    // The same form sent again (a double click): the copy it made the first time.
    if (error instanceof AlreadySubmitted) redirect(error.target);
    throw error;
  });
  redirect(duplicatedAt(id));
}

export const subscribeAction = formAction(Subscribe, async (data) => {
  await enforceRateLimits(newsletterLimits(clientIp(await headers()), data.email));
  await subscribe({ email: data.email, name: data.name, locale: await resolveLocale() });
  redirect("/newsletter?sent=1");
});

export async function confirmSubscriptionAction(formData: FormData): Promise<void> {
  const contactId = verifyConfirmToken(String(formData.get("token") ?? ""));
  const confirmed = contactId ? await confirmSubscription(contactId) : false;
  redirect(confirmed ? "/newsletter/confirm?done=1" : "/newsletter/confirm");
}

/** A member receives campaign mails again (from their notification settings). */
export async function resubscribeAction(): Promise<void> {
  const viewer = await requireUser();
  await resubscribe(viewer.email);
  redirect("/settings/notifications?campaigns=resubscribed#campaign-mail");
}
