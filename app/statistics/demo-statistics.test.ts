/**
 * The statistics page's figures for the demo data, checked against a plain count over the same
 * rows in TypeScript: every decision event, the proposal it approved, the reports it answered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { caseEvents, cases, reports } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { addCalendarDays, stockholmDate } from "../../workflows/deadlines";
import { seedDemo } from "../demo/seed.server";
import { computeStatistics } from "./statistics.server";

const NOW = new Date("2026-11-25T10:00:00Z");
const dayNumber = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;

describe.each(testDatabaseKinds())("the statistics of the demo data (%s)", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await seedDemo(t, NOW);
  }, 120_000);
  afterAll(() => t.drop());

  it("equal a count by hand over the demo's events and reports", async () => {
    const [unit] = await t.db.select({ unitId: cases.unitId }).from(cases).limit(1);
    const period = { from: addCalendarDays(stockholmDate(NOW), -364), to: stockholmDate(NOW) };
    const stats = await computeStatistics(t.db, unit!.unitId, period);

    const events = await t.db.select().from(caseEvents);
    const allReports = await t.db.select().from(reports);
    const allCases = await t.db.select().from(cases);
    const isDecision = (e: (typeof events)[number]) =>
      e.type === "DECISION_APPROVED" ||
      (e.type === "PROTECTION_ASSESSED" && (e.event as { needsProtection?: boolean }).needsProtection === true);

    let total = 0;
    let inTime = 0;
    const days: number[] = [];
    const outcomes = { noInvestigation: 0, support: 0, investigation: 0, alreadyInvestigated: 0, transfer: 0 };
    for (const e of events.filter(isDecision)) {
      const decidedOn = stockholmDate(e.occurredAt);
      if (decidedOn < period.from || decidedOn > period.to) continue;
      const mine = events.filter((x) => x.caseId === e.caseId).sort((a, b) => a.seq - b.seq);
      const previous = mine.filter((x) => x.seq < e.seq && isDecision(x)).at(-1);
      const answered = allReports
        .filter((r) => r.caseId === e.caseId && (!previous || r.receivedAt > previous.occurredAt))
        .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
      const received = answered[0]?.receivedAt ?? allCases.find((c) => c.id === e.caseId)!.receivedAt;
      const d = dayNumber(decidedOn) - dayNumber(stockholmDate(received));
      total += 1;
      if (d <= 14) inTime += 1;
      days.push(d);
      if (e.type === "PROTECTION_ASSESSED") {
        outcomes.investigation += 1;
        continue;
      }
      const proposal = mine.filter((x) => x.seq < e.seq && x.type === "DECISION_PROPOSED").at(-1)!.event as {
        outcome: string;
        support: string[];
      };
      if (proposal.outcome === "noInvestigation") outcomes[proposal.support.length ? "support" : "noInvestigation"] += 1;
      else if (proposal.outcome === "openInvestigation") outcomes.investigation += 1;
      else outcomes[proposal.outcome as "alreadyInvestigated" | "transfer"] += 1;
    }
    days.sort((a, b) => a - b);
    const mid = days.length / 2;
    const median = days.length === 0 ? null : days.length % 2 ? days[Math.floor(mid)]! : (days[mid - 1]! + days[mid]!) / 2;

    expect(total).toBeGreaterThanOrEqual(5);
    expect(stats.decisions).toEqual({ total, inTime, medianDays: median });
    expect(stats.outcomes).toEqual(outcomes);

    const inPeriod = allReports.filter((r) => {
      const on = stockholmDate(r.receivedAt);
      return on >= period.from && on <= period.to;
    });
    expect(stats.reports.total).toBe(inPeriod.length);
    const perChild = new Map<string, number>();
    for (const r of inPeriod) {
      const child = allCases.find((c) => c.id === r.caseId)!.childId;
      perChild.set(child, (perChild.get(child) ?? 0) + 1);
    }
    expect(stats.repeat.children).toBe(perChild.size);
    expect(stats.repeat.byCount[2]).toBe([...perChild.values()].filter((n) => n === 2).length);
    // By reporter category: every demo report by a mandated reporter states its kind of organisation.
    const category = (r: (typeof inPeriod)[number]) =>
      r.reporterKind !== "mandated" ? (r.anonymous ? "anonymous" : "private") : r.reporterSector === "other" ? "otherMandated" : r.reporterSector!;
    const byHand: Record<string, number> = {};
    for (const r of inPeriod) byHand[category(r)] = (byHand[category(r)] ?? 0) + 1;
    const counted: Record<string, number> = {};
    for (const month of Object.values(stats.reports.counts)) {
      for (const [key, n] of Object.entries(month)) if (n > 0) counted[key] = (counted[key] ?? 0) + n;
    }
    expect(counted).toEqual(byHand);
    // The demo shows every kind of reporter but "other" on the statistics page.
    expect(Object.keys(counted).sort()).toEqual(["anonymous", "healthCare", "police", "preschool", "private", "school", "socialServices"]);
  }, 60_000);
});
