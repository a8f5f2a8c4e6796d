import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ApplicationCard } from "@/lib/applications/components/application-card";
import { listPendingApplications } from "@/lib/applications/data";
import { requireRole } from "@/lib/auth/viewer";
import { CsvInviteForm } from "@/lib/invitations/components/csv-invite-form";
import { InviteForm } from "@/lib/invitations/components/invite-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signups"))("title") };
}

export default async function SignupsPage() {
  await requireRole("coordinator");
  const t = await getTranslations("signups");
  const format = await getFormatter();
  const [waiting, unconfirmed] = await Promise.all([
    listPendingApplications({ confirmed: true }),
    listPendingApplications({ confirmed: false }),
  ]);
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
      <section aria-labelledby="queue-heading" className="mb-12">
        <h2 id="queue-heading" className="mb-3 text-2xl font-bold">
          {t("queue", { count: waiting.length })}
        </h2>
        {waiting.length === 0 ? <p>{t("queueEmpty")}</p> : null}
        <ul className="grid gap-5">
          {waiting.map((a) => (
            <li key={a.id}>
              <ApplicationCard application={a} />
            </li>
          ))}
        </ul>
      </section>
      {unconfirmed.length ? (
        <section aria-labelledby="unconfirmed-heading" className="mb-12">
          <h2 id="unconfirmed-heading" className="mb-2 text-2xl font-bold">
            {t("unconfirmed", { count: unconfirmed.length })}
          </h2>
          <p className="mb-3 text-muted">{t("unconfirmedHint")}</p>
          <ul className="list-disc ps-6">
            {unconfirmed.map((a) => (
              <li key={a.id}>
                {a.name} ({a.email}) – {format.dateTime(a.createdAt, { dateStyle: "medium" })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="invite-heading" className="mb-12">
        <h2 id="invite-heading" className="mb-2 text-2xl font-bold">
          {t("inviteTitle")}
        </h2>
        <p className="mb-4 max-w-xl">{t("inviteIntro")}</p>
        <InviteForm />
      </section>
      <section aria-labelledby="csv-heading">
        <h2 id="csv-heading" className="mb-2 text-2xl font-bold">
          {t("csvTitle")}
        </h2>
        <CsvInviteForm />
      </section>
    </>
  );
}
