import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/viewer";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { OrganisationChoices } from "@/lib/organisations/components/organisation-choices";
import { listOrganisationChoices } from "@/lib/organisations/data";
import { PhotoForm } from "@/lib/profile/components/photo-form";
import { ProfileForm } from "@/lib/profile/components/profile-form";
import { getOwnProfile } from "@/lib/profile/data";

const ORGANISATION_CHOICES = "organisation-choices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function ProfileSettingsPage() {
  const viewer = await requireUser();
  const t = await getTranslations("profile");
  const tAccount = await getTranslations("account");
  const [profile, choices] = await Promise.all([
    getOwnProfile({ userId: viewer.id }),
    listOrganisationChoices(),
  ]);
  if (!profile) notFound();
  const labels = new Map(choices.map((c) => [c.id, c.label]));
  return (
    <div className="max-w-3xl">
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-2">{t("intro")}</p>
      <p className="mb-4 text-sm text-muted">{t("visibilityExplained")}</p>
      <ul className="mb-8 flex flex-wrap gap-x-6">
        <li>
          <a href={`/members/${profile.id}`} className="inline-flex min-h-11 items-center">
            {t("viewProfile")}
          </a>
        </li>
        <li>
          <a href="/settings/account" className="inline-flex min-h-11 items-center">
            {tAccount("changeLink")}
          </a>
        </li>
      </ul>
      <section aria-labelledby="photo-heading" className="mb-10">
        <h2 id="photo-heading" className="mb-4 text-2xl font-bold">
          {t("photoHeading")}
        </h2>
        <ClientMessages namespaces={["profile", "errors"]}>
          <PhotoForm photoId={profile.photoId} />
        </ClientMessages>
      </section>
      <section aria-labelledby="details-heading">
        <h2 id="details-heading" className="mb-4 text-2xl font-bold">
          {t("detailsHeading")}
        </h2>
        <ClientMessages namespaces={["profile", "errors", "topics", "languages"]}>
          <ProfileForm
            profile={profile}
            furtherOrganisations={profile.furtherOrganisations.map((id) => labels.get(id) ?? "")}
            organisationChoicesId={ORGANISATION_CHOICES}
          />
        </ClientMessages>
        <OrganisationChoices id={ORGANISATION_CHOICES} choices={choices} />
      </section>
    </div>
  );
}
