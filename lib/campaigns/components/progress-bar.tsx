"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { CampaignProgress } from "../data";

const POLL_MS = 1500;

/**
 * The live progress of a sending campaign: polls its figures while it sends and reloads the page
 * (for the report) when it is done. Without JavaScript the page refreshes itself instead.
 */
export function ProgressBar({ campaignId, initial }: { campaignId: string; initial: CampaignProgress }) {
  const t = useTranslations("campaigns.detail");
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const running = progress.status === "sending";
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/admin/campaigns/${campaignId}/progress`).catch(() => null);
      if (!response?.ok) return;
      const next = (await response.json()) as CampaignProgress;
      setProgress(next);
      if (next.status !== "sending") router.refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [campaignId, running, router]);
  const done = progress.sent + progress.failed + progress.skipped;
  return (
    <div>
      <progress max={100} value={progress.percent} aria-label={t("progressLabel")} className="h-6 w-full" />
      <p className="mt-2 font-semibold" aria-live="polite">
        {t("progressText", { done, total: progress.total, percent: progress.percent })}
      </p>
    </div>
  );
}
