import { getTranslations } from "@/lib/i18n/server";
import { getNetworkBranding } from "@/lib/settings/data";
import { cardStyle, primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";

export default async function LandingPage() {
  const [t, tShell, branding] = await Promise.all([
    getTranslations("landing"),
    getTranslations("shell"),
    getNetworkBranding(),
  ]);
  const points = ["directory", "forum", "events", "knowledge"] as const;
  return (
    <>
      <section aria-labelledby="hero-heading" className="mb-12">
        <h1 id="hero-heading" className="mb-4 text-3xl font-bold wrap-break-word sm:text-4xl">
          {t("title")}
        </h1>
        <p className="mb-6 max-w-2xl text-xl">
          {t("lead", { network: branding.name ?? tShell("siteName") })}
        </p>
        <div className="flex flex-wrap gap-3">
          <a href="/signup" className={primaryButton}>
            {t("join")}
          </a>
          <a href="/login" className={secondaryButton}>
            {t("login")}
          </a>
        </div>
      </section>
      <section aria-labelledby="what-heading" className="mb-12">
        <h2 id="what-heading" className="mb-4 text-2xl font-bold">
          {t("whatTitle")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {points.map((p) => (
            <li key={p} className={cardStyle}>
              <h3 className="mb-1 text-lg font-bold">{t(`${p}Title`)}</h3>
              <p>{t(`${p}Body`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="how-heading">
        <h2 id="how-heading" className="mb-4 text-2xl font-bold">
          {t("howTitle")}
        </h2>
        <ol className="list-decimal space-y-2 ps-6">
          <li>{t("step1")}</li>
          <li>{t("step2")}</li>
          <li>{t("step3")}</li>
        </ol>
        <p className="mt-6">
          {t.rich("easyLanguage", { link: (chunks) => <a href="/leichte-sprache">{chunks}</a> })}
        </p>
      </section>
    </>
  );
}
