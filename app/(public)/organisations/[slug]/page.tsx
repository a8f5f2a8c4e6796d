import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { VISIBILITY } from "@/db/schema";
import { getViewer, hasRole, type Viewer } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";
import { renderMarkdown } from "@/lib/markdown/render";
import { viewerLevel } from "@/lib/members/visibility";
import { OFFER_NOTICES, OfferList } from "@/lib/offers/components/offer-list";
import { listOffers } from "@/lib/offers/data";
import { OrganisationContact } from "@/lib/organisations/components/organisation-contact";
import { OrganisationPeople } from "@/lib/organisations/components/organisation-people";
import { getOrganisationBySlug, mayEditOrganisation } from "@/lib/organisations/data";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";

type Params = { params: Promise<{ slug: string }> };

const isCoordinator = (viewer: Viewer | null) =>
  viewer?.status === "approved" && hasRole(viewer, "coordinator");

/** The organisation as this viewer may see it; a proposed one only for coordinators. */
const loadOrganisation = cache(async (slug: string) => {
  const viewer = await getViewer();
  const organisation = await getOrganisationBySlug({ slug, level: viewerLevel(viewer) });
  if (!organisation || (organisation.status !== "active" && !isCoordinator(viewer))) notFound();
  return { viewer, organisation };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { organisation } = await loadOrganisation((await params).slug);
  return { title: organisation.name };
}

export default async function OrganisationPage({
  params,
  searchParams,
}: Params & { searchParams: Promise<{ saved?: string; offer?: string; id?: string }> }) {
  const { viewer, organisation: o } = await loadOrganisation((await params).slug);
  const t = await getTranslations("organisations");
  const mayEdit = await mayEditOrganisation({ viewer, organisationId: o.id });
  // Its editors see every offer, members-only ones marked as such.
  const offers = await listOffers({
    organisationId: o.id,
    level: mayEdit ? VISIBILITY.hidden : viewerLevel(viewer),
  });
  const query = await searchParams;
  const saved = mayEdit && query.saved === "1";
  const noticeKind = mayEdit ? OFFER_NOTICES.find((n) => n === query.offer) : undefined;
  const offerNotice = noticeKind ? { kind: noticeKind, offerId: query.id } : undefined;
  return (
    <article aria-labelledby="organisation-heading">
      <p className="mb-4">
        <a href="/organisations">{t("backToList")}</a>
      </p>
      {saved ? <FormAlert kind="success">{t("saved")}</FormAlert> : null}
      {o.status === "proposed" ? (
        <p className="mb-4 rounded-md bg-amber-50 p-3" role="note">
          {t("proposedNotice")} <a href="/admin/organisations">{t("toConfirmation")}</a>
        </p>
      ) : null}
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 id="organisation-heading" className="text-3xl font-bold">
            <bdi>{o.name}</bdi>
          </h1>
          <p className="mt-1 text-lg">
            {t(`types.${o.type}`)}
            {o.municipality ? <span className="text-muted"> · {o.municipality}</span> : null}
          </p>
        </div>
        {mayEdit ? (
          <a href={`/organisations/${o.slug}/edit`} className={secondaryButton}>
            {t("edit")}
          </a>
        ) : null}
      </div>
      {o.description ? (
        <div
          className="prose-legal mb-8 max-w-3xl"
          dir="auto"
          // Sanitised on the server by renderMarkdown (tested in lib/markdown/render.test.ts).
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised above
          dangerouslySetInnerHTML={{ __html: renderMarkdown(o.description) }}
        />
      ) : null}
      <OfferList slug={o.slug} offers={offers} mayEdit={mayEdit} notice={offerNotice} />
      <OrganisationContact organisation={o} />
      <OrganisationPeople organisation={o} signedIn={viewer?.status === "approved"} />
    </article>
  );
}
