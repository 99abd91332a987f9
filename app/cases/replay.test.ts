import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { caseEvents, cases } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { CASE_MACHINE_VERSION, replay, stateName, type CaseEvent, type PersistedCase } from "../../workflows";
import { verifyHistory } from "../audit/verify.server";
import { runCaseCommand } from "./commands.server";
import { randomCommand, seeded } from "../../test/random-walk";
import { createStaff, newCase, type Staff } from "../../test/test-support";

const CASES = 200;
const DAY = 86_400_000;

describe.each(testDatabaseKinds())("a seeded database of %i cases replays (%s)".replace("%i", String(CASES)), (kind) => {
  let t: TestDatabase;
  let staff: Staff;
  const visited = new Set<string>();

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    staff = await createStaff(t.db);
    const rng = seeded(20260320);
    const people = [staff.caseworker, staff.caseworker2, staff.teamLead];
    const start = new Date("2026-01-05T08:00:00Z").getTime();
    for (let i = 0; i < CASES; i++) {
      let at = new Date(start + i * 3_600_000);
      // Every third child has a personal number, so a later report about them joins the case.
      const child = {
        name: `Barn ${i}`,
        personalNumber: i % 3 === 0 ? `2010${String(i).padStart(8, "0")}` : null,
        birthDate: rng() < 0.3 ? "2010-01-01" : "2015-01-01",
        address: null,
        school: null,
        whereabouts: null,
        protectedIdentity: rng() < 0.1,
      };
      const created = await newCase(t.db, { violenceKinds: rng() < 0.15 ? ["familyViolence"] : [], child }, at);
      for (let step = 0; step < 14; step++) {
        at = new Date(at.getTime() + DAY * (0.2 + rng()));
        if (child.personalNumber && (step === 3 || step === 8) && rng() < 0.7) {
          // A new report about the child joins the case in whatever state it is (or opens a new one).
          await newCase(t.db, { violenceKinds: rng() < 0.2 ? ["sexualAbuse"] : [], child }, at);
          continue;
        }
        const [row] = await t.db.select({ snapshot: cases.snapshot, version: cases.version }).from(cases).where(eq(cases.id, created.caseId));
        const snapshot = row!.snapshot as PersistedCase;
        visited.add(stateName(snapshot));
        // The team lead approves when a decision waits; otherwise a random member of staff acts.
        const user = stateName(snapshot) === "awaitingApproval" && rng() < 0.8 ? staff.teamLead : people[Math.floor(rng() * people.length)]!;
        const command = randomCommand(rng, snapshot, { id: user.id, name: user.name, role: user.role as "caseworker" }, at, people);
        if (!command) continue;
        await runCaseCommand(t.db, { caseId: created.caseId, expectedVersion: row!.version, user, command }, at);
      }
      const [end] = await t.db.select({ state: cases.state }).from(cases).where(eq(cases.id, created.caseId));
      visited.add(end!.state);
    }
  }, 600_000);
  afterAll(() => t.drop());

  it("the walks reached every state of the workflow", () => {
    expect([...visited].sort()).toEqual(
      [
        "awaitingApproval",
        "closed",
        "investigation",
        "preliminaryAssessment.conversationHeld",
        "preliminaryAssessment.invited",
        "preliminaryAssessment.planning",
        "received",
        "supportOffered",
      ].sort(),
    );
  });

  it("the walks took the events of a case as it unfolds: later reports, facts, extensions", async () => {
    const types = new Set((await t.db.selectDistinct({ type: caseEvents.type }).from(caseEvents)).map((r) => r.type));
    for (const type of ["REPORT_ADDED", "PROTECTION_ASSESSED", "GUARDIAN_ADDED", "GUARDIAN_SUSPECTED", "VIOLENCE_FLAG_SET", "PROTECTED_IDENTITY_SET", "INVESTIGATION_EXTENSION_PROPOSED"]) {
      expect(types, type).toContain(type);
    }
  });

  it("replaying each case's events through the machine gives the stored snapshot", async () => {
    const all = await t.db.select({ id: cases.id, snapshot: cases.snapshot, version: cases.version }).from(cases);
    expect(all.length).toBeGreaterThanOrEqual(CASES);
    for (const c of all) {
      const events = await t.db
        .select({ event: caseEvents.event, seq: caseEvents.seq })
        .from(caseEvents)
        .where(eq(caseEvents.caseId, c.id))
        .orderBy(asc(caseEvents.seq));
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.length).toBe(c.version);
      const rebuilt = replay(events.map((e) => e.event as CaseEvent));
      expect(rebuilt).toEqual(c.snapshot);
      expect(rebuilt.machineVersion).toBe(CASE_MACHINE_VERSION);
    }
  });

  it("every case's history verifies", async () => {
    const report = await verifyHistory(t);
    expect(report.problems).toEqual([]);
    expect(report.cases).toBeGreaterThanOrEqual(CASES);
  });
});
