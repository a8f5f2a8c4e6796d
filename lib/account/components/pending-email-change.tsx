import { getFormatter } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { ErrorText } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { cancelEmailChangeAction, resendEmailChangeAction } from "../actions";
import type { PendingEmailChange as Pending } from "../data";

/**
 * "Waiting for confirmation at X", with a new link or cancelling; the old address works meanwhile.
 * `waitMinutes`: a new link was refused, asked for too often; how long until it can be sent.
 */
export async function PendingEmailChange({
  pending,
  current,
  sent,
  taken,
  waitMinutes,
}: {
  pending: Pending;
  current: string;
  sent: boolean;
  taken: boolean;
  waitMinutes?: number;
}) {
  const [t, te, format] = await Promise.all([
    getTranslations("account"),
    getTranslations("account.errors"),
    getFormatter(),
  ]);
  const email = pending.newEmail;
  return (
    <section
      aria-labelledby="pending-heading"
      className="mb-10 rounded-lg border-2 border-brand bg-white p-5"
    >
      <h2 id="pending-heading" className="mb-2 text-2xl font-bold">
        {t("pendingHeading")}
      </h2>
      {sent && !pending.expired ? <FormAlert kind="success">{t("pendingSent", { email })}</FormAlert> : null}
      {taken ? <ErrorText>{te("emailInUse")}</ErrorText> : null}
      {waitMinutes ? <ErrorText>{te("resendTooSoon", { minutes: waitMinutes })}</ErrorText> : null}
      <p className="mb-4">
        {pending.expired
          ? t("pendingExpired", { email, current })
          : t("pending", {
              email,
              current,
              date: format.dateTime(pending.expiresAt, { dateStyle: "long", timeStyle: "short" }),
            })}
      </p>
      <div className="flex flex-wrap gap-3">
        <form action={resendEmailChangeAction}>
          <button type="submit" className={pending.expired ? primaryButton : secondaryButton}>
            {t("resend")}
          </button>
        </form>
        <form action={cancelEmailChangeAction}>
          <button type="submit" className={secondaryButton}>
            {t("cancel")}
          </button>
        </form>
      </div>
    </section>
  );
}
