import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ReporterSector } from "../../db/reporter-category";
import { cases, reports } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import type { SessionUser } from "../auth/session.server";
import { runCaseCommand, type CommandInput } from "../cases/commands.server";
import { createStaff, createUnit, report, validPersonalNumber } from "../../test/testing.server";
import { ensureDefaultUnit } from "../units.server";
import { defaultPeriod, parsePeriod } from "./period";
import { computeStatistics, median, statisticsCsv } from "./statistics.server";

/** A mandated reporter; `sector` is what the form asked, null for a report from before it asked. */
const mandated = (organisation: string, title: string, sector: ReporterSector | null) => ({
  kind: "mandated" as const,
  name: "Anna Anmälare",
  organisation,
  title,
  phone: "0523-61 30 00",
  email: null,
  sector,
});

describe.each(testDatabaseKinds())("the statistics (%s)", (kind) => {
  let t: TestDatabase;
  let unitId: string;
  let cw: SessionUser;
  let lead: SessionUser;
  const march = { from: "2026-03-01", to: "2026-03-31" };

  const act = async (caseId: string, user: SessionUser, command: CommandInput, at: string) => {
    const [row] = await t.db.select({ v: cases.version }).from(cases).where(eq(cases.id, caseId));
    const result = await runCaseCommand(t.db, { caseId, expectedVersion: row!.v, user, command }, new Date(at));
    expect(result, command.type).toMatchObject({ ok: true });
  };
  /** Assigned and assessed on the day of receipt, then a proposal approved by the team lead. */
  const decide = async (
    { caseId, reportId }: { caseId: string; reportId: string },
    received: string,
    proposal: Partial<CommandInput> & { outcome: string },
    approvedAt: string,
  ) => {
    await act(caseId, lead, { type: "ASSIGNED", assignee: { id: cw.id, name: cw.name } }, `${received}T10:00:00Z`);
    await act(caseId, cw, { type: "PROTECTION_ASSESSED", reportId, needsProtection: false, assessment: "Inget akut skyddsbehov." }, `${received}T11:00:00Z`);
    await act(
      caseId,
      cw,
      {
        type: "DECISION_PROPOSED",
        reasoning: "Motivering till beslutet.",
        support: [],
        childNotHeardReason: "Familjen har inte kunnat nås.",
        ...proposal,
      } as CommandInput,
      `${approvedAt}T08:00:00Z`,
    );
    await act(caseId, lead, { type: "DECISION_APPROVED" }, `${approvedAt}T09:00:00Z`);
  };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    unitId = await ensureDefaultUnit(t.db);
    cw = await createStaff(t.db, unitId, "caseworker", "Sara Lindqvist");
    lead = await createStaff(t.db, unitId, "teamLead", "Maria Holm");
    const repeatChild = validPersonalNumber("20140312", "238");

    // Before the period: a report and a decision in February, and a report at 23:30 on 28 February.
    const d0 = await report(t.db, "2026-02-10T09:00:00Z", { childName: "Före Perioden", reporter: mandated("Gullmarsskolan", "Lärare", "school") });
    await decide(d0, "2026-02-10", { outcome: "noInvestigation" }, "2026-02-20");
    await report(t.db, "2026-02-28T22:30:00Z", { childName: "Sent I Februari" });

    // Five decisions in March; three within 14 days of the report (9, 0 and 14 days), two later (18 and 20).
    const d1 = await report(t.db, "2026-03-01T09:00:00Z", {
      childName: "Ett Nio",
      reporter: mandated("Gullmarsskolan", "Kurator", "school"),
      child: {
        name: "Ett Nio",
        personalNumber: repeatChild,
        birthDate: "2014-03-12",
        address: null,
        school: null,
        whereabouts: null,
        protectedIdentity: false,
      },
    });
    await decide(d1, "2026-03-01", { outcome: "noInvestigation" }, "2026-03-10");
    const d2 = await report(t.db, "2026-03-02T09:00:00Z", { childName: "Två Arton", reporter: mandated("Förskolan Solen", "Förskollärare", null) });
    await decide(d2, "2026-03-02", { outcome: "noInvestigation", support: ["parentalSupport"] } as never, "2026-03-20");
    const d3 = await report(t.db, "2026-03-03T09:00:00Z", { childName: "Tre Noll", reporter: mandated("Polisen Lysekil", "Polisinspektör", "police") });
    await act(d3.caseId, lead, { type: "ASSIGNED", assignee: { id: cw.id, name: cw.name } }, "2026-03-03T10:00:00Z");
    await act(d3.caseId, cw, { type: "PROTECTION_ASSESSED", reportId: d3.reportId, needsProtection: true, assessment: "Akut skyddsbehov." }, "2026-03-03T11:00:00Z");
    const d4 = await report(t.db, "2026-03-04T09:00:00Z", { childName: "Fyra Fjorton", reporter: mandated("Vårdcentralen Lysekil", "Sjuksköterska", "healthCare") });
    await decide(d4, "2026-03-04", { outcome: "transfer", transferTo: "Uddevalla kommun" } as never, "2026-03-18");
    const d5 = await report(t.db, "2026-03-05T09:00:00Z", {
      childName: "Fem Tjugo",
      reporter: mandated("Fält- och fritidsverksamheten, Lysekils kommun", "Fältassistent", "socialServices"),
    });
    await decide(d5, "2026-03-05", { outcome: "openInvestigation" }, "2026-03-25");

    // The first child again, after their case closed: a new case, and a repeat report in March.
    await report(t.db, "2026-03-12T09:00:00Z", {
      childName: "Ett Nio",
      reporter: mandated("Gullmarsskolan", "Rektor", null),
      child: {
        name: "Ett Nio",
        personalNumber: repeatChild,
        birthDate: "2014-03-12",
        address: null,
        school: null,
        whereabouts: null,
        protectedIdentity: false,
      },
    });
    await report(t.db, "2026-03-15T09:00:00Z", { childName: "Annan Anmälare", reporter: mandated("Lysekils församling", "Diakon", "other") });
    // Decided in April: its report counts in March, its decision does not.
    const d6 = await report(t.db, "2026-03-25T09:00:00Z", { childName: "Sex April" });
    await decide(d6, "2026-03-25", { outcome: "noInvestigation" }, "2026-04-02");
    // The police, reporting from an organisation whose name the old guess took for health care.
    await report(t.db, "2026-04-10T09:00:00Z", { childName: "Polis Regionen", reporter: mandated("Region Västra Götaland", "Utredare", "police") });
    // 23:30 on 31 March in Stockholm (summer time) is still March.
    await report(t.db, "2026-03-31T21:30:00Z", { childName: "Sist I Mars", reporter: { kind: "private", anonymous: true } });

    // Another unit's report is never counted.
    const other = await createUnit(t.db, "Barn och unga, Grannkommun");
    const foreign = await report(t.db, "2026-03-10T09:00:00Z", { childName: "Annan Enhet" });
    await t.db.update(cases).set({ unitId: other }).where(eq(cases.id, foreign.caseId));
  });
  afterAll(() => t.drop());

  it("takes the reporter category from the kind of organisation the reporter stated", async () => {
    const rows = await t.db.select({ org: reports.reporterOrganisation, category: reports.reporterCategory }).from(reports);
    const of = (org: string) => rows.filter((r) => r.org === org).map((r) => r.category);
    expect(of("Polisen Lysekil")).toEqual(["police"]);
    expect(of("Vårdcentralen Lysekil")).toEqual(["healthCare"]);
    expect(of("Fält- och fritidsverksamheten, Lysekils kommun")).toEqual(["socialServices"]);
    expect(of("Lysekils församling")).toEqual(["otherMandated"]);
    // Stated police, though "Region" made the old guess say health care.
    expect(of("Region Västra Götaland")).toEqual(["police"]);
  });

  it("guesses from organisation and role only for a report without an answer (from before the form asked)", async () => {
    const rows = await t.db
      .select({ title: reports.reporterTitle, sector: reports.reporterSector, category: reports.reporterCategory })
      .from(reports);
    expect(rows.find((r) => r.title === "Förskollärare")).toEqual({ title: "Förskollärare", sector: null, category: "preschool" });
    expect(rows.find((r) => r.title === "Rektor")).toEqual({ title: "Rektor", sector: null, category: "school" });
  });

  it("counts a police report from the region as police, not health care", async () => {
    const april = await computeStatistics(t.db, unitId, { from: "2026-04-01", to: "2026-04-30" });
    expect(april.reports.counts["2026-04"]).toMatchObject({ police: 1, healthCare: 0 });
    expect(april.reports.total).toBe(1);
  });

  it("counts March's reports by month and category, in Swedish time, for the unit only", async () => {
    const stats = await computeStatistics(t.db, unitId, march);
    expect(stats.reports.months).toEqual(["2026-03"]);
    expect(stats.reports.counts["2026-03"]).toEqual({
      school: 2,
      preschool: 1,
      healthCare: 1,
      police: 1,
      socialServices: 1,
      otherMandated: 1,
      private: 1,
      anonymous: 1,
    });
    expect(stats.reports.total).toBe(9);
    const feb = await computeStatistics(t.db, unitId, { from: "2026-02-01", to: "2026-02-28" });
    expect(feb.reports.total).toBe(2);
    expect(feb.reports.counts["2026-02"]!.private).toBe(1);
  });

  it("finds exactly 3 of 5 decisions within 14 days (60 %), median 14 days", async () => {
    const stats = await computeStatistics(t.db, unitId, march);
    expect(stats.decisions).toEqual({ total: 5, inTime: 3, medianDays: 14 });
  });

  it("counts the outcomes: no investigation, support, investigation (urgent included), transfer", async () => {
    const stats = await computeStatistics(t.db, unitId, march);
    expect(stats.outcomes).toEqual({ noInvestigation: 1, support: 1, investigation: 2, alreadyInvestigated: 0, transfer: 1 });
    const april = await computeStatistics(t.db, unitId, { from: "2026-04-01", to: "2026-04-30" });
    // Received 25 March, decided 2 April: 8 days, counted in April.
    expect(april.decisions).toEqual({ total: 1, inTime: 1, medianDays: 8 });
  });

  it("counts repeat reports per child", async () => {
    const stats = await computeStatistics(t.db, unitId, march);
    expect(stats.repeat).toEqual({ children: 8, byCount: { 1: 7, 2: 1, 3: 0, 4: 0 } });
  });

  it("gives the same figures after the counters are rebuilt from the record", async () => {
    const periods = [march, { from: "2026-02-01", to: "2026-04-30" }, { from: "2026-04-01", to: "2026-04-30" }];
    const before = await Promise.all(periods.map((p) => computeStatistics(t.db, unitId, p)));
    await t.db.execute(sql`select rebuild_statistics()`);
    expect(await Promise.all(periods.map((p) => computeStatistics(t.db, unitId, p)))).toEqual(before);
  });

  it("takes the median from the counted days as percentile_cont does", () => {
    expect(median([])).toBeNull();
    expect(median([{ days: 10, n: 1 }, { days: 3, n: 1 }])).toBe(6.5);
    expect(median([{ days: 1, n: 3 }, { days: 9, n: 1 }])).toBe(1);
    expect(median([{ days: 2, n: 2 }, { days: 5, n: 0 }, { days: 7, n: 3 }])).toBe(7);
  });

  it("writes the same figures as CSV", async () => {
    const csv = statisticsCsv(await computeStatistics(t.db, unitId, march));
    expect(csv.split("\r\n")[0]).toBe("figure,month,key,value");
    expect(csv).toContain("reports,2026-03,school,2\r\n");
    expect(csv).toContain("decisions,,shareWithinFourteenDays,0.6000\r\n");
    expect(csv).toContain("decisions,,medianDaysToDecision,14\r\n");
    expect(csv).toContain("childrenByReports,,2,1\r\n");
  });

  it("reads the period from the query string, refusing what is not a period", () => {
    const today = "2026-03-20";
    expect(defaultPeriod(today)).toEqual({ from: "2025-04-01", to: "2026-03-20" });
    expect(parsePeriod(new URLSearchParams("from=2026-03-01&to=2026-03-31"), today)).toEqual({ period: march, error: false });
    expect(parsePeriod(new URLSearchParams("from=2026-03-31&to=2026-03-01"), today).error).toBe(true);
    expect(parsePeriod(new URLSearchParams("from=2026-02-30&to=2026-03-01"), today).error).toBe(true);
    expect(parsePeriod(new URLSearchParams("from=2000-01-01&to=2026-03-01"), today).error).toBe(true);
  });
});
