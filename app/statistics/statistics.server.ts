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
 * a trigger on case_events (db/migrations/*_case_decisions_trigger.sql), so a year's figures are one index range scan.
 */
import { sql } from "drizzle-orm";

import type { Db } from "../../db/client";
import { REPORTER_CATEGORIES, type ReporterCategory } from "../../db/reporter-category";
import { caseDecisions, cases, reports } from "../../db/schema";
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

  // One read-only snapshot for all figures. JIT compilation costs PostgreSQL seconds on queries
  // of this size and saves nothing here; a little more work_mem keeps the sorts in memory.
  const { reportRows, decided } = await db.transaction(
    async (tx) => {
      await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`set local work_mem = '32MB'`);
      const reportRows = rowsOf<{ kind: "month" | "child"; k1: string; k2: string | null; n: number }>(
        await tx.execute(sql`
          with r as materialized (
            select to_char(r.received_at at time zone 'Europe/Stockholm', 'YYYY-MM') as month,
                   r.reporter_category as category, c.child_id
            from ${reports} r join ${cases} c on c.id = r.case_id
            where c.unit_id = ${unitId} and r.received_at >= ${start} and r.received_at < ${end}
          )
          select 'month' as kind, month as k1, category as k2, count(*)::int as n from r group by month, category
          union all
          select 'child', least(per_child.n, 4)::text, null, count(*)::int
          from (select child_id, count(*) as n from r group by child_id) per_child
          group by 2`),
      );
      // The decisions come from case_decisions, kept from the event log by a trigger (*_case_decisions_trigger.sql).
      const [decided] = rowsOf<{
        total: number;
        in_time: number;
        median: number | string | null;
        no_investigation: number;
        support: number;
        investigation: number;
        already: number;
        transfer: number;
      }>(
        await tx.execute(sql`
          with facts as (
            select outcome,
                   (decided_at at time zone 'Europe/Stockholm')::date - (received_at at time zone 'Europe/Stockholm')::date as days
            from ${caseDecisions}
            where unit_id = ${unitId} and decided_at >= ${start} and decided_at < ${end}
          )
          select count(*)::int as total,
                 count(*) filter (where days <= 14)::int as in_time,
                 percentile_cont(0.5) within group (order by days) as median,
                 count(*) filter (where outcome = 'noInvestigation')::int as no_investigation,
                 count(*) filter (where outcome = 'support')::int as support,
                 count(*) filter (where outcome = 'investigation')::int as investigation,
                 count(*) filter (where outcome = 'alreadyInvestigated')::int as already,
                 count(*) filter (where outcome = 'transfer')::int as transfer
          from facts`),
      );
      return { reportRows, decided };
    },
    { accessMode: "read only", isolationLevel: "repeatable read" },
  );

  const months = monthsOf(period);
  const empty = () => Object.fromEntries(REPORTER_CATEGORIES.map((c) => [c, 0])) as Record<ReporterCategory, number>;
  const counts = Object.fromEntries(months.map((m) => [m, empty()]));
  let total = 0;
  const byCount = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const row of reportRows) {
    const n = Number(row.n);
    if (row.kind === "child") {
      byCount[Number(row.k1) as 1 | 2 | 3 | 4] = n;
      continue;
    }
    counts[row.k1] ??= empty();
    counts[row.k1]![row.k2 as ReporterCategory] += n;
    total += n;
  }

  const d = decided!;
  return {
    period,
    reports: { months, counts, total },
    decisions: {
      total: Number(d.total),
      inTime: Number(d.in_time),
      medianDays: d.median === null ? null : Number(d.median),
    },
    outcomes: {
      noInvestigation: Number(d.no_investigation),
      support: Number(d.support),
      investigation: Number(d.investigation),
      alreadyInvestigated: Number(d.already),
      transfer: Number(d.transfer),
    },
    repeat: { children: byCount[1] + byCount[2] + byCount[3] + byCount[4], byCount },
  };
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
