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

/** Rows per Berlin week (Monday, YYYY-MM-DD) from the week `from` on, and before the week `to` if given. */
async function countWeeks(
  source: Pick<ActivitySeries, "table" | "column" | "where">,
  from: string,
  to?: string,
): Promise<Map<string, number>> {
  const db = await getDb();
  const column = sql.identifier(source.column);
  const monday = (week: string) => sql`(${week}::timestamp at time zone ${TZ})`;
  const rows = rowsOf<{ week: string; n: number }>(
    await db.execute(sql`
      select to_char(date_trunc('week', ${column} at time zone ${TZ}), 'YYYY-MM-DD') as week, count(*)::int as n
      from ${sql.identifier(source.table)}
      where ${column} >= ${monday(from)} ${to ? sql`and ${column} < ${monday(to)}` : sql``}
        ${source.where ? sql.raw(`and (${source.where})`) : sql``}
      group by 1`),
  );
  return new Map(rows.map((r) => [r.week, Number(r.n)]));
}

/**
 * The weeks before this one hardly change (a post deleted later aside), and counting them reads
 * every row of twelve weeks: 400 ms with a third of a million posts. Each web process counts them
 * once an hour; the current week is counted on every view, from its own rows only (BRIN indexes).
 */
const PAST_WEEKS_MS = 60 * 60 * 1000;
const pastWeeks = new Map<string, { from: string; countedAt: number; counts: Map<string, number> }>();

/** Test hook: the next view counts the past weeks afresh. */
export function forgetPastWeeks(): void {
  pastWeeks.clear();
}

/** Rows per Berlin week of the chart, for a table that exists. */
async function countPerWeek(
  weeks: string[],
  source: Pick<ActivitySeries, "table" | "column" | "where">,
): Promise<WeeklyPoint[]> {
  const [from, current] = [weeks[0]!, weeks.at(-1)!];
  const key = [source.table, source.column, source.where ?? ""].join("|");
  let past = pastWeeks.get(key);
  if (!past || past.from !== from || Date.now() - past.countedAt >= PAST_WEEKS_MS) {
    past = { from, countedAt: Date.now(), counts: await countWeeks(source, from, current) };
    pastWeeks.set(key, past);
  }
  const now = await countWeeks(source, current);
  return weeks.map((week) => ({ week, value: (week === current ? now : past.counts).get(week) ?? 0 }));
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

/**
 * Approved members (deleted accounts not counted) at the end of each chart week: one pass over the
 * members with a count per week (a subquery per week took 24 ms with 10,000 members, this 5).
 */
async function membersOverTime(weeks: string[]): Promise<WeeklyPoint[]> {
  const db = await getDb();
  const counts = sql.join(
    weeks.map(
      (week, i) =>
        sql`count(*) filter (where u.approved_at < ((${week}::timestamp + interval '1 week') at time zone ${TZ}))::int as ${sql.raw(`w${i}`)}`,
    ),
    sql`, `,
  );
  const [row] = rowsOf<Record<string, number>>(
    await db.execute(sql`select ${counts} from users u
      where u.status = 'approved' and not exists (select 1 from user_erasures e where e.user_id = u.id)`),
  );
  return weeks.map((week, i) => ({ week, value: Number(row?.[`w${i}`] ?? 0) }));
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
