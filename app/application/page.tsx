import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter } from "next-intl/server";
import { getOwnApplication } from "@/lib/applications/data";
import { getViewer, redirectToLogin } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";
import { cardStyle } from "@/lib/ui/components/button-styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("application"))("title") };
}

/** What an applicant sees after confirming their address: their status, and nothing members-only. */
export default async function ApplicationPage() {
  const viewer = await getViewer();
  if (!viewer) return redirectToLogin();
  if (viewer.status === "approved") redirect("/home");
  const application = await getOwnApplication({ userId: viewer.id });
  const t = await getTranslations("application");
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
          <dd>{application.organisation ?? "–"}</dd>
          <dt className="font-semibold">{t("jobFunction")}</dt>
          <dd>{application.jobFunction ?? "–"}</dd>
          <dt className="font-semibold">{t("municipality")}</dt>
          <dd>{application.municipality ?? "–"}</dd>
        </dl>
      ) : null}
    </>
  );
}
