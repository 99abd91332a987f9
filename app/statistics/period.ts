/**
 * The period of the statistics page, read from the query string (?from=YYYY-MM-DD&to=YYYY-MM-DD,
 * both Stockholm calendar dates, `to` inclusive). Shared by the page and the server.
 */
import { addCalendarDays, isIsoDate } from "../../workflows/deadlines";

export type Period = { from: string; to: string };
export const MAX_PERIOD_DAYS = 5 * 366;

/** The last twelve months up to today: the first day of the month eleven months back, to today. */
export function defaultPeriod(today: string): Period {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 11;
  const year = m <= 0 ? y - 1 : y;
  const month = m <= 0 ? m + 12 : m;
  return { from: `${year}-${String(month).padStart(2, "0")}-01`, to: today };
}

const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** The chosen period, or the default with an error when what was asked is not a period. */
export function parsePeriod(params: URLSearchParams, today: string): { period: Period; error: boolean } {
  const from = params.get("from");
  const to = params.get("to");
  if (from === null && to === null) return { period: defaultPeriod(today), error: false };
  if (!isIsoDate(from) || !isIsoDate(to) || from > to || dayNumber(to) - dayNumber(from) > MAX_PERIOD_DAYS) {
    return { period: defaultPeriod(today), error: true };
  }
  return { period: { from, to }, error: false };
}

/** Every month ('YYYY-MM') the period touches, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let y = Number(period.from.slice(0, 4));
  let m = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    months.push(key);
    if (key >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

export const periodEnd = (period: Period) => addCalendarDays(period.to, 1);
