import type { Metadata } from "next";
import { getFormatter } from "next-intl/server";
import { requireRole } from "@/lib/auth/viewer";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { OrganisationAdminForm } from "@/lib/organisations/components/organisation-admin-form";
import { OrganisationChoices } from "@/lib/organisations/components/organisation-choices";
import { ProposedDecisionForm } from "@/lib/organisations/components/proposed-decision-form";
import { listOrganisationChoices } from "@/lib/organisations/data";
import { listProposedOrganisations, listSimilarOrganisations } from "@/lib/organisations/proposal-data";
import { cardStyle } from "@/lib/ui/components/button-styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisations.admin"))("title") };
}

const ORGANISATION_CHOICES = "organisation-choices";

export default async function AdminOrganisationsPage() {
  await requireRole("coordinator");
  const t = await getTranslations("organisations.admin");
  const format = await getFormatter();
  const proposed = await Promise.all(
    (await listProposedOrganisations()).map(async (o) => ({
      ...o,
      similar: await listSimilarOrganisations({ name: o.name, withProposed: true, excludeId: o.id }),
    })),
  );
  // Any confirmed organisation can be typed as the one a proposal is merged into, beyond the similar ones.
  const choices = proposed.length > 0 ? await listOrganisationChoices() : [];
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
      <section aria-labelledby="proposed-heading" className="mb-12">
        <h2 id="proposed-heading" className="mb-2 text-2xl font-bold">
          {t("proposedTitle", { count: proposed.length })}
        </h2>
        <p className="mb-4 max-w-2xl">{t("proposedIntro")}</p>
        {proposed.length === 0 ? <p>{t("proposedEmpty")}</p> : null}
        <ul className="grid gap-5">
          {proposed.map((o) => (
            <li key={o.id}>
              <article className={cardStyle} aria-labelledby={`proposed-${o.id}`}>
                <h3 id={`proposed-${o.id}`} className="text-xl font-bold">
                  {o.name}
                </h3>
                <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
                  <dt className="font-semibold">{t("proposedBy")}</dt>
                  <dd className="break-all">
                    {o.proposerEmail && o.proposerStatus
                      ? `${o.proposerName ?? ""} (${o.proposerEmail}) – ${t(`statuses.${o.proposerStatus}`)}`
                      : t("unknownProposer")}
                  </dd>
                  <dt className="font-semibold">{t("municipality")}</dt>
                  <dd>{o.municipality ?? "–"}</dd>
                  <dt className="font-semibold">{t("proposedOn")}</dt>
                  <dd>{format.dateTime(o.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
                </dl>
                <p className="mt-2">
                  <a href={`/organisations/${o.slug}`}>{t("view")}</a>
                </p>
                <ClientMessages namespaces={["organisations", "errors"]}>
                  <ProposedDecisionForm
                    organisationId={o.id}
                    name={o.name}
                    similar={o.similar}
                    choicesId={ORGANISATION_CHOICES}
                  />
                </ClientMessages>
              </article>
            </li>
          ))}
        </ul>
        {proposed.length > 0 ? <OrganisationChoices id={ORGANISATION_CHOICES} choices={choices} /> : null}
      </section>
      <section aria-labelledby="admins-heading">
        <h2 id="admins-heading" className="mb-2 text-2xl font-bold">
          {t("adminsTitle")}
        </h2>
        <p className="mb-4 max-w-2xl">{t("adminsIntro")}</p>
        <ClientMessages namespaces={["organisations", "errors"]}>
          <OrganisationAdminForm />
        </ClientMessages>
      </section>
    </>
  );
}
