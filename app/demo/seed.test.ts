/**
 * The demo seed goes through the real statechart: it must succeed, and show what a newcomer
 * should see of a case as it unfolds.
 */
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { caseEvents, cases, children, possibleMatches } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../db/testing";
import { replay, type CaseEvent, type PersistedCase } from "../../workflows";
import { seedDemo } from "./seed.server";

describe("the demo seed", () => {
  let t: TestDatabase;
  const byChild = new Map<string, { id: string; snapshot: PersistedCase; open: boolean }>();

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    const result = await seedDemo(t, new Date("2026-11-25T09:00:00Z"));
    expect(result?.cases).toBeGreaterThan(15);
    const rows = await t.db
      .select({ id: cases.id, snapshot: cases.snapshot, open: cases.open, name: children.name })
      .from(cases)
      .innerJoin(children, eq(children.id, cases.childId));
    for (const r of rows) byChild.set(r.name, { id: r.id, snapshot: r.snapshot as PersistedCase, open: r.open });
  }, 120_000);
  afterAll(() => t.drop());

  it("every demo case replays from its events", async () => {
    for (const c of byChild.values()) {
      const events = await t.db.select({ event: caseEvents.event }).from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(asc(caseEvents.seq));
      expect(replay(events.map((e) => e.event as CaseEvent))).toStrictEqual(c.snapshot);
    }
  });

  it("Ali Hassan's violence case had its protection assessment before any decision, and the father is suspected", async () => {
    const ali = byChild.get("Ali Hassan")!;
    const types = (await t.db.select({ type: caseEvents.type }).from(caseEvents).where(eq(caseEvents.caseId, ali.id)).orderBy(asc(caseEvents.seq))).map((e) => e.type);
    expect(types.indexOf("PROTECTION_ASSESSED")).toBeLessThan(types.indexOf("DECISION_PROPOSED"));
    expect(ali.snapshot.context.guardians.find((g) => g.name === "Mikael Hassan")?.suspected).toBe(true);
  });

  it("shows a second report awaiting its own assessment, a corrected guardian, a child of 16, a closed case", () => {
    const elsa = byChild.get("Elsa Johansson")!;
    expect(elsa.snapshot.context.reports.map((r) => r.protection === null)).toEqual([false, true]);
    expect(byChild.get("Oscar Jonsson")!.snapshot.context.guardians.find((g) => g.name === "Mikael Jonsson")?.custody).toBe(false);
    expect(byChild.get("Elias Hansson")!.snapshot.context.child.birthDate).toBe("2010-03-03");
    expect(byChild.get("Leo Jakobsson")!.open).toBe(false);
  });

  it("shows a possible match waiting: a neighbour's report on Ella without personnummer, not joined to her case", async () => {
    const rows = await t.db
      .select({ caseId: possibleMatches.caseId, candidate: possibleMatches.candidateCaseId, status: possibleMatches.status, basis: possibleMatches.basis })
      .from(possibleMatches);
    expect(rows).toEqual([
      { caseId: byChild.get("ella olsson")!.id, candidate: byChild.get("Ella Olsson")!.id, status: "pending", basis: "nameAndBirthDate" },
    ]);
    expect(byChild.get("Ella Olsson")!.snapshot.context.reports).toHaveLength(1);
  });
});
