import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter } from "next-intl/server";
import { cache } from "react";
import type { Campaign } from "@/db/schema";
import { compileCampaignBody } from "@/emails/campaign";
import { requireRole } from "@/lib/auth/viewer";
import { changeCampaignStatusAction, duplicateCampaignAction } from "@/lib/campaigns/actions";
import { countRecipients } from "@/lib/campaigns/audience";
import { CampaignForm } from "@/lib/campaigns/components/campaign-form";
import { MailPreview } from "@/lib/campaigns/components/mail-preview";
import { ProgressBar } from "@/lib/campaigns/components/progress-bar";
import { ReportChart } from "@/lib/campaigns/components/report-chart";
import { SendForm, TestSendForm } from "@/lib/campaigns/components/send-forms";
import { pickVersion } from "@/lib/campaigns/content";
import { campaignFailures, campaignProgress, getCampaign } from "@/lib/campaigns/data";
import { EDITABLE } from "@/lib/campaigns/mutations";
import { audienceOptions } from "@/lib/campaigns/options";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { LOCALES } from "@/lib/i18n/config";
import { getTranslations } from "@/lib/i18n/server";
import { SubmissionKey } from "@/lib/submissions/components/submission-key";
import { newSubmissionKey } from "@/lib/submissions/utils";
import { cardStyle, primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { TableHead } from "@/lib/ui/components/table-head";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string; confirm?: string; error?: string }>;
};

/** Cached per request: generateMetadata and the page share one read. */
const loadCampaign = cache(getCampaign);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireRole("coordinator"); // a draft's title is for coordinators' eyes only
  const campaign = await loadCampaign((await params).id);
  return { title: campaign?.title ?? (await getTranslations("campaigns"))("title") };
}

const SAVED = [
  "created",
  "saved",
  "testSent",
  "scheduled",
  "sending",
  "paused",
  "resumed",
  "cancelled",
  "activated",
  "unscheduled",
  "duplicated",
] as const;

/** Which status buttons a campaign offers. */
function transitionsOf(campaign: Campaign) {
  if (campaign.kind === "welcome") {
    return { draft: ["activate"], active: ["pause"], paused: ["resume"] }[campaign.status as string] ?? [];
  }
  return (
    { scheduled: ["unschedule", "cancel"], sending: ["pause", "cancel"], paused: ["resume", "cancel"] }[
      campaign.status as string
    ] ?? []
  );
}

const TRANSITION_LABELS = {
  activate: "activate",
  pause: "pause",
  resume: "resume",
  cancel: "cancel",
  unschedule: "unschedule",
} as const;
const STEP_LABELS = { ...TRANSITION_LABELS, pause: "pauseStep" } as const;

