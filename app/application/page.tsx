import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter } from "next-intl/server";
import { getOwnApplication } from "@/lib/applications/data";
import { getViewer, redirectToLogin } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";
import { requestDeletionAction } from "@/lib/privacy/actions";
import { cardStyle, primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("application"))("title") };
}

/**
 * What an applicant sees after confirming their address: their status, and nothing members-only; they
 * can download their data, or withdraw and have it deleted (confirmed by mail, as members do).
 */
export default async function ApplicationPage({
  searchParams,
}: {
  searchParams: Promise<{ sent?: string }>;
}) {
  const viewer = await getViewer();
  if (!viewer) return redirectToLogin();
  if (viewer.status === "approved") redirect("/home");
  const application = await getOwnApplication({ userId: viewer.id });
  const t = await getTranslations("application");
  const tp = await getTranslations("privacy");
  const { sent } = await searchParams;
  const format = await getFormatter();
  return (
    <>
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <div className={`${cardStyle} mb-6 max-w-xl`} role="status">
        <p className="text-xl font-semibold">{t("waiting")}</p>
        <p className="mt-2">{t("waitingBody")}</p>
      </div>
      {application ? (
        <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="font-semibold">{t("submitted")}</dt>
          <dd>{format.dateTime(application.createdAt, { dateStyle: "long" })}</dd>
          <dt className="font-semibold">{t("emailConfirmed")}</dt>
          <dd>{application.emailConfirmed ? t("yes") : t("no")}</dd>
          <dt className="font-semibold">{t("organisation")}</dt>
          <dd>{application.organisation ? <bdi>{application.organisation}</bdi> : "–"}</dd>
          <dt className="font-semibold">{t("jobFunction")}</dt>
          <dd>{application.jobFunction ? <bdi>{application.jobFunction}</bdi> : "–"}</dd>
          <dt className="font-semibold">{t("municipality")}</dt>
          <dd>{application.municipality ?? "–"}</dd>
        </dl>
      ) : null}
      <section aria-labelledby="delete-heading" className="mt-10 max-w-xl">
        <h2 id="delete-heading" className="mb-2 text-2xl font-bold">
          {tp("withdrawHeading")}
        </h2>
        {sent ? <FormAlert kind="success">{tp("deleteMailSent", { email: viewer.email })}</FormAlert> : null}
        <p className="mb-4">{tp("withdrawIntro")}</p>
        <p className="mb-6">
          <a href="/settings/privacy/export" download className={secondaryButton}>
            {tp("exportButton")}
          </a>
        </p>
        <p className="mb-4">{tp("deleteConfirmByMail")}</p>
        <form action={requestDeletionAction}>
          <button type="submit" className={`${primaryButton} bg-danger hover:bg-red-900`}>
            {tp("withdrawButton")}
          </button>
        </form>
      </section>
    </>
  );
}
