/**
 * The unit's figures for a period, each computed by PostgreSQL in one query (no case is loaded
 * into the server): reports per month by reporter category, decisions on investigation within
 * 14 days and the median time to them, the outcomes of those decisions, and repeat reports per
 * child. Times are judged in Europe/Stockholm.
 *
 * A decision is an approved proposal (DECISION_APPROVED, its outcome from the proposal it
 * approved) or an investigation opened at once at the protection assessment (PROTECTION_ASSESSED
 * with needsProtection). It answers the reports received since the case's previous decision;
 * its time runs from the first of them. The table case_decisions holds these facts, written by
 * a trigger on case_events (db/migrations/*_case_decisions_trigger.sql); triggers count them, and
 * the reports, per unit and Swedish day into statistics_day_counts, and keep each repeat report's
 * earlier reports in repeat_reports (*_statistics_counters.sql). A year's figures read a few
 * thousand counter rows and the repeat reports of the period: one statement, no grouping by child.
 */
import { sql } from "drizzle-orm";

import type { Db } from "../../db/client";
import { REPORTER_CATEGORIES, type ReporterCategory } from "../../db/reporter-category";
import { repeatReports, statisticsDayCounts } from "../../db/schema";
import { addCalendarDays, endOfDay, stockholmDate } from "../../workflows/deadlines";
import type { SessionUser } from "../auth/session.server";
import { rowsOf } from "../cases/store.server";
import { OUTCOMES, REPEAT_BUCKETS, type Outcome } from "./figures";
import { monthsOf, parsePeriod, type Period } from "./period";


export type Statistics = {
  period: Period;
  reports: {
    months: string[];
    /** counts[month][category] */
    counts: Record<string, Record<ReporterCategory, number>>;
    total: number;
  };
  decisions: { total: number; inTime: number; medianDays: number | null };
  outcomes: Record<Outcome, number>;
  repeat: { children: number; byCount: Record<(typeof REPEAT_BUCKETS)[number], number> };
};

export async function computeStatistics(db: Db, unitId: string, period: Period): Promise<Statistics> {
  const start = endOfDay(addCalendarDays(period.from, -1)).toISOString();
  const end = endOfDay(period.to).toISOString();

  // One statement, so one snapshot: the day counters of the period (a few thousand rows a year)
  // and, from the repeat reports whose previous report falls in the period, how many have their
  // 1st … 4th earlier report in it too.
  const rows = rowsOf<{ figure: string; key: string; month: string | null; n: number }>(
    await db.execute(sql`
      select figure, key, case when figure = 'report' then to_char(day, 'YYYY-MM') end as month, sum(n)::int as n
      from ${statisticsDayCounts}
      where unit_id = ${unitId} and day >= ${period.from} and day <= ${period.to}
      group by 1, 2, 3
      union all
      select 'earlier', k.key, null, k.n
      from (select count(*)::int as a1,
                   count(*) filter (where previous_2_at >= ${start})::int as a2,
                   count(*) filter (where previous_3_at >= ${start})::int as a3,
                   count(*) filter (where previous_4_at >= ${start})::int as a4
            from ${repeatReports}
            where unit_id = ${unitId} and previous_at >= ${start} and received_at < ${end}) a
      cross join lateral (values ('1', a.a1), ('2', a.a2), ('3', a.a3), ('4', a.a4)) as k(key, n)`),
  );

  const months = monthsOf(period);
  const empty = () => Object.fromEntries(REPORTER_CATEGORIES.map((c) => [c, 0])) as Record<ReporterCategory, number>;
  const counts = Object.fromEntries(months.map((m) => [m, empty()]));
  let total = 0;
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const daysTaken: { days: number; n: number }[] = [];
  /** earlier[j]: reports in the period whose j-th earlier report about the child is in it too. */
  const earlier = [0, 0, 0, 0, 0];
  for (const row of rows) {
    const n = Number(row.n);
    if (row.figure === "report") {
      counts[row.month!] ??= empty();
      counts[row.month!]![row.key as ReporterCategory] += n;
      total += n;
    } else if (row.figure === "decisionDays") {
      daysTaken.push({ days: Number(row.key), n });
    } else if (row.figure === "outcome") {
      if (row.key in outcomes) outcomes[row.key as Outcome] += n;
    } else if (row.figure === "earlier") {
      earlier[Number(row.key)] = n;
    }
  }
  earlier[0] = total;
  // A child with m reports in the period has m - j of them with their j-th earlier one inside,
  // so children with at least k reports = earlier[k-1] - earlier[k].
  const atLeast = [1, 2, 3, 4].map((k) => earlier[k - 1]! - earlier[k]!);
  const byCount = { 1: atLeast[0]! - atLeast[1]!, 2: atLeast[1]! - atLeast[2]!, 3: atLeast[2]! - atLeast[3]!, 4: atLeast[3]! };

  const decided = daysTaken.reduce((sum, d) => sum + d.n, 0);
  return {
    period,
    reports: { months, counts, total },
    decisions: {
      total: decided,
      inTime: daysTaken.filter((d) => d.days <= 14).reduce((sum, d) => sum + d.n, 0),
      medianDays: median(daysTaken),
    },
    outcomes,
    repeat: { children: atLeast[0]!, byCount },
  };
}

/** The median of values given as (value, how many), as PostgreSQL's percentile_cont(0.5) gives it. */
export function median(histogram: { days: number; n: number }[]): number | null {
  const sorted = histogram.filter((h) => h.n > 0).sort((a, b) => a.days - b.days);
  const count = sorted.reduce((sum, h) => sum + h.n, 0);
  if (count === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.n;
      if (index < seen) return h.days;
    }
    return sorted.at(-1)!.days;
  };
  const middle = (count - 1) / 2;
  return (at(Math.floor(middle)) + at(Math.ceil(middle))) / 2;
}

/** The same figures as CSV rows: figure, month, key, value. */
export function statisticsCsv(stats: Statistics): string {
  const lines = [["figure", "month", "key", "value"]];
  for (const month of stats.reports.months) {
    for (const category of REPORTER_CATEGORIES) {
      lines.push(["reports", month, category, String(stats.reports.counts[month]![category])]);
    }
  }
  const { total, inTime, medianDays } = stats.decisions;
  lines.push(["decisions", "", "total", String(total)]);
  lines.push(["decisions", "", "withinFourteenDays", String(inTime)]);
  lines.push(["decisions", "", "shareWithinFourteenDays", total ? (inTime / total).toFixed(4) : ""]);
  lines.push(["decisions", "", "medianDaysToDecision", medianDays === null ? "" : String(medianDays)]);
  for (const outcome of OUTCOMES) lines.push(["outcomes", "", outcome, String(stats.outcomes[outcome])]);
  for (const n of REPEAT_BUCKETS) lines.push(["childrenByReports", "", n === 4 ? "4+" : String(n), String(stats.repeat.byCount[n])]);
  return `${lines.map((cells) => cells.join(",")).join("\r\n")}\r\n`;
}

export type StatisticsPage = { today: string; period: Period; periodError: boolean; stats: Statistics | null };

/** The page: the chosen period (or the last twelve months) for the user's unit. */
export async function loadStatisticsPage(db: Db, user: SessionUser, url: URL, now: Date = new Date()): Promise<StatisticsPage> {
  const today = stockholmDate(now);
  const { period, error } = parsePeriod(url.searchParams, today);
  const stats = user.unitId ? await computeStatistics(db, user.unitId, period) : null;
  return { today, period, periodError: error, stats };
}
