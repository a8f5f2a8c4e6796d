import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { reports, userErasures, users } from "@/db/schema";
import { countPendingApplications } from "@/lib/applications/data";
import { ACTIVITY_SERIES, type ActivitySeries, CHART_WEEKS } from "./series";

export type WeeklyPoint = { week: string; value: number };
export type Chart = { key: string; label: string; href?: string; points: WeeklyPoint[] };

export type DashboardData = {
  waitingApplications: number;
  openReports: number;
  members: number;
  blocked: number;
  membersOverTime: WeeklyPoint[];
  applicationsPerWeek: WeeklyPoint[];
  activity: Chart[];
};

const TZ = "Europe/Berlin";

/** The Mondays (in Berlin) of the last CHART_WEEKS weeks, oldest first, as YYYY-MM-DD. */
async function chartWeeks(): Promise<string[]> {
  const db = await getDb();
  const rows = rowsOf<{ week: string }>(
    await db.execute(sql`
      select to_char(w, 'YYYY-MM-DD') as week
      from generate_series(
        date_trunc('week', now() at time zone ${TZ}) - make_interval(weeks => ${CHART_WEEKS - 1}),
        date_trunc('week', now() at time zone ${TZ}),
        interval '1 week') as w
      order by w`),
  );
  return rows.map((r) => r.week);
}

/** Rows per Berlin week since the first chart week, for a table that exists. */
async function countPerWeek(
  weeks: string[],
  source: Pick<ActivitySeries, "table" | "column" | "where">,
): Promise<WeeklyPoint[]> {
  const db = await getDb();
  const column = sql.identifier(source.column);
  const start = sql`(${weeks[0]}::timestamp at time zone ${TZ})`;
  const rows = rowsOf<{ week: string; n: number }>(
    await db.execute(sql`
      select to_char(date_trunc('week', ${column} at time zone ${TZ}), 'YYYY-MM-DD') as week, count(*)::int as n
      from ${sql.identifier(source.table)}
      where ${column} >= ${start} ${source.where ? sql.raw(`and (${source.where})`) : sql``}
      group by 1`),
  );
  const counts = new Map(rows.map((r) => [r.week, Number(r.n)]));
  return weeks.map((week) => ({ week, value: counts.get(week) ?? 0 }));
}

/** Which of these tables exist in the database now. */
async function existingTables(names: string[]): Promise<Set<string>> {
  const db = await getDb();
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_name in (${sql.join(
        names.map((n) => sql`${n}`),
        sql`, `,
      )})`),
  );
  return new Set(rows.map((r) => r.name));
}

/** Approved members (deleted accounts not counted) at the end of each chart week. */
async function membersOverTime(weeks: string[]): Promise<WeeklyPoint[]> {
  const db = await getDb();
  const rows = rowsOf<{ week: string; n: number }>(
    await db.execute(sql`
      select w.week, (
        select count(*)::int from users u
        where u.status = 'approved' and u.approved_at < ((w.week::timestamp + interval '1 week') at time zone ${TZ})
          and not exists (select 1 from user_erasures e where e.user_id = u.id)
      ) as n
      from unnest(${sql.raw(`array[${weeks.map((w) => `'${w.replace(/[^0-9-]/g, "")}'`).join(",")}]`)}::text[]) as w(week)`),
  );
  const counts = new Map(rows.map((r) => [r.week, Number(r.n)]));
  return weeks.map((week) => ({ week, value: counts.get(week) ?? 0 }));
}

async function countWhere(condition: "approved" | "blocked"): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .leftJoin(userErasures, eq(userErasures.userId, users.id))
    .where(and(eq(users.status, condition), isNull(userErasures.userId)));
  return Number(row?.n ?? 0);
}

export async function getDashboardData(): Promise<DashboardData> {
  const db = await getDb();
  const weeks = await chartWeeks();
  const tables = await existingTables(ACTIVITY_SERIES.map((s) => s.table));
  const series = ACTIVITY_SERIES.filter((s) => tables.has(s.table));
  const [waitingApplications, openReportsRow, members, blocked, growth, applicationsPerWeek, activity] =
    await Promise.all([
      countPendingApplications({ confirmed: true }),
      db.select({ n: sql<number>`count(*)::int` }).from(reports).where(eq(reports.status, "open")),
      countWhere("approved"),
      countWhere("blocked"),
      membersOverTime(weeks),
      countPerWeek(weeks, { table: "applications", column: "created_at" }),
      Promise.all(
        series.map(async (s) => ({
          key: s.key,
          label: s.label,
          href: s.href,
          points: await countPerWeek(weeks, s),
        })),
      ),
    ]);
  return {
    waitingApplications,
    openReports: Number(openReportsRow[0]?.n ?? 0),
    members,
    blocked,
    membersOverTime: growth,
    applicationsPerWeek,
    activity,
  };
}
