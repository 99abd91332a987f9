/**
 * A period of Stockholm calendar dates (from–to, both included), read from a query string
 * or a form. Shared by the log review, the access log per user and the export form.
 */
import { addCalendarDays, endOfDay, isIsoDate, stockholmDate } from "../../workflows/deadlines";

export type Period = { from: string; to: string };

/** The longest period a review or listing covers at once. */
export const MAX_PERIOD_DAYS = 366;

/** The last `days` days up to today (Stockholm). */
export function defaultPeriod(now: Date, days = 7): Period {
  const to = stockholmDate(now);
  return { from: addCalendarDays(to, -(days - 1)), to };
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; error: "period.invalid" | "period.order" | "period.tooLong" };

export function parsePeriod(from: unknown, to: unknown): PeriodResult {
  if (!isIsoDate(from) || !isIsoDate(to)) return { ok: false, error: "period.invalid" };
  if (from > to) return { ok: false, error: "period.order" };
  if (addCalendarDays(from, MAX_PERIOD_DAYS) <= to) return { ok: false, error: "period.tooLong" };
  return { ok: true, period: { from, to } };
}

/** The instants the period covers: [start of `from`, end of `to`) in Stockholm. */
export function periodBounds(period: Period): { start: Date; end: Date } {
  return { start: endOfDay(addCalendarDays(period.from, -1)), end: endOfDay(period.to) };
}
