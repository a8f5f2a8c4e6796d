import { getTranslations } from "@/lib/i18n/server";
import { cardStyle } from "@/lib/ui/components/button-styles";
import type { OrganisationSummary } from "../data";

export async function OrganisationCard({ organisation: o }: { organisation: OrganisationSummary }) {
  const t = await getTranslations("organisations");
  return (
    <article className={`${cardStyle} h-full`} aria-labelledby={`org-${o.id}`}>
      <h2 id={`org-${o.id}`} className="text-lg font-bold">
        <a href={`/organisations/${o.slug}`}>
          <bdi>{o.name}</bdi>
        </a>
      </h2>
      <p>{t(`types.${o.type}`)}</p>
      {o.municipality ? <p className="text-muted">{o.municipality}</p> : null}
      <p className="mt-2 text-sm">{t("memberCount", { count: o.memberCount })}</p>
    </article>
  );
}
