import type { Metadata } from "next";
import { verifyUnsubscribeToken } from "@/lib/campaigns/tokens";
import { getTranslations } from "@/lib/i18n/server";
import { primaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("newsletter"))("unsubscribeTitle"), robots: { index: false } };
}

/**
 * The footer link of every campaign mail: one button, which posts to the one-click endpoint. A test
 * mail's link only says that it unsubscribes nobody.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; done?: string }>;
}) {
  const t = await getTranslations("newsletter");
  const { token, done } = await searchParams;
  const parsed = verifyUnsubscribeToken(token);
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("unsubscribeTitle")}</h1>
      {done ? (
        <FormAlert kind="success">{t("unsubscribed")}</FormAlert>
      ) : parsed?.test ? (
        <p className="mb-4 max-w-xl rounded-md bg-amber-50 p-3 font-semibold" role="status">
          {t("unsubscribeTestLink")}
        </p>
      ) : parsed && token ? (
        <form method="post" action={`/api/unsubscribe?token=${encodeURIComponent(token)}`}>
          <p className="mb-4 max-w-xl">{t("unsubscribeIntro", { email: parsed.email })}</p>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <input type="hidden" name="from" value="page" />
          <button type="submit" className={primaryButton}>
            {t("unsubscribeButton")}
          </button>
        </form>
      ) : (
        <FormAlert kind="error">{t("invalidLink")}</FormAlert>
      )}
    </>
  );
}
