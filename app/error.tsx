"use client";

import { useTranslations } from "next-intl";
import { secondaryButton } from "@/lib/ui/components/button-styles";

/**
 * What a page shows when something fails on the server (the database is away, a request is refused
 * whole): in the reader's language, with the way back. Its texts come from the root layout.
 */
export default function ErrorPage({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <>
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-2xl">{t("body")}</p>
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" onClick={retry} className={secondaryButton}>
          {t("retry")}
        </button>
        <a href="/" className="inline-flex min-h-11 items-center">
          {t("home")}
        </a>
      </div>
    </>
  );
}
