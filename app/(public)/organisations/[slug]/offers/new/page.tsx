import type { Metadata } from "next";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { OfferForm } from "@/lib/offers/components/offer-form";
import { loadOfferEditor } from "@/lib/offers/editor";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const organisation = await loadOfferEditor((await params).slug);
  const t = await getTranslations("organisations.offers");
  return { title: t("newTitle", { name: organisation.name }) };
}

export default async function NewOfferPage({ params }: Params) {
  const organisation = await loadOfferEditor((await params).slug);
  const t = await getTranslations("organisations.offers");
  const back = `/organisations/${organisation.slug}`;
  return (
    <>
      <p className="mb-4">
        <a href={back}>{organisation.name}</a>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("newTitle", { name: organisation.name })}</h1>
      <ClientMessages namespaces={["organisations", "languages", "topics", "errors"]}>
        <OfferForm organisationId={organisation.id} backHref={back} initialVisibility="public" />
      </ClientMessages>
    </>
  );
}