export default async function CampaignPage({ params, searchParams }: Props) {
  const viewer = await requireRole("coordinator");
  const { id } = await params;
  const campaign = await loadCampaign(id);
  if (!campaign) notFound();
  const { saved, confirm, error } = await searchParams;
  const t = await getTranslations("campaigns");
  const format = await getFormatter();
  const [progress, failures] = await Promise.all([campaignProgress(id), campaignFailures(id)]);
  const editable = (EDITABLE[campaign.kind] as readonly string[]).includes(campaign.status);
  const previews = Object.fromEntries(
    LOCALES.flatMap((locale) => {
      const version = campaign.versions[locale];
      if (!version) return [];
      const body = compileCampaignBody(version.body);
      return [[locale, { html: body.html(viewer.name), text: body.text(viewer.name) }]];
    }),
  );
  // The language versions that go out as written (others get the German one).
  const versionLocales = LOCALES.filter((l) => pickVersion(campaign.versions, l).locale === l);
  const started = campaign.kind === "broadcast" && !["draft", "scheduled"].includes(campaign.status);
  const transitions = transitionsOf(campaign);
  const audience = campaign.audience;

  return (
    <>
      <p className="mb-2">
        <a href="/admin/campaigns">{t("detail.back")}</a>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{campaign.title}</h1>
      <p className="mb-6 text-lg">
        <span className="font-semibold">{t("columns.status")}:</span>{" "}
        <span data-testid="campaign-status">{t(`status.${campaign.status}`)}</span>
        {campaign.kind === "welcome" ? ` · ${t("welcomeDay", { days: campaign.delayDays ?? 0 })}` : null}
      </p>
      {SAVED.find((s) => s === saved) ? (
        <FormAlert kind="success">
          {t(`saved.${saved as (typeof SAVED)[number]}`, { email: viewer.email })}
        </FormAlert>
      ) : null}
      {/* A status button pressed twice, or on a page older than the campaign's state. */}
      {error === "wrongStatus" ? <FormAlert kind="error">{t("errors.wrongStatus")}</FormAlert> : null}
      {campaign.status === "scheduled" && campaign.scheduledAt ? (
        <p className="mb-4 font-semibold">
          {t("detail.scheduledFor", {
            when: format.dateTime(campaign.scheduledAt, { dateStyle: "full", timeStyle: "short" }),
          })}
        </p>
      ) : null}
      {confirm === "cancel" && transitions.includes("cancel") ? (
        <section
          aria-labelledby="cancel-heading"
          className={`${cardStyle} mb-8`}
          data-testid="cancel-confirmation"
        >
          <h2 id="cancel-heading" className="mb-2 text-2xl font-bold">
            {t("detail.cancelConfirmTitle")}
          </h2>
          <p className="mb-4">{t("detail.cancelConfirmText")}</p>
          <div className="flex flex-wrap gap-3">
            <form action={changeCampaignStatusAction}>
              <input type="hidden" name="campaignId" value={campaign.id} />
              <input type="hidden" name="transition" value="cancel" />
              <input type="hidden" name="confirmed" value="yes" />
              <button type="submit" className={primaryButton}>
                {t("detail.cancelConfirm")}
              </button>
            </form>
            <a href={`/admin/campaigns/${campaign.id}`} className={secondaryButton}>
              {t("detail.cancelKeep")}
            </a>
          </div>
        </section>
      ) : null}
      <div className="mb-8 flex flex-wrap gap-3">
        {transitions.map((transition) =>
          transition === "cancel" ? (
            // A confirmation step first, as a page of its own, so it works without JavaScript.
            <a
              key={transition}
              href={`/admin/campaigns/${campaign.id}?confirm=cancel#cancel-heading`}
              className={secondaryButton}
            >
              {t("detail.cancel")}
            </a>
          ) : (
            <form key={transition} action={changeCampaignStatusAction}>
              <input type="hidden" name="campaignId" value={campaign.id} />
              <input type="hidden" name="transition" value={transition} />
              <button type="submit" className={secondaryButton}>
                {t(
                  `detail.${(campaign.kind === "welcome" ? STEP_LABELS : TRANSITION_LABELS)[transition as keyof typeof TRANSITION_LABELS]}`,
                )}
              </button>
            </form>
          ),
        )}
        <form action={duplicateCampaignAction}>
          <input type="hidden" name="campaignId" value={campaign.id} />
          <SubmissionKey fresh={newSubmissionKey()} />
          <button type="submit" className={secondaryButton}>
            {t("detail.duplicate")}
          </button>
        </form>
      </div>

      {progress && (started || campaign.kind === "welcome") ? (
        <section aria-labelledby="progress-heading" className={`${cardStyle} mb-8`}>
          <h2 id="progress-heading" className="mb-3 text-2xl font-bold">
            {campaign.status === "sending" ? t("detail.progressTitle") : t("detail.reportTitle")}
          </h2>
          {campaign.status === "sending" ? (
            <noscript>
              <meta httpEquiv="refresh" content="5" />
            </noscript>
          ) : null}
          {started ? (
            <ClientMessages namespaces={["campaigns"]}>
              <ProgressBar campaignId={campaign.id} initial={progress} />
            </ClientMessages>
          ) : null}
          <div className="mt-4">
            <ReportChart progress={progress} />
          </div>
          <h3 className="mt-6 mb-2 text-xl font-bold">{t("detail.failures")}</h3>
          {failures.reasons.length === 0 ? (
            <p>{t("detail.noFailures")}</p>
          ) : (
            <table className="w-full border-collapse">
              <TableHead
                columns={[t("detail.failureReason"), { label: t("detail.failureCount"), end: true }]}
              />
              <tbody>
                {failures.reasons.map((f) => (
                  <tr key={f.reason} className="border-b border-gray-200">
                    <td className="p-2 font-mono text-sm" dir="ltr">
                      {f.reason}
                    </td>
                    <td className="p-2 text-end">{format.number(f.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {failures.others > 0 ? (
            <p className="mt-2">{t("detail.failureOthers", { count: failures.others })}</p>
          ) : null}
          <p className="mt-4 text-sm text-muted">{t("detail.noTracking")}</p>
        </section>
      ) : null}

      {campaign.kind === "broadcast" ? (
        <section aria-labelledby="audience-heading" className="mb-8">
          <h2 id="audience-heading" className="mb-2 text-2xl font-bold">
            {t("detail.audience")}
          </h2>
          <p>
            {[
              audience.members ? t("detail.audienceMembers") : null,
              audience.contacts ? t("detail.audienceContacts") : null,
            ]
              .filter(Boolean)
              .join(" + ")}
          </p>
          {!started ? (
            <p className="font-semibold">
              {t("detail.recipientsNow", { count: await countRecipients(audience) })}
            </p>
          ) : null}
        </section>
      ) : null}

      {editable ? (
        <>
          <section aria-labelledby="test-heading" className={`${cardStyle} mb-8`}>
            <h2 id="test-heading" className="mb-2 text-2xl font-bold">
              {t("detail.testTitle")}
            </h2>
            <p className="mb-3">{t("detail.testIntro")}</p>
            <ClientMessages namespaces={["campaigns"]}>
              <TestSendForm
                campaignId={campaign.id}
                locales={versionLocales}
                locale={versionLocales.find((l) => l === viewer.locale) ?? "de"}
              />
            </ClientMessages>
          </section>
          {campaign.status === "draft" && campaign.kind === "broadcast" ? (
            <section aria-labelledby="send-heading" className={`${cardStyle} mb-8`}>
              <h2 id="send-heading" className="mb-3 text-2xl font-bold">
                {t("detail.sendTitle")}
              </h2>
              <ClientMessages namespaces={["campaigns"]}>
                <SendForm campaignId={campaign.id} />
              </ClientMessages>
            </section>
          ) : null}
          <section aria-labelledby="edit-heading" className="mb-8">
            <h2 id="edit-heading" className="mb-4 text-2xl font-bold">
              {t("detail.edit")}
            </h2>
            <ClientMessages namespaces={["campaigns"]}>
              <CampaignForm
                kind={campaign.kind}
                campaign={campaign}
                options={await audienceOptions()}
                count={campaign.kind === "broadcast" ? await countRecipients(audience) : 0}
                previews={previews}
              />
            </ClientMessages>
          </section>
        </>
      ) : (
        <section aria-labelledby="previews-heading" className="mb-8">
          <h2 id="previews-heading" className="mb-4 text-2xl font-bold">
            {t("detail.previews")}
          </h2>
          <ClientMessages namespaces={["campaigns"]}>
            {LOCALES.filter((l) => previews[l]).map((locale) => (
              <div key={locale} className={`${cardStyle} mb-4`}>
                <h3 className="mb-2 text-lg font-bold">
                  {t("form.version", { language: t(`languages.${locale}`) })}:{" "}
                  <span lang={locale}>{campaign.versions[locale]?.subject}</span>
                </h3>
                <MailPreview locale={locale} preview={previews[locale]} language={t(`languages.${locale}`)} />
              </div>
            ))}
          </ClientMessages>
        </section>
      )}
    </>
  );
}
