import type { Metadata } from "next";
import { requireCapability } from "@/lib/admin/loaders";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { LEGAL_PAGES } from "@/lib/legal/data";
import { ColorsForm } from "@/lib/settings/components/colors-form";
import { GeneralSettingsForm } from "@/lib/settings/components/general-settings-form";
import { LogoForm } from "@/lib/settings/components/logo-form";
import { getNetworkBranding, getSettings } from "@/lib/settings/data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.settings"))("title") };
}

export default async function AdminSettingsPage() {
  await requireCapability("settings.edit");
  const t = await getTranslations("admin.settings");
  const tShell = await getTranslations("shell");
  const [branding, s] = await Promise.all([
    getNetworkBranding(),
    getSettings(["mail.senderName", "mail.senderAddress", "mail.replyTo", "forum.holdFirstPosts"]),
  ]);
  const legalLabels = {
    imprint: tShell("imprint"),
    privacy: tShell("privacy"),
    accessibility: tShell("accessibility"),
    easyLanguage: tShell("easyLanguage"),
  };
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
      <ClientMessages namespaces={["admin", "errors"]}>
        <section aria-labelledby="general-heading" className="mb-12">
          <h2 id="general-heading" className="mb-4 text-2xl font-bold">
            {t("generalHeading")}
          </h2>
          <GeneralSettingsForm
            networkName={branding.name ?? tShell("siteName")}
            senderName={s["mail.senderName"] ?? ""}
            senderAddress={s["mail.senderAddress"] ?? ""}
            replyTo={s["mail.replyTo"] ?? ""}
            holdFirstPosts={s["forum.holdFirstPosts"]}
          />
        </section>
        <section aria-labelledby="colors-heading" className="mb-12">
          <h2 id="colors-heading" className="mb-2 text-2xl font-bold">
            {t("colorsHeading")}
          </h2>
          <p className="mb-4">{t("colorsIntro")}</p>
          <ColorsForm
            brand={branding.colors.brand}
            brandDark={branding.colors.brandDark}
            custom={branding.customColors}
          />
        </section>
        <section aria-labelledby="logo-heading" className="mb-12">
          <h2 id="logo-heading" className="mb-4 text-2xl font-bold">
            {t("logoHeading")}
          </h2>
          <LogoForm logo={branding.logo} />
        </section>
      </ClientMessages>
      <section aria-labelledby="legal-heading">
        <h2 id="legal-heading" className="mb-2 text-2xl font-bold">
          {t("legalHeading")}
        </h2>
        <p className="mb-3">{t("legalIntro")}</p>
        <ul className="list-disc ps-6">
          {LEGAL_PAGES.map((page) => (
            <li key={page} className="mb-1">
              <a href={`/admin/settings/legal/${page}`}>{legalLabels[page]}</a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
