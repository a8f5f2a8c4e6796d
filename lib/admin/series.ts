/**
 * The weekly activity series on the dashboard. Each is one entry: the table it counts rows of, the
 * timestamp column, and an optional condition. A series whose table does not exist (yet) is left
 * out at run time, so an area can add its entry before or after its migration lands.
 */
export type ActivitySeries = {
  key: string;
  /** Message key of the series' name, e.g. "admin.dashboard.series.posts". */
  label: string;
  table: string;
  column: string;
  /** Extra SQL condition on the table's rows (trusted constant, never user input). */
  where?: string;
  /** Where the numbers link to, if there is a list. */
  href?: string;
};

export const ACTIVITY_SERIES: readonly ActivitySeries[] = [
  {
    key: "posts",
    label: "admin.dashboard.series.posts",
    table: "forum_posts",
    column: "created_at",
    where: "status <> 'deleted'",
  },
  {
    key: "messages",
    label: "admin.dashboard.series.messages",
    table: "messages",
    column: "created_at",
    where: "kind = 'text'",
  },
  {
    key: "rsvps",
    label: "admin.dashboard.series.rsvps",
    table: "event_rsvps",
    column: "created_at",
    where: "response = 'yes'",
  },
];

/** How many weeks the charts show. */
export const CHART_WEEKS = 12;
