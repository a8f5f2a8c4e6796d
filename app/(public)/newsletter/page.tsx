import type { Metadata } from "next";
import { SubscribeForm } from "@/lib/campaigns/components/subscribe-form";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { FormAlert } from "@/lib/ui/components/form-alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("newsletter"))("title") };
}

export default async function NewsletterPage({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
  const t = await getTranslations("newsletter");
  const { sent } = await searchParams;
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      {sent ? (
        <FormAlert kind="success">{t("checkMail")}</FormAlert>
      ) : (
        <>
          <p className="mb-6 max-w-xl">{t("intro")}</p>
          <ClientMessages namespaces={["newsletter"]}>
            <SubscribeForm />
          </ClientMessages>
        </>
      )}
    </>
  );
}
