import { getFormatter } from "next-intl/server";
import type { PendingEmailChange } from "@/lib/account/data";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { cancelUserEmailChangeAction } from "../actions";
import { UserEmailForm } from "./user-email-form";

/**
 * Correcting a member's sign-in address for them (a typo at the invitation, a lost mailbox): the
 * change waits for the link mailed to the new address, which can be withdrawn until it is opened.
 */
export async function UserEmail(props: {
  userId: string;
  current: string;
  pending: PendingEmailChange | null;
}) {
  const [t, format] = await Promise.all([getTranslations("admin.users"), getFormatter()]);
  const { pending, current } = props;
  return (
    <section aria-labelledby="email-heading" className="mb-10">
      <h2 id="email-heading" className="mb-2 text-2xl font-bold">
        {t("emailTitle")}
      </h2>
      <p className="mb-4 max-w-2xl">{t("emailIntro")}</p>
      {pending ? (
        <div className="mb-6 max-w-2xl rounded-lg border-2 border-brand bg-white p-4">
          <p className="mb-3">
            {pending.expired
              ? t("emailPendingExpired", { email: pending.newEmail, current })
              : t("emailPending", {
                  email: pending.newEmail,
                  current,
                  date: format.dateTime(pending.expiresAt, { dateStyle: "long", timeStyle: "short" }),
                })}
          </p>
          <form action={cancelUserEmailChangeAction}>
            <input type="hidden" name="userId" value={props.userId} />
            <button type="submit" className={secondaryButton}>
              {t("cancelEmailChange")}
            </button>
          </form>
        </div>
      ) : null}
      <ClientMessages namespaces={["admin.users", "errors"]}>
        <UserEmailForm userId={props.userId} />
      </ClientMessages>
    </section>
  );
}
