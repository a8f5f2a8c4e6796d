import { getFormatter } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { cardStyle, secondaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { resubscribeAction } from "../actions";
import { unsubscribedSince } from "../subscriptions";

/** On the notification settings: whether campaign mails reach the member, and a way back after unsubscribing. */
export async function CampaignMailSetting({ email, resubscribed }: { email: string; resubscribed: boolean }) {
  const [t, format, since] = await Promise.all([
    getTranslations("newsletter.memberSetting"),
    getFormatter(),
    unsubscribedSince(email),
  ]);
  return (
    <section id="campaign-mail" aria-labelledby="campaign-mail-heading" className={`${cardStyle} mt-8`}>
      <h2 id="campaign-mail-heading" className="mb-2 text-2xl font-bold">
        {t("title")}
      </h2>
      {resubscribed ? <FormAlert kind="success">{t("resubscribed")}</FormAlert> : null}
      {since ? (
        <form action={resubscribeAction}>
          <p className="mb-4">{t("unsubscribed", { date: format.dateTime(since, { dateStyle: "long" }) })}</p>
          <button type="submit" className={secondaryButton}>
            {t("resubscribe")}
          </button>
        </form>
      ) : (
        <p>{t("subscribed")}</p>
      )}
    </section>
  );
}
