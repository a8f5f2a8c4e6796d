import type { Metadata } from "next";
import { cache } from "react";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { deleteOfferAction } from "@/lib/offers/actions";
import { OfferForm } from "@/lib/offers/components/offer-form";
import { getOfferForEdit, visibilityChoice } from "@/lib/offers/data";
import { loadOfferEditor } from "@/lib/offers/editor";
import { ConfirmPanel } from "@/lib/users/components/confirm-panel";

type Params = { params: Promise<{ slug: string; offerId: string }> };

/** The offer, or null once it was deleted: then the page says so and offers to enter it anew. */
const loadOffer = cache(async (slug: string, offerId: string) => {
  const organisation = await loadOfferEditor(slug);
  const offer = await getOfferForEdit({ organisationId: organisation.id, offerId });
  return { organisation, offer };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, offerId } = await params;
  const { offer } = await loadOffer(slug, offerId);
  const t = await getTranslations("organisations.offers");
  return { title: offer ? t("editTitle", { title: offer.title }) : t("goneTitle") };
}

export default async function EditOfferPage({
  params,
  searchParams,
}: Params & { searchParams: Promise<{ delete?: string }> }) {
  const { slug, offerId } = await params;
  const { organisation, offer } = await loadOffer(slug, offerId);
  const t = await getTranslations("organisations.offers");
  const back = `/organisations/${organisation.slug}`;
  const here = `${back}/offers/${offerId}/edit`;
  return (
    <>
      <p className="mb-4">
        <a href={back}>{organisation.name}</a>
      </p>
      <h1 className="mb-6 text-3xl font-bold">
        {offer ? t("editTitle", { title: offer.title }) : t("goneTitle")}
      </h1>
      {offer && (await searchParams).delete === "1" ? (
        <ConfirmPanel
          heading={t("deleteHeading", { title: offer.title })}
          explanation={t("deleteExplanation")}
          confirmLabel={t("deleteConfirm")}
          cancelLabel={t("deleteCancel")}
          cancelHref={here}
          action={deleteOfferAction}
          fields={{ organisationId: organisation.id, offerId: offer.id }}
          danger
        />
      ) : null}
      {offer ? null : <p className="mb-6 max-w-2xl">{t("goneExplanation")}</p>}
      <ClientMessages namespaces={["organisations", "languages", "topics", "errors"]}>
        <OfferForm
          organisationId={organisation.id}
          backHref={back}
          offer={offer ?? undefined}
          initialVisibility={offer ? visibilityChoice(offer.visibility) : "public"}
        />
      </ClientMessages>
      {offer ? (
        <p className="mt-8">
          <a href={`${here}?delete=1#confirm-heading`} className="font-semibold text-danger">
            {t("delete")}
          </a>
        </p>
      ) : null}
    </>
  );
}
