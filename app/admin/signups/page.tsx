import type { Metadata } from "next";
import { getFormatter } from "next-intl/server";
import { decodeCursor, encodeCursor } from "@/db/cursor";
import { ApplicationCard } from "@/lib/applications/components/application-card";
import { countPendingApplications, listPendingApplications, QUEUE_PAGE_SIZE } from "@/lib/applications/data";
import { requireRole } from "@/lib/auth/viewer";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { CsvInviteForm } from "@/lib/invitations/components/csv-invite-form";
import { InviteForm } from "@/lib/invitations/components/invite-form";
import { FormAlert } from "@/lib/ui/components/form-alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signups"))("title") };
}

export default async function SignupsPage({
  searchParams,
}: {
  searchParams: Promise<{ after?: string; older?: string; done?: string }>;
}) {
  await requireRole("coordinator");
  const query = await searchParams;
  const after = decodeCursor(query.after);
  // Unconfirmed sign-ups pile up (nobody confirms for a bot): the newest first, where someone asked about is.
  const older = decodeCursor(query.older);
  const t = await getTranslations("signups");
  const format = await getFormatter();
  const [waiting, waitingCount, unconfirmed, unconfirmedCount] = await Promise.all([
    listPendingApplications({ confirmed: true, after }),
    countPendingApplications({ confirmed: true }),
    listPendingApplications({ confirmed: false, after: older, newestFirst: true }),
    countPendingApplications({ confirmed: false }),
  ]);
  const last = waiting.at(-1);
  const oldest = unconfirmed.at(-1);
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
      {/* A decision sent without JavaScript (lib/applications/actions.ts) is confirmed here. */}
      {query.done === "approved" || query.done === "rejected" ? (
        <FormAlert kind="success">{t(query.done === "approved" ? "approvedDone" : "rejectedDone")}</FormAlert>
      ) : null}
      <section aria-labelledby="queue-heading" className="mb-12">
        <h2 id="queue-heading" className="mb-3 text-2xl font-bold">
          {t("queue", { count: waitingCount })}
        </h2>
        {waitingCount === 0 ? <p>{t("queueEmpty")}</p> : null}
        <ul className="grid gap-5">
          {waiting.map((a) => (
            <li key={a.id}>
              <ApplicationCard application={a} />
            </li>
          ))}
        </ul>
        <nav aria-label={t("queuePages")} className="mt-5 flex flex-wrap gap-4">
          {after ? <a href="/admin/signups">{t("queueFirst")}</a> : null}
          {last && waiting.length === QUEUE_PAGE_SIZE ? (
            <a href={`/admin/signups?after=${encodeCursor(last.cursor)}`}>{t("queueNext")}</a>
          ) : null}
        </nav>
      </section>
      {unconfirmed.length ? (
        <section aria-labelledby="unconfirmed-heading" className="mb-12">
          <h2 id="unconfirmed-heading" className="mb-2 text-2xl font-bold">
            {t("unconfirmed", { count: unconfirmedCount })}
          </h2>
          <p className="mb-3 text-muted">{t("unconfirmedHint")}</p>
          <ul className="list-disc ps-6">
            {unconfirmed.map((a) => (
              <li key={a.id} className="break-words">
                {a.name} ({a.email}) – {format.dateTime(a.createdAt, { dateStyle: "medium" })}
              </li>
            ))}
          </ul>
          <nav aria-label={t("unconfirmedPages")} className="mt-5 flex flex-wrap gap-4">
            {older ? <a href="/admin/signups#unconfirmed-heading">{t("unconfirmedNewest")}</a> : null}
            {oldest && unconfirmed.length === QUEUE_PAGE_SIZE ? (
              <a href={`/admin/signups?older=${encodeCursor(oldest.cursor)}#unconfirmed-heading`}>
                {t("unconfirmedOlder")}
              </a>
            ) : null}
          </nav>
        </section>
      ) : null}
      <section aria-labelledby="invite-heading" className="mb-12">
        <h2 id="invite-heading" className="mb-2 text-2xl font-bold">
          {t("inviteTitle")}
        </h2>
        <p className="mb-4 max-w-xl">{t("inviteIntro")}</p>
        <ClientMessages namespaces={["signups", "errors", "languages"]}>
          <InviteForm />
        </ClientMessages>
      </section>
      <section aria-labelledby="csv-heading">
        <h2 id="csv-heading" className="mb-2 text-2xl font-bold">
          {t("csvTitle")}
        </h2>
        <ClientMessages namespaces={["signups", "errors"]}>
          <CsvInviteForm />
        </ClientMessages>
      </section>
    </>
  );
}
