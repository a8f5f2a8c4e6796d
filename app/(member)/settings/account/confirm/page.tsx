import type { Metadata } from "next";
import { confirmEmailChangeAction } from "@/lib/account/actions";
import { checkEmailChangeLink } from "@/lib/account/data";
import { getViewer } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";
import { primaryButton } from "@/lib/ui/components/button-styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("confirmTitle") };
}

/**
 * Opened from the mail to the new address, possibly on another device: the link is the proof. A
 * button, not the opening itself, changes the address (mail scanners open links too).
 */
export default async function ConfirmEmailChangePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; done?: string }>;
}) {
  const { token, done } = await searchParams;
  const t = await getTranslations("account");
  const viewer = await getViewer();
  if (done)
    return (
      <div className="max-w-2xl">
        <h1 className="mb-3 text-3xl font-bold">{t("doneTitle")}</h1>
        <p className="mb-4">{t("doneText")}</p>
        <a href={viewer ? "/settings/account" : "/login"} className={primaryButton}>
          {viewer ? t("backToAccount") : t("toLogin")}
        </a>
      </div>
    );
  const link = token
    ? await checkEmailChangeLink({ token: token.slice(0, 200), viewerId: viewer?.id ?? null })
    : null;
  if (!token || link?.state !== "valid") {
    const message =
      link?.state === "otherAccount" ? "otherAccount" : link?.state === "taken" ? "takenNow" : "linkInvalid";
    return (
      <div className="max-w-2xl">
        <h1 className="mb-3 text-3xl font-bold">{t("linkInvalidTitle")}</h1>
        <p className="mb-4">{t(message)}</p>
        <a href="/settings/account">{t("backToAccount")}</a>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <h1 className="mb-3 text-3xl font-bold">{t("confirmTitle")}</h1>
      <p className="mb-6">{t("confirmIntro", { email: link.newEmail })}</p>
      <form action={confirmEmailChangeAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className={primaryButton}>
          {t("confirmButton")}
        </button>
      </form>
    </div>
  );
}
