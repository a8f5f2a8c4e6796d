import type { Metadata } from "next";
import { hasRole, requireUser } from "@/lib/auth/viewer";
import { CampaignMailSetting } from "@/lib/campaigns/components/campaign-mail-setting";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { NotificationSettingsForm } from "@/lib/notifications/components/settings-form";
import { getNotificationSettings } from "@/lib/notifications/data";
import { kindsFor } from "@/lib/notifications/kinds";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("settings.title") };
}

export default async function NotificationSettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ campaigns?: string }>;
}) {
  const viewer = await requireUser();
  const { campaigns } = await searchParams;
  const [t, settings] = await Promise.all([
    getTranslations("notifications"),
    getNotificationSettings(viewer.id),
  ]);
  return (
    <div className="max-w-3xl">
      <h1 className="mb-3 text-3xl font-bold">{t("settings.title")}</h1>
      <p className="mb-6">{t("settings.intro")}</p>
      <ClientMessages namespaces={["notifications"]}>
        <NotificationSettingsForm
          modes={settings.modes}
          digestHour={settings.digestHour}
          kinds={kindsFor(hasRole(viewer, "coordinator"))}
        />
      </ClientMessages>
      <CampaignMailSetting email={viewer.email} resubscribed={campaigns === "resubscribed"} />
      <p className="mt-6">
        <a href="/notifications" className="inline-flex min-h-11 items-center">
          {t("settings.backToNotifications")}
        </a>
      </p>
    </div>
  );
}
