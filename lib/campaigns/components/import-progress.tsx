"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { ImportProgress as Progress } from "../import-data";

const POLL_MS = 1000;

/**
 * The progress bar of a running import: polls its figures and reloads the page (for the results)
 * when it is done. Without JavaScript the page refreshes itself instead (see the import page).
 */
export function ImportProgress({ importId, initial }: { importId: string; initial: Progress }) {
  const t = useTranslations("campaignContacts.progress");
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const running = progress.status === "running";
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/admin/contact-imports/${importId}`, { cache: "no-store" }).catch(
        () => null,
      );
      if (!response?.ok) return;
      const next = (await response.json()) as Progress | { status: "gone" };
      if (next.status === "gone" || next.status !== "running") {
        clearInterval(timer);
        router.refresh();
      }
      if (next.status !== "gone") setProgress(next);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [importId, running, router]);
  return (
    <div>
      <label htmlFor="import-progress" className="mb-1 block font-semibold">
        {t("label")}
      </label>
      <progress
        id="import-progress"
        max={Math.max(progress.total, 1)}
        value={progress.total === 0 ? 1 : progress.processed}
        aria-describedby="import-progress-text"
        className="h-6 w-full"
      />
      <p id="import-progress-text" className="mt-2 font-semibold">
        {t("text", { processed: progress.processed, total: progress.total, percent: progress.percent })}
      </p>
    </div>
  );
}
