import type { Metadata } from "next";
import { OFFER_FORMATS, type OfferFormat } from "@/db/schema/enums";
import { getViewer } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";
import { viewerLevel } from "@/lib/members/visibility";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { OfferFilter } from "@/lib/offers/components/offer-filter";
import { OfferEntry } from "@/lib/offers/components/offer-list";
import { type OfferFilters, searchOffers } from "@/lib/offers/data";
import { PageLinks } from "@/lib/ui/components/page-links";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("offers"))("title") };
}

type Search = Partial<Record<keyof OfferFilters | "after", string | string[]>>;

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
const among = <T extends string>(choices: readonly T[], value: string | string[] | undefined) =>
  choices.find((choice) => choice === one(value));

/** Every organisation's offers, searched and filtered; visitors see the public ones. */
export default async function OffersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const filters: OfferFilters = {
    q: one(params.q)?.trim().slice(0, 100) || undefined,
    topic: among(TOPICS, params.topic),
    language: among(SPOKEN_LANGUAGES, params.language),
    municipality: among(MUNICIPALITIES, params.municipality),
    format: among<OfferFormat>(OFFER_FORMATS, params.format),
  };
  const after = one(params.after)?.match(/^[\w-]{1,64}$/)?.[0];
  const viewer = await getViewer();
  const t = await getTranslations("offers");
  const { offers, nextAfter } = await searchOffers({ ...filters, after, level: viewerLevel(viewer) });

  const pageHref = (cursor?: string) => {
    const query = new URLSearchParams(
      Object.entries({ ...filters, after: cursor }).filter((entry): entry is [string, string] =>
        Boolean(entry[1]),
      ),
    ).toString();
    return query ? `/offers?${query}` : "/offers";
  };

  return (
    <>
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl">{t("intro")}</p>
      <OfferFilter filters={filters} />
      {offers.length === 0 ? <p role="status">{t("none")}</p> : null}
      <ul className="grid gap-4 md:grid-cols-2" aria-label={t("results")}>
        {offers.map(({ organisation, ...offer }) => (
          <li key={offer.id} className="flex flex-col">
            <OfferEntry offer={offer} organisation={organisation} />
          </li>
        ))}
      </ul>
      <PageLinks
        label={t("pages")}
        first={after ? { href: pageHref(), label: t("first") } : undefined}
        next={nextAfter ? { href: pageHref(nextAfter), label: t("next") } : undefined}
      />
    </>
  );
}
