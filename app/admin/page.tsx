import type { Metadata } from "next";
import { getFormatter } from "next-intl/server";
import { BarChart } from "@/lib/admin/components/bar-chart";
import { getDashboardData } from "@/lib/admin/data";
import { requireCapability } from "@/lib/admin/loaders";
import { ADMIN_NAV } from "@/lib/admin/nav";
import { getTranslations } from "@/lib/i18n/server";
import { cardStyle } from "@/lib/ui/components/button-styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.dashboard"))("title") };
}

export default async function AdminDashboardPage() {
  await requireCapability("dashboard.view");
  const t = await getTranslations("admin.dashboard");
  const tAll = await getTranslations();
  const format = await getFormatter();
  const data = await getDashboardData();
  const moderation = ADMIN_NAV.find((item) => item.href === "/admin/moderation");
  const weekLabel = (week: string) =>
    format.dateTime(new Date(`${week}T12:00:00Z`), { day: "numeric", month: "short" });
  const chart = {
    weekLabel,
    formatNumber: (value: number) => format.number(value),
    weekHeader: t("weekOf"),
    tableLabel: t("showTable"),
  };

  const figures: { key: string; label: string; value: number; href?: string }[] = [
    {
      key: "waiting",
      label: t("waitingApplications"),
      value: data.waitingApplications,
      href: "/admin/signups",
    },
    { key: "reports", label: t("openReports"), value: data.openReports, href: moderation?.href },
    { key: "members", label: t("members"), value: data.members, href: "/admin/users?status=approved" },
    { key: "blocked", label: t("blocked"), value: data.blocked, href: "/admin/users?status=blocked" },
  ];

  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
      <section aria-labelledby="figures-heading" className="mb-10">
        <h2 id="figures-heading" className="sr-only">
          {t("figures")}
        </h2>
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {figures.map((f) => (
            <li key={f.key} className={cardStyle}>
              {f.href ? (
                <a href={f.href} className="block no-underline">
                  <span className="block text-4xl font-bold tabular-nums">{format.number(f.value)}</span>
                  <span className="underline">{f.label}</span>
                </a>
              ) : (
                <>
                  <span className="block text-4xl font-bold tabular-nums">{format.number(f.value)}</span>
                  <span>{f.label}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="growth-heading" className="mb-10">
        <h2 id="growth-heading" className="mb-4 text-2xl font-bold">
          {t("growthHeading")}
        </h2>
        <div className="grid gap-6 lg:grid-cols-2">
          <BarChart
            id="chart-members"
            title={t("membersOverTime")}
            description={t("membersOverTimeHint")}
            points={data.membersOverTime}
            valueHeader={t("membersValue")}
            href="/admin/users?status=approved"
            linkLabel={t("toUsers")}
            {...chart}
          />
          <BarChart
            id="chart-applications"
            title={t("applicationsPerWeek")}
            description={t("applicationsPerWeekHint")}
            points={data.applicationsPerWeek}
            valueHeader={t("applicationsValue")}
            href="/admin/signups"
            linkLabel={t("toSignups")}
            {...chart}
          />
        </div>
      </section>
      <section aria-labelledby="activity-heading" className="mb-10">
        <h2 id="activity-heading" className="mb-4 text-2xl font-bold">
          {t("activityHeading")}
        </h2>
        {data.activity.length === 0 ? <p>{t("noActivitySeries")}</p> : null}
        <div className="grid gap-6 lg:grid-cols-2">
          {data.activity.map((series) => (
            <BarChart
              key={series.key}
              id={`chart-${series.key}`}
              title={tAll(series.label)}
              description={t("perWeekHint")}
              points={series.points}
              valueHeader={t("countValue")}
              href={series.href}
              linkLabel={series.href ? t("toList") : undefined}
              {...chart}
            />
          ))}
        </div>
      </section>
    </>
  );
}
