import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/auth/viewer";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { OrganisationForm } from "@/lib/organisations/components/organisation-form";
import { getOrganisationForEdit, mayEditOrganisation } from "@/lib/organisations/data";

type Params = { params: Promise<{ slug: string }> };

/** Coordinators and this organisation's admins; everyone else finds nothing here. */
const loadEditable = cache(async (slug: string) => {
  const [viewer, organisation] = await Promise.all([getViewer(), getOrganisationForEdit({ slug })]);
  if (!organisation || !(await mayEditOrganisation({ viewer, organisationId: organisation.id }))) notFound();
  return organisation;
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const organisation = await loadEditable((await params).slug);
  return { title: (await getTranslations("organisations"))("editTitle", { name: organisation.name }) };
}

export default async function EditOrganisationPage({ params }: Params) {
  const organisation = await loadEditable((await params).slug);
  const t = await getTranslations("organisations");
  return (
    <>
      <p className="mb-4">
        <a href={`/organisations/${organisation.slug}`}>{organisation.name}</a>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("editTitle", { name: organisation.name })}</h1>
      <ClientMessages namespaces={["organisations", "errors"]}>
        <OrganisationForm organisation={organisation} />
      </ClientMessages>
    </>
  );
}
