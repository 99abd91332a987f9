import { describe, expect, it } from "vitest";
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, format } from "date-fns";
import {
  addCalendarDays,
  deadlineStatus,
  decisionDue,
  endOfDay,
  investigationDue,
  isIsoDate,
  isIsoInstant,
  protectionAssessmentDue,
  stockholmDate,
  TIME_ZONE,
} from "./deadlines";

/**
 * Instants hour by hour over every changeover weekend in Stockholm 1990–2060 (the last Sundays
 * of March and October, ±30 hours), `minute` past each hour.
 */
function dstChangeoverInstants(minute: number): number[] {
  const instants: number[] = [];
  for (let year = 1990; year <= 2060; year++) {
    for (const month of [2, 9]) {
      const lastSunday = new Date(Date.UTC(year, month + 1, 0));
      lastSunday.setUTCDate(lastSunday.getUTCDate() - lastSunday.getUTCDay());
      for (let h = -30; h <= 30; h++) instants.push(lastSunday.getTime() + h * 3_600_000 + minute * 60_000);
    }
  }
  return instants;
}

/** `count` random instants 1990–2060. */
const randomInstants = (count: number) =>
  Array.from({ length: count }, () => Date.UTC(1990, 0, 1) + Math.floor(Math.random() * 70 * 365.25 * 86_400_000));

