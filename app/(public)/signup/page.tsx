import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { OrganisationChoices } from "@/lib/organisations/components/organisation-choices";
import { listOrganisationChoices } from "@/lib/organisations/data";
import { SignUpForm } from "@/lib/signup/components/signup-form";

const ORGANISATION_CHOICES = "organisation-choices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signup"))("title") };
}

export default async function SignUpPage() {
  if (await getViewer()) redirect("/home");
  const t = await getTranslations("signup");
  const choices = await listOrganisationChoices();
  return (
    <>
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-2 max-w-xl">{t("intro")}</p>
      <p className="mb-6 max-w-xl">
        {t.rich("haveAccount", { link: (chunks) => <a href="/login">{chunks}</a> })}
      </p>
      <ClientMessages namespaces={["signup", "errors", "topics", "languages", "organisations.similar"]}>
        <SignUpForm organisationChoicesId={ORGANISATION_CHOICES} />
      </ClientMessages>
      <OrganisationChoices id={ORGANISATION_CHOICES} choices={choices} />
    </>
  );
}
