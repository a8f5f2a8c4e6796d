import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter } from "next-intl/server";
import { isDemoMode } from "@/lib/env";
import { getTranslations } from "@/lib/i18n/server";
import { LinkifiedText } from "@/lib/mail/components/linkified-text";
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
  return (
    <>
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl">{t("intro")}</p>
      {mails.length === 0 ? <p>{t("empty")}</p> : null}
      <ol className="grid gap-4">
        {mails.map((mail) => (
          <li key={mail.id}>
            <article className={cardStyle} aria-labelledby={`mail-${mail.id}`}>
              <h2 id={`mail-${mail.id}`} className="text-lg font-bold" dir="auto">
                {mail.subject}
              </h2>
              <p className="mb-3 text-sm text-muted">
                {t("to")}: <span className="break-all">{mail.to}</span> ·{" "}
                {format.dateTime(mail.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
              </p>
              <LinkifiedText text={mail.text} />
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