describe("stockholmDate", () => {
  it("gives the Stockholm calendar date, not the UTC one", () => {
    // 22:30 UTC on 30 June is 00:30 on 1 July in Swedish summer time.
    expect(stockholmDate("2026-06-30T22:30:00Z")).toBe("2026-07-01");
    // 23:30 UTC in winter is 00:30 the next day (UTC+1).
    expect(stockholmDate("2026-01-14T23:30:00Z")).toBe("2026-01-15");
    expect(stockholmDate("2026-01-14T22:59:59Z")).toBe("2026-01-14");
    expect(stockholmDate(new Date("2026-06-30T21:59:59Z"))).toBe("2026-06-30");
  });

  it("agrees with date-fns' own Stockholm calendar around every DST change, 1990–2060", () => {
    // The Intl formatter must give what TZDate + format gave: hour by hour over each
    // changeover weekend (last Sundays of March and October) and at random instants.
    const oracle = (t: number) => format(new TZDate(t, TIME_ZONE), "yyyy-MM-dd");
    const instants = [...dstChangeoverInstants(59), ...randomInstants(5000)];
    for (const t of instants) expect(stockholmDate(new Date(t)), new Date(t).toISOString()).toBe(oracle(t));
  });

  it("accepts explicit offsets and refuses instants without one", () => {
    expect(stockholmDate("2026-03-20T10:00:00+01:00")).toBe("2026-03-20");
    expect(() => stockholmDate("2026-03-20T10:00:00")).toThrow(RangeError);
    expect(() => stockholmDate("not a date")).toThrow(RangeError);
    expect(() => stockholmDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("protectionAssessmentDue (skyddsbedömning)", () => {
  it("is the same day for a report before 16:00", () => {
    expect(protectionAssessmentDue("2026-03-20T09:00:00Z")).toBe("2026-03-20"); // 10:00
  });

  it("moves to the next day at 16:00 exactly, not at 15:59", () => {
    // Winter: Stockholm = UTC+1.
    expect(protectionAssessmentDue("2026-02-10T14:59:59Z")).toBe("2026-02-10"); // 15:59:59
    expect(protectionAssessmentDue("2026-02-10T14:59:00Z")).toBe("2026-02-10"); // 15:59
    expect(protectionAssessmentDue("2026-02-10T15:00:00Z")).toBe("2026-02-11"); // 16:00
    // Summer: Stockholm = UTC+2, so 16:00 local is 14:00 UTC.
    expect(protectionAssessmentDue("2026-06-10T13:59:00Z")).toBe("2026-06-10");
    expect(protectionAssessmentDue("2026-06-10T14:00:00Z")).toBe("2026-06-11");
  });

  it("uses Stockholm time for a UTC instant that is already the next day there", () => {
    // 2026-06-30T22:30Z is 00:30 on 1 July: early morning, same (Stockholm) day.
    expect(protectionAssessmentDue("2026-06-30T22:30:00Z")).toBe("2026-07-01");
  });

  it("handles the night the clocks go forward (2026-03-29)", () => {
    // 23:30 on 28 March, still winter time (UTC+1).
    expect(protectionAssessmentDue("2026-03-28T22:30:00Z")).toBe("2026-03-29");
  });

  it("handles the night the clocks go back (2026-10-25)", () => {
    // 23:30 on 24 October, summer time (UTC+2).
    expect(protectionAssessmentDue("2026-10-24T21:30:00Z")).toBe("2026-10-25");
  });

  it("rolls over month and year ends", () => {
    expect(protectionAssessmentDue("2026-12-31T16:30:00Z")).toBe("2027-01-01");
  });
});

describe("decisionDue (14 calendar days)", () => {
  it("is the Stockholm date of receipt plus 14 days", () => {
    expect(decisionDue("2026-03-20T09:00:00Z")).toBe("2026-04-03");
  });

  it("is not shifted by the spring DST change", () => {
    expect(decisionDue("2026-03-28T22:30:00Z")).toBe("2026-04-11");
  });

  it("is not shifted by the autumn DST change", () => {
    expect(decisionDue("2026-10-24T21:30:00Z")).toBe("2026-11-07");
  });

  it("counts from the Stockholm date even when UTC is still the day before", () => {
    expect(decisionDue("2026-06-30T22:30:00Z")).toBe("2026-07-15");
  });

  it("does not depend on the hour (16:00 matters only for protection)", () => {
    expect(decisionDue("2026-02-10T15:30:00Z")).toBe("2026-02-24");
  });
});

describe("investigationDue (4 months)", () => {
  it("adds four calendar months", () => {
    expect(investigationDue("2026-03-20T09:00:00Z")).toBe("2026-07-20");
  });

  it("clamps to the end of a shorter month", () => {
    expect(investigationDue("2026-10-31T10:00:00Z")).toBe("2027-02-28");
    expect(investigationDue("2027-10-31T10:00:00Z")).toBe("2028-02-29"); // leap year
    expect(investigationDue("2026-05-31T10:00:00Z")).toBe("2026-09-30");
  });

  it("uses the Stockholm date of opening", () => {
    // 00:30 on 1 July in Stockholm → 1 November, not 30 October.
    expect(investigationDue("2026-06-30T22:30:00Z")).toBe("2026-11-01");
  });
});

describe("the deadlines, counted on the calendar without time zone arithmetic", () => {
  // The due dates were computed with date-fns on TZDates in Stockholm; they are now plain
  // calendar sums. The old computation is the oracle: the same date for every instant tried,
  // hour by hour around every DST change 1990–2060 (where 16:00 and midnight move), over
  // month, year and leap-day ends, and at random instants.
  const local = (t: number) => new TZDate(t, TIME_ZONE);
  const ymd = (d: Date) => format(d, "yyyy-MM-dd");
  const day = (t: number) => new TZDate(local(t).getFullYear(), local(t).getMonth(), local(t).getDate(), TIME_ZONE);
  const oracle = {
    protection: (t: number) => ymd(local(t).getHours() >= 16 ? addDays(local(t), 1) : local(t)),
    decision: (t: number) => ymd(addDays(day(t), 14)),
    investigation: (t: number) => ymd(addMonths(day(t), 4)),
  };
  const instants = [...dstChangeoverInstants(30), ...randomInstants(5000)];
  // The last three days of every month (the clamping of four months on), around 16:00 and
  // midnight there.
  for (let year = 1990; year <= 2060; year++) {
    for (let month = 0; month < 12; month++) {
      for (const d of [0, -1, -2]) {
        for (const h of [14, 15, 22, 23]) instants.push(Date.UTC(year, month + 1, d, h, 30));
      }
    }
  }

  it("gives the protection assessment's date date-fns gave", () => {
    for (const t of instants) expect(protectionAssessmentDue(new Date(t)), new Date(t).toISOString()).toBe(oracle.protection(t));
  });

  it("gives the decision's date date-fns gave", () => {
    for (const t of instants) expect(decisionDue(new Date(t)), new Date(t).toISOString()).toBe(oracle.decision(t));
  });

  it("gives the investigation's date date-fns gave", () => {
    for (const t of instants) expect(investigationDue(new Date(t)), new Date(t).toISOString()).toBe(oracle.investigation(t));
  });

  it("adds and subtracts calendar days over month, year and leap-day ends", () => {
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addCalendarDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addCalendarDays("2026-03-29", 1)).toBe("2026-03-30"); // the night the clocks go forward
  });
});

describe("endOfDay", () => {
  it("is next day's midnight in Stockholm, in winter and summer", () => {
    expect(endOfDay("2026-01-15").toISOString()).toBe("2026-01-15T23:00:00.000Z");
    expect(endOfDay("2026-07-01").toISOString()).toBe("2026-07-01T22:00:00.000Z");
  });

  it("is right across the DST changes", () => {
    // The day before spring forward ends at 00:00 CET; the short day ends at 00:00 CEST.
    expect(endOfDay("2026-03-28").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(endOfDay("2026-03-29").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    // The long day in autumn ends at 00:00 CET.
    expect(endOfDay("2026-10-24").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(endOfDay("2026-10-25").toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("rejects a malformed date", () => {
    expect(() => endOfDay("2026-02-30")).toThrow(RangeError);
  });
});

describe("deadlineStatus", () => {
  it("counts calendar days left", () => {
    expect(deadlineStatus("2026-04-03", new Date("2026-03-31T10:00:00Z"))).toEqual({
      daysLeft: 3,
      overdue: false,
      dueToday: false,
    });
  });

  it("is due today until the Stockholm day ends, and overdue after", () => {
    const due = "2026-04-03";
    expect(deadlineStatus(due, new Date("2026-04-03T21:59:59Z"))).toEqual({
      daysLeft: 0,
      overdue: false,
      dueToday: true,
    });
    // 00:00 on 4 April in Stockholm (summer time) is already overdue.
    expect(deadlineStatus(due, endOfDay(due))).toEqual({
      daysLeft: -1,
      overdue: true,
      dueToday: false,
    });
  });

  it("counts across the DST change in whole days", () => {
    expect(deadlineStatus("2026-03-30", new Date("2026-03-28T23:30:00Z")).daysLeft).toBe(1);
    expect(deadlineStatus("2026-10-26", new Date("2026-10-24T23:30:00Z")).daysLeft).toBe(1);
  });
});

describe("date validation helpers", () => {
  it("accepts real dates only", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("2026-4-3")).toBe(false);
    expect(isIsoDate(20260403)).toBe(false);
  });

  it("accepts instants with an offset only", () => {
    expect(isIsoInstant("2026-03-20T10:00:00.000Z")).toBe(true);
    expect(isIsoInstant("2026-03-20T10:00:00+01:00")).toBe(true);
    expect(isIsoInstant("2026-03-20T10:00:00")).toBe(false);
    expect(isIsoInstant("2026-03-20")).toBe(false);
  });

  it("adds calendar days over month ends", () => {
    expect(addCalendarDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addCalendarDays("2026-03-28", 2)).toBe("2026-03-30");
  });
});
