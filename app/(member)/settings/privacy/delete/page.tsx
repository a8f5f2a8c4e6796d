import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { confirmDeletionAction } from "@/lib/privacy/actions";
import { LastAdminNote } from "@/lib/privacy/components/last-admin-note";
import { findDeletionTarget, isLastAdmin } from "@/lib/privacy/data";
import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("confirmTitle") };
}

/** Opened from the mail's link, possibly on another device: the link itself is the proof. */
export default async function ConfirmDeletionPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; invalid?: string }>;
}) {
  const { token } = await searchParams;
  const t = await getTranslations("privacy");
  const target = token ? await findDeletionTarget({ token: token.slice(0, 200) }) : null;
  if (!target || !token)
    return (
      <div className="max-w-2xl">
        <h1 className="mb-3 text-3xl font-bold">{t("linkInvalidTitle")}</h1>
        <p className="mb-4">{t("linkInvalid")}</p>
        <a href="/settings/privacy">{t("backToPrivacy")}</a>
      </div>
    );
  // An applicant withdraws their application: no posts or messages to keep, and they may apply again.
  const w = target.applicant ? "withdraw." : "";
  const points = target.applicant
    ? [t("withdraw.erased"), t("withdraw.final")]
    : [t("deleteErased"), t("deleteKept"), t("deleteFinal")];
  return (
    <div className="max-w-2xl">
      <h1 className="mb-3 text-3xl font-bold">{t(`${w}confirmTitle`)}</h1>
      <p className="mb-2">{t(`${w}confirmIntro`, { name: target.name ?? "" })}</p>
      <ul className="mb-6 list-disc ps-6">
        {points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
      {(await isLastAdmin({ userId: target.userId })) ? (
        <LastAdminNote />
      ) : (
        <form action={confirmDeletionAction} className="flex flex-wrap gap-3">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className={`${primaryButton} bg-danger hover:bg-red-900`}>
            {t(`${w}confirmButton`)}
          </button>
          <a href={target.applicant ? "/application" : "/settings/privacy"} className={secondaryButton}>
            {target.applicant ? t("withdraw.keep") : t("keepAccount")}
          </a>
        </form>
      )}
    </div>
  );
}
