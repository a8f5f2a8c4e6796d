import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter } from "next-intl/server";
import { isDemoMode } from "@/lib/env";
import { getTranslations } from "@/lib/i18n/server";
import { DevMail } from "@/lib/mail/components/dev-mail";
import { listDevMails } from "@/lib/mail/data";
import { cardStyle } from "@/lib/ui/components/button-styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mailbox"))("title"), robots: { index: false } };
}

/** Demo mode only: the mails the platform would have sent. Gone as soon as SMTP_URL is set. */
export default async function MailboxPage() {
  if (!isDemoMode()) notFound();
  const t = await getTranslations("mailbox");
  const format = await getFormatter();
  const mails = await listDevMails({ limit: 50 });
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" });
  return (
    <>
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl">{t("intro")}</p>
      {mails.length === 0 ? <p>{t("empty")}</p> : null}
      <ol className="grid gap-4">
        {mails.map((mail) => (
          <li key={mail.id} className="min-w-0">
            <article className={cardStyle} aria-labelledby={`mail-${mail.id}`}>
              <DevMail
                mail={mail}
                when={when(mail.createdAt)}
                labels={{
                  to: t("to"),
                  headers: t("headers"),
                  showHtml: t("showHtml"),
                  // Unique per mail: two sign-in mails share their subject.
                  htmlFrame: t("htmlFrame", {
                    subject: mail.subject,
                    to: mail.to,
                    when: when(mail.createdAt),
                  }),
                }}
              />
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
