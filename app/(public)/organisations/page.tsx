import type { Metadata } from "next";
import { ORGANISATION_TYPES, type OrganisationType } from "@/db/schema";
import { getViewer, hasRole } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";
import { viewerLevel } from "@/lib/members/visibility";
import { MUNICIPALITIES } from "@/lib/network/constants";
import { OrganisationCard } from "@/lib/organisations/components/organisation-card";
import { OrganisationFilter } from "@/lib/organisations/components/organisation-filter";
import { listOrganisations } from "@/lib/organisations/data";
import { countProposedOrganisations } from "@/lib/organisations/proposal-data";
import { PageLinks } from "@/lib/ui/components/page-links";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisations"))("title") };
}

type Search = {
  q?: string | string[];
  type?: string | string[];
  municipality?: string | string[];
  after?: string | string[];
};

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
const isType = (value: string | undefined): value is OrganisationType =>
  ORGANISATION_TYPES.includes(value as OrganisationType);

export default async function OrganisationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const q = one(params.q)?.trim().slice(0, 100) || undefined;
  const type = isType(one(params.type)) ? (one(params.type) as OrganisationType) : undefined;
  const municipality = MUNICIPALITIES.find((m) => m === one(params.municipality));
  const after = one(params.after)?.match(/^[a-z0-9-]{1,100}$/)?.[0];

  const viewer = await getViewer();
  const coordinator = viewer?.status === "approved" && hasRole(viewer, "coordinator");
  const t = await getTranslations("organisations");
  const [{ organisations, nextAfter }, proposed] = await Promise.all([
    listOrganisations({ q, type, municipality, after, level: viewerLevel(viewer) }),
    coordinator ? countProposedOrganisations() : 0,
  ]);
  const filters = new URLSearchParams();
  if (q) filters.set("q", q);
  if (type) filters.set("type", type);
  if (municipality) filters.set("municipality", municipality);
  const pageHref = (cursor?: string) => {
    const p = new URLSearchParams(filters);
    if (cursor) p.set("after", cursor);
    const query = p.toString();
    return query ? `/organisations?${query}` : "/organisations";
  };

  return (
    <>
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-2 max-w-2xl">{t("intro")}</p>
      <p className="mb-6 max-w-2xl">
        {t.rich("offersLink", { link: (chunks) => <a href="/offers">{chunks}</a> })}
      </p>
      {proposed > 0 ? (
        <p className="mb-6 rounded-md bg-amber-50 p-3">
          {t("proposedWaiting", { count: proposed })} <a href="/admin/organisations">{t("toConfirmation")}</a>
        </p>
      ) : null}
      <OrganisationFilter q={q} type={type} municipality={municipality} />
      {organisations.length === 0 ? <p role="status">{t("none")}</p> : null}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {organisations.map((o) => (
          <li key={o.id}>
            <OrganisationCard organisation={o} />
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
