/**
 * The statistics read counters kept by triggers (per unit and Swedish day) and, for repeat
 * reports, each report's earlier reports about the same child. These check that what the
 * triggers keep equals the figures counted straight from the record — with reports stored out
 * of order, repeat reports before and inside the period, and a case moved to another unit —
 * and equals a rebuild of the derived tables from scratch.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../../db/client";
import { cases, reports } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { addCalendarDays, endOfDay } from "../../workflows/deadlines";
import { createUnit, report, validPersonalNumber } from "../../test/testing.server";
import { rowsOf } from "../cases/store.server";
import { ensureDefaultUnit } from "../units.server";
import type { Period } from "./period";
import { computeStatistics } from "./statistics.server";

const child = (name: string, personalNumber: string) => ({
  childName: name,
  child: {
    name,
    personalNumber,
    birthDate: `${personalNumber.slice(0, 4)}-${personalNumber.slice(4, 6)}-${personalNumber.slice(6, 8)}`,
    address: null,
    school: null,
    whereabouts: null,
    protectedIdentity: false,
  },
});

/** Children by number of reports in the period, counted straight from reports and cases. */
async function repeatByHand(db: Db, unitId: string, period: Period) {
  const start = endOfDay(addCalendarDays(period.from, -1)).toISOString();
  const end = endOfDay(period.to).toISOString();
  const rows = rowsOf<{ n: number }>(
    await db.execute(sql`
      select count(*)::int as n from reports r join cases c on c.id = r.case_id
      where c.unit_id = ${unitId} and r.received_at >= ${start} and r.received_at < ${end}
      group by c.child_id`),
  );
  const byCount = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const { n } of rows) byCount[Math.min(Number(n), 4) as 1 | 2 | 3 | 4] += 1;
  return { children: rows.length, byCount };
}

/** Everything the triggers keep, in a fixed order, to compare with a rebuild. */
async function derived(db: Db) {
  const counts = rowsOf(await db.execute(sql`select unit_id, day::text, figure, key, n from statistics_day_counts where n <> 0 order by 1, 2, 3, 4`));
  const repeats = rowsOf(await db.execute(sql`select * from repeat_reports order by report_id`));
  return JSON.stringify({ counts, repeats });
}

describe.each(testDatabaseKinds())("the statistics' counters (%s)", (kind) => {
  let t: TestDatabase;
  let unitId: string;
  let otherUnit: string;
  let movedCase: string;
  let alvasCase: string;
  const march = { from: "2026-03-01", to: "2026-03-31" };
  const lateMarch = { from: "2026-03-09", to: "2026-03-31" };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    unitId = await ensureDefaultUnit(t.db);
    otherUnit = await createUnit(t.db, "Barn och unga, Grannkommun");
    const a = child("Alva Fem", validPersonalNumber("20150101", "123"));
    const b = child("Bo Fyra", validPersonalNumber("20160202", "234"));
    const d = child("Dan Två", validPersonalNumber("20170303", "345"));
    // Stored out of order: later reports first, earlier ones about the same child after them.
    alvasCase = (await report(t.db, "2026-03-20T09:00:00Z", a)).caseId;
    await report(t.db, "2026-03-28T09:00:00Z", a);
    await report(t.db, "2026-03-02T09:00:00Z", a);
    await report(t.db, "2026-01-10T09:00:00Z", a);
    await report(t.db, "2026-03-09T09:00:00Z", a);
    await report(t.db, "2026-03-05T09:00:00Z", b);
    await report(t.db, "2026-04-03T09:00:00Z", b);
    await report(t.db, "2026-03-15T09:00:00Z", b);
    await report(t.db, "2026-03-25T09:00:00Z", b);
    await report(t.db, "2026-03-03T09:00:00Z", d);
    await report(t.db, "2026-02-20T09:00:00Z", d);
    await report(t.db, "2026-03-12T09:00:00Z", { childName: "Cilla En" });
    movedCase = (await report(t.db, "2026-03-13T09:00:00Z", { childName: "Flyttad Till Grannen" })).caseId;
    // Two reports about one child at the same moment (one case each: the first was moved away).
    const e = child("Eva Samma", validPersonalNumber("20180404", "456"));
    const first = await report(t.db, "2026-03-30T09:00:00Z", e);
    await t.db.update(cases).set({ open: false }).where(eq(cases.id, first.caseId));
    await report(t.db, "2026-03-30T09:00:00Z", e);
  }, 60_000);
  afterAll(() => t.drop());

  it("count children with one, two, three and four or more reports in the period, stored in any order", async () => {
    const stats = await computeStatistics(t.db, unitId, march);
    // Alva 4 (2, 9, 20, 28 March), Bo 3, Dan 1, Cilla 1, the moved child 1, Eva 2.
    expect(stats.repeat).toEqual({ children: 6, byCount: { 1: 3, 2: 1, 3: 1, 4: 1 } });
    expect(stats.repeat).toEqual(await repeatByHand(t.db, unitId, march));
    expect(stats.reports.total).toBe(12);

    const late = await computeStatistics(t.db, unitId, lateMarch);
    // Alva 3 (9, 20, 28), Bo 2 (15, 25), Cilla 1, the moved child 1, Eva 2; Dan's were before.
    expect(late.repeat).toEqual({ children: 5, byCount: { 1: 2, 2: 2, 3: 1, 4: 0 } });
    expect(late.repeat).toEqual(await repeatByHand(t.db, unitId, lateMarch));
  });

  it("equal a rebuild from the record", async () => {
    const kept = await derived(t.db);
    await t.db.execute(sql`select rebuild_statistics()`);
    expect(await derived(t.db)).toBe(kept);
  });

  it("follow a case moved to another unit", async () => {
    await t.db.update(cases).set({ unitId: otherUnit }).where(eq(cases.id, movedCase));
    const mine = await computeStatistics(t.db, unitId, march);
    expect(mine.reports.total).toBe(11);
    expect(mine.repeat).toEqual(await repeatByHand(t.db, unitId, march));
    const theirs = await computeStatistics(t.db, otherUnit, march);
    expect(theirs.reports.total).toBe(1);
    expect(theirs.repeat).toEqual({ children: 1, byCount: { 1: 1, 2: 0, 3: 0, 4: 0 } });

    const kept = await derived(t.db);
    await t.db.execute(sql`select rebuild_statistics()`);
    expect(await derived(t.db)).toBe(kept);
  });

  it("follow a report moved to the child's earlier case (a confirmed possible match)", async () => {
    // A report on Alva without her personnummer opens a case of its own (another child record) …
    const loose = await report(t.db, "2026-03-22T09:00:00Z", { childName: "Alva Fem" });
    expect((await computeStatistics(t.db, unitId, march)).repeat).toEqual(await repeatByHand(t.db, unitId, march));
    // … and the caseworker confirms the match: the report moves to Alva's case, as app/matching does.
    await t.db.update(reports).set({ caseId: alvasCase }).where(eq(reports.caseId, loose.caseId));
    const stats = await computeStatistics(t.db, unitId, march);
    expect(stats.repeat).toEqual(await repeatByHand(t.db, unitId, march));
    // Alva now has 5 reports in March: still "4 or more"; the loose child has none left.
    expect(stats.repeat.byCount[4]).toBe(1);

    const kept = await derived(t.db);
    await t.db.execute(sql`select rebuild_statistics()`);
    expect(await derived(t.db)).toBe(kept);
  });
});
