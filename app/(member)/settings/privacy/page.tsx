import type { Metadata } from "next";
import { getFormatter } from "next-intl/server";
import { requireUser } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";
import { requestDeletionAction } from "@/lib/privacy/actions";
import { LastAdminNote } from "@/lib/privacy/components/last-admin-note";
import { isLastAdmin, listOwnConsents } from "@/lib/privacy/data";
import { primaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("title") };
}

export default async function PrivacySettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ sent?: string }>;
}) {
  const viewer = await requireUser();
  const { sent } = await searchParams;
  const t = await getTranslations("privacy");
  const format = await getFormatter();
  const [consents, lastAdmin] = await Promise.all([
    listOwnConsents({ userId: viewer.id }),
    isLastAdmin({ userId: viewer.id }),
  ]);
  return (
    <div className="max-w-3xl">
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-8">{t("intro")}</p>

      <section aria-labelledby="export-heading" className="mb-10">
        <h2 id="export-heading" className="mb-2 text-2xl font-bold">
          {t("exportHeading")}
        </h2>
        <p className="mb-4">{t("exportIntro")}</p>
        <a href="/settings/privacy/export" download className={primaryButton}>
          {t("exportButton")}
        </a>
      </section>

      <section aria-labelledby="consents-heading" className="mb-10">
        <h2 id="consents-heading" className="mb-2 text-2xl font-bold">
          {t("consentsHeading")}
        </h2>
        {consents.length === 0 ? <p>{t("noConsents")}</p> : null}
        <ul className="list-disc ps-6">
          {consents.map((c) => (
            <li key={`${c.policyVersion}-${c.acceptedAt.toISOString()}`}>
              {t("consentLine", {
                version: c.policyVersion,
                date: format.dateTime(c.acceptedAt, { dateStyle: "long", timeStyle: "short" }),
              })}
            </li>
          ))}
        </ul>
        <p className="mt-3">
          <a href="/datenschutz">{t("readPolicy")}</a>
        </p>
      </section>

      <section aria-labelledby="delete-heading" className="rounded-lg border-2 border-danger bg-white p-5">
        <h2 id="delete-heading" className="mb-2 text-2xl font-bold">
          {t("deleteHeading")}
        </h2>
        {sent ? <FormAlert kind="success">{t("deleteMailSent", { email: viewer.email })}</FormAlert> : null}
        <p className="mb-2">{t("deleteIntro")}</p>
        <ul className="mb-4 list-disc ps-6">
          <li>{t("deleteErased")}</li>
          <li>{t("deleteKept")}</li>
          <li>{t("deleteConfirmByMail")}</li>
        </ul>
        {lastAdmin ? (
          <LastAdminNote />
        ) : (
          <form action={requestDeletionAction}>
            <button type="submit" className={`${primaryButton} bg-danger hover:bg-red-900`}>
              {t("deleteButton")}
            </button>
          </form>
        )}
      </section>
    </div>
  );
}
