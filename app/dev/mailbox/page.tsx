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
  return (
    <>
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl">{t("intro")}</p>
      {mails.length === 0 ? <p>{t("empty")}</p> : null}
      <ol className="grid gap-4">
        {mails.map((mail) => (
          <li key={mail.id}>
            <article className={cardStyle} aria-labelledby={`mail-${mail.id}`}>
              <DevMail
                mail={mail}
                when={format.dateTime(mail.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
                labels={{
                  to: t("to"),
                  headers: t("headers"),
                  showHtml: t("showHtml"),
                  htmlFrame: t("htmlFrame", { subject: mail.subject }),
                }}
              />
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
