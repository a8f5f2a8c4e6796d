import type { Metadata } from "next";
import { getFormatter } from "next-intl/server";
import { requireRole } from "@/lib/auth/viewer";
import { type CampaignListItem, listBroadcasts, listWelcomeSteps } from "@/lib/campaigns/data";
import { getTranslations } from "@/lib/i18n/server";
import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { PageLinks } from "@/lib/ui/components/page-links";
import { TableHead } from "@/lib/ui/components/table-head";
import { TableScroll } from "@/lib/ui/components/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns"))("title") };
}

const param = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function AdminCampaignsPage({
  searchParams,
}: {
  searchParams: Promise<{ before?: string | string[]; after?: string | string[] }>;
}) {
  await requireRole("coordinator");
  const query = await searchParams;
  const t = await getTranslations("campaigns");
  const format = await getFormatter();
  const [page, welcome] = await Promise.all([
    listBroadcasts({ before: param(query.before), after: param(query.after) }),
    listWelcomeSteps(),
  ]);
  const broadcasts = page.items;
  const listUrl = (key: "before" | "after", cursor: string) =>
    `/admin/campaigns?${new URLSearchParams({ [key]: cursor })}#broadcasts-heading`;
  const progress = (c: CampaignListItem) =>
    c.total === 0 ? "–" : `${format.number(c.settled)} / ${format.number(c.total)}`;
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-2xl">{t("intro")}</p>
      <div className="mb-8 flex flex-wrap gap-3">
        <a href="/admin/campaigns/new" className={primaryButton}>
          {t("newCampaign")}
        </a>
        <a href="/admin/campaigns/contacts" className={secondaryButton}>
          {t("contactsLink")}
        </a>
      </div>
      <section aria-labelledby="broadcasts-heading" className="mb-12">
        <h2 id="broadcasts-heading" className="mb-3 text-2xl font-bold">
          {t("broadcasts")}
        </h2>
        {broadcasts.length === 0 ? (
          <p>{t("noCampaigns")}</p>
        ) : (
          <TableScroll labelledBy="broadcasts-heading">
            <table className="w-full border-collapse text-start">
              <TableHead
                columns={[
                  t("columns.title"),
                  t("columns.status"),
                  t("columns.progress"),
                  t("columns.updated"),
                ]}
              />
              <tbody>
                {broadcasts.map((c) => (
                  <tr key={c.id} className="border-b border-gray-200">
                    <td className="p-2">
                      <a href={`/admin/campaigns/${c.id}`}>{c.title}</a>
                    </td>
                    <td className="p-2">{t(`status.${c.status}`)}</td>
                    <td className="p-2" dir="ltr">
                      {progress(c)}
                    </td>
                    <td className="p-2">
                      {format.dateTime(c.updatedAt, { dateStyle: "medium", timeStyle: "short" })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <PageLinks
          label={t("broadcastPages")}
          first={page.newer ? { href: "/admin/campaigns", label: t("newestBroadcasts") } : undefined}
          previous={
            page.newer ? { href: listUrl("after", page.newer), label: t("newerBroadcasts") } : undefined
          }
          next={page.older ? { href: listUrl("before", page.older), label: t("olderBroadcasts") } : undefined}
        />
      </section>
      <section aria-labelledby="welcome-heading">
        <h2 id="welcome-heading" className="mb-3 text-2xl font-bold">
          {t("welcomeTitle")}
        </h2>
        <p className="mb-4 max-w-2xl">{t("welcomeIntro")}</p>
        {welcome.length === 0 ? <p className="mb-4">{t("noWelcomeSteps")}</p> : null}
        <ol className="mb-4 space-y-2">
          {welcome.map((c) => (
            <li key={c.id}>
              <a href={`/admin/campaigns/${c.id}`}>
                {t("welcomeDay", { days: c.delayDays ?? 0 })}: {c.title}
              </a>{" "}
              · {t(`status.${c.status}`)} · <span dir="ltr">{format.number(c.settled)}</span>
            </li>
          ))}
        </ol>
        <a href="/admin/campaigns/new?kind=welcome" className={secondaryButton}>
          {t("newWelcomeStep")}
        </a>
      </section>
    </>
  );
}
