/**
 * Deadlines of a case, computed from event timestamps in Swedish time.
 *
 * Every deadline is a calendar date ('YYYY-MM-DD') in Europe/Stockholm: the law
 * counts calendar days, and a date (not an instant) is what the caseworker sees.
 * `endOfDay` turns a due date into the instant it expires, for "overdue" queries.
 * Nothing here reads the clock: callers pass the instants.
 */
import { TZDate } from "@date-fns/tz";

export const TIME_ZONE = "Europe/Stockholm";

/** A report that arrives at or after this hour gets its protection assessment the next day. */
export const PROTECTION_ASSESSMENT_CUTOFF_HOUR = 16;
/** Förhandsbedömning: the decision whether to investigate, within 14 days of receipt. */
export const DECISION_DAYS = 14;
/** Utredning: finished within 4 months of being opened. */
export const INVESTIGATION_MONTHS = 4;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An instant must carry its offset; a bare local time would depend on the server's zone.
const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for a real calendar date written 'YYYY-MM-DD' (rejects 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return (
    probe.getUTCFullYear() === y &&
    probe.getUTCMonth() === mo - 1 &&
    probe.getUTCDate() === d
  );
}

/** True for an ISO 8601 instant with an explicit offset ('Z' or '+01:00'). */
export function isIsoInstant(value: unknown): value is string {
  return (
    typeof value === "string" &&
    ISO_INSTANT.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

function toInstant(instant: Date | string): Date {
  if (instant instanceof Date) {
    if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid Date");
    return instant;
  }
  if (!isIsoInstant(instant)) {
    throw new RangeError(
      `Not an ISO instant with offset: ${JSON.stringify(instant)}`,
    );
  }
  return new Date(instant);
}

/** [year, month 1–12, day] of a real calendar date 'YYYY-MM-DD', else a RangeError. */
function calendarDate(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m || !isIsoDate(date)) {
    throw new RangeError(`Not a date YYYY-MM-DD: ${JSON.stringify(date)}`);
  }
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * A calendar date written 'YYYY-MM-DD', from a day that `Date.UTC` has normalised (day 32 of
 * a month is the next month's first). Calendar days are counted on the calendar alone: a
 * day is a day whatever the clocks do, so no time zone enters the sums below.
 */
function writeDate(y: number, monthIndex: number, d: number): string {
  return new Date(Date.UTC(y, monthIndex, d)).toISOString().slice(0, 10);
}

// Formatters made once: Swedish dates are written 'YYYY-MM-DD'. A TZDate and date-fns' format
// per call cost ~15 µs, and the inbox asks this for every row's every deadline.
const stockholmDay = new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
// The same with the hour, 00–23: "2026-03-20 16".
const stockholmDayHour = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  hourCycle: "h23",
});

/** The calendar date in Stockholm at this instant, 'YYYY-MM-DD'. */
export function stockholmDate(instant: Date | string): string {
  return stockholmDay.format(toInstant(instant));
}

/** Add calendar days to a 'YYYY-MM-DD' date. */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = calendarDate(date);
  return writeDate(y, m - 1, d + days);
}

/** Skyddsbedömning: the same day, or the next day for a report arriving at or after 16:00. */
export function protectionAssessmentDue(receivedAt: Date | string): string {
  const local = stockholmDayHour.format(toInstant(receivedAt)); // "YYYY-MM-DD HH"
  const date = local.slice(0, 10);
  return Number(local.slice(11, 13)) >= PROTECTION_ASSESSMENT_CUTOFF_HOUR ? addCalendarDays(date, 1) : date;
}

/** Förhandsbedömning: the Stockholm date of receipt plus 14 calendar days. */
export function decisionDue(receivedAt: Date | string): string {
  return addCalendarDays(stockholmDate(receivedAt), DECISION_DAYS);
}

/** Utredning: the Stockholm date of opening plus 4 months, clamped to the month's end. */
export function investigationDue(openedAt: Date | string): string {
  const [y, m, d] = calendarDate(stockholmDate(openedAt));
  const monthIndex = m - 1 + INVESTIGATION_MONTHS;
  // Day 0 of the month after is the last day of the due month: 31 October + 4 months is 28
  // (or 29) February.
  const lastDay = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
  return writeDate(y, monthIndex, Math.min(d, lastDay));
}

/** The instant of a Stockholm wall-clock time ('YYYY-MM-DD', 'HH:MM'). */
export function stockholmInstant(date: string, time: string): Date {
  const [y, mo, d] = calendarDate(date);
  const [h, m] = time.split(":").map(Number);
  return new Date(new TZDate(y, mo - 1, d, h ?? 0, m ?? 0, TIME_ZONE).getTime());
}

/** The instant a Stockholm calendar day ends: the next day's 00:00 in Stockholm. */
export function endOfDay(date: string): Date {
  return stockholmInstant(addCalendarDays(date, 1), "00:00");
}

export interface DeadlineStatus {
  /** Calendar days from today (Stockholm) to the due date; negative when overdue. */
  daysLeft: number;
  overdue: boolean;
  dueToday: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function dayNumber(date: string): number {
  const [y, m, d] = calendarDate(date);
  // Calendar dates as UTC midnights: the difference is whole days, untouched by DST.
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** How a due date stands at `now`, counted in Stockholm calendar days. */
export function deadlineStatus(due: string, now: Date): DeadlineStatus {
  const daysLeft = dayNumber(due) - dayNumber(stockholmDate(now));
  return { daysLeft, overdue: daysLeft < 0, dueToday: daysLeft === 0 };
}
