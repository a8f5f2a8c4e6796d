import { getLocale } from "next-intl/server";
import { VISIBILITY } from "@/db/schema";
import { formatList } from "@/lib/i18n/intl";
import { getTranslations } from "@/lib/i18n/server";
import { renderMarkdown } from "@/lib/markdown/render";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";
import type { Offer } from "../data";

export const OFFER_NOTICES = ["added", "saved", "deleted"] as const;
/** What the editor just did; an added or saved offer's card says so itself, where the page jumps to. */
export type OfferNotice = { kind: (typeof OFFER_NOTICES)[number]; offerId?: string };

/** "Angebote" on an organisation's page: what it runs, where, when, in which languages. */
export async function OfferList({
  slug,
  offers,
  mayEdit,
  notice,
}: {
  slug: string;
  offers: Offer[];
  mayEdit: boolean;
  notice?: OfferNotice;
}) {
  const t = await getTranslations("organisations.offers");
  const tAll = await getTranslations("offers");
  return (
    <section aria-labelledby="offers-heading" className="mb-8">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="offers-heading" className="text-2xl font-bold">
          {t("title")}
        </h2>
        {mayEdit ? (
          <a href={`/organisations/${slug}/offers/new`} className={secondaryButton}>
            {t("add")}
          </a>
        ) : null}
      </div>
      {notice && !offers.some((offer) => offer.id === notice.offerId) ? (
        <FormAlert kind="success">{t(`notices.${notice.kind}`)}</FormAlert>
      ) : null}
      {offers.length === 0 ? (
        <p className="mb-3">{t("none")}</p>
      ) : (
        <ul className="grid gap-4">
          {offers.map((offer) => (
            <li key={offer.id}>
              <OfferEntry
                offer={offer}
                editHref={mayEdit ? `/organisations/${slug}/offers/${offer.id}/edit` : null}
                notice={notice?.offerId === offer.id ? t(`notices.${notice.kind}`) : undefined}
              />
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3">
        <a href="/offers">{tAll("toOverview")}</a>
      </p>
    </section>
  );
}

/**
 * One offer as a card. On its organisation's page (level 3, under "Angebote") with its description;
 * in the overview of all offers (level 2) with the organisation's name and a link to the full entry.
 */
export async function OfferEntry({
  offer,
  editHref = null,
  organisation,
  notice,
}: {
  offer: Offer;
  editHref?: string | null;
  organisation?: { slug: string; name: string };
  /** Shown at the top of the card: "Das Angebot ist eingetragen." */
  notice?: string;
}) {
  const t = await getTranslations("organisations.offers");
  const tl = await getTranslations("languages");
  const tt = await getTranslations("topics");
  const locale = await getLocale();
  const headingId = `offer-${offer.id}-title`;
  const Heading = organisation ? "h2" : "h3";
  const place = [offer.location, offer.municipality].filter(Boolean).join(", ");
  const rows: [label: string, value: string][] = [
    [
      t("formatsLabel"),
      formatList(
        locale,
        offer.formats.map((f) => t(`formats.${f}`)),
      ),
    ],
    [t("placeLabel"), place],
    [t("scheduleLabel"), offer.schedule ?? ""],
    [
      t("languagesLabel"),
      formatList(
        locale,
        offer.languages.map((l) => tl(l as never)),
      ),
    ],
    [
      t("topicsLabel"),
      formatList(
        locale,
        offer.topics.map((x) => tt(x as never)),
      ),
    ],
    [t("contactLabel"), offer.contact ?? ""],
  ];
  return (
    <article
      id={`offer-${offer.id}`}
      aria-labelledby={headingId}
      className="grow rounded-lg border border-gray-300 bg-white p-5 shadow-sm"
    >
      {notice ? <FormAlert kind="success">{notice}</FormAlert> : null}
      <Heading id={headingId} className="text-xl font-bold" dir="auto">
        {organisation ? (
          <a href={`/organisations/${organisation.slug}#offer-${offer.id}`}>{offer.title}</a>
        ) : (
          offer.title
        )}
      </Heading>
      {organisation ? (
        <p className="mt-1">
          <a href={`/organisations/${organisation.slug}`} dir="auto">
            {organisation.name}
          </a>
        </p>
      ) : null}
      {offer.visibility !== VISIBILITY.public ? (
        <p className="mt-1 text-sm font-semibold text-muted">{t("membersOnly")}</p>
      ) : null}
      <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[10rem_1fr]">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold">{label}</dt>
              <dd dir="auto">{value}</dd>
            </div>
          ))}
      </dl>
      {offer.description && !organisation ? (
        <div
          className="prose-legal mt-3 max-w-3xl"
          dir="auto"
          // Sanitised on the server by renderMarkdown (tested in lib/markdown/render.test.ts).
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised above
          dangerouslySetInnerHTML={{ __html: renderMarkdown(offer.description, { headingsFrom: 4 }) }}
        />
      ) : null}
      {editHref ? (
        <p className="mt-3">
          <a href={editHref} className="font-semibold">
            {t("edit", { title: offer.title })}
          </a>
        </p>
      ) : null}
    </article>
  );
}
