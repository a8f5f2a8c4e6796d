import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { countRecipients } from "@/lib/campaigns/audience";
import { CampaignForm } from "@/lib/campaigns/components/campaign-form";
import { audienceOptions } from "@/lib/campaigns/options";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<{ kind?: string }>;
}): Promise<Metadata> {
  const t = await getTranslations("campaigns");
  return { title: (await searchParams).kind === "welcome" ? t("newWelcomeStep") : t("newCampaign") };
}

export default async function NewCampaignPage({
  searchParams,
}: {
  searchParams: Promise<{ kind?: string }>;
}) {
  await requireRole("coordinator");
  const t = await getTranslations("campaigns");
  const kind = (await searchParams).kind === "welcome" ? "welcome" : "broadcast";
  const defaults = {
    members: true,
    roles: [],
    topics: [],
    languages: [],
    municipalities: [],
    organisationTypes: [],
    contacts: false,
  };
  return (
    <>
      <p className="mb-2">
        <a href="/admin/campaigns">{t("detail.back")}</a>
      </p>
      <h1 className="mb-6 text-3xl font-bold">
        {kind === "welcome" ? t("newWelcomeStep") : t("newCampaign")}
      </h1>
      <ClientMessages namespaces={["campaigns"]}>
        <CampaignForm
          kind={kind}
          options={await audienceOptions()}
          count={kind === "broadcast" ? await countRecipients(defaults) : 0}
          previews={{}}
        />
      </ClientMessages>
    </>
  );
}
