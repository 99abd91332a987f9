import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { caseEvents, cases } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { verifyHistory } from "../audit/verify.server";
import { runCaseCommand } from "./commands.server";
import { createStaff, newCase, type Staff } from "../../test/test-support";

const run = promisify(execFile);
const ATTEMPTS_PER_PROCESS = 30;

async function expectIntactHistory(t: TestDatabase, caseId: string, accepted: number) {
  const events = await t.db.select({ seq: caseEvents.seq }).from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
  const [row] = await t.db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
  // The case's first event plus exactly the accepted ones; versions without gaps.
  expect(events.length).toBe(1 + accepted);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(row!.version).toBe(events.length);
  expect((await verifyHistory(t)).problems).toEqual([]);
}

describe.each(testDatabaseKinds())("two people acting on one case at once (%s)", (kind) => {
  let t: TestDatabase;
  let staff: Staff;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    staff = await createStaff(t.db);
  });
  afterAll(() => t.drop());

  it("of many commands made against the same version, exactly one wins and the rest are told the case changed", async () => {
    const { caseId } = await newCase(t.db);
    // Assigned first: otherwise a caseworker who wins also takes the case (a second event),
    // and the count would depend on who won.
    await runCaseCommand(t.db, {
      caseId,
      expectedVersion: 1,
      user: staff.teamLead,
      command: { type: "ASSIGNED", assignee: { id: staff.caseworker.id, name: staff.caseworker.name } },
    });
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        runCaseCommand(t.db, {
          caseId,
          expectedVersion: 2,
          user: i % 2 ? staff.caseworker : staff.teamLead,
          command: { type: "NOTE_ADDED", text: `Anteckning ${i}` },
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.refusal === "stale")).toHaveLength(59);
    await expectIntactHistory(t, caseId, 2);
  });

  it.runIf(kind === "postgres")(
    "two server processes firing conflicting commands lose nothing and duplicate nothing",
    async () => {
      const { caseId } = await newCase(t.db);
      // Assigned first: otherwise the first caseworker to act also takes the case (two events).
      await runCaseCommand(t.db, {
        caseId,
        expectedVersion: 1,
        user: staff.teamLead,
        command: { type: "ASSIGNED", assignee: { id: staff.caseworker.id, name: staff.caseworker.name } },
      });
      const worker = path.join(import.meta.dirname, "../../test/concurrency-worker.ts");
      const tsx = path.resolve("node_modules/.bin/tsx");
      const startAt = String(Date.now() + 4000);
      const outputs = await Promise.all(
        [staff.caseworker, staff.caseworker2].map((u) =>
          run(tsx, [worker, t.url!, caseId, u.id, String(ATTEMPTS_PER_PROCESS), startAt], { timeout: 120_000 }),
        ),
      );
      const results = outputs.flatMap((o) => JSON.parse(o.stdout) as string[]);
      expect(results).toHaveLength(2 * ATTEMPTS_PER_PROCESS);
      // Every attempt either won or was told the case changed; nothing else happened.
      expect(results.filter((r) => r !== "ok" && r !== "stale")).toEqual([]);
      const accepted = results.filter((r) => r === "ok").length;
      expect(accepted).toBeGreaterThanOrEqual(1);
      expect(results.filter((r) => r === "stale").length).toBeGreaterThan(0);
      await expectIntactHistory(t, caseId, accepted + 1);
    },
    180_000,
  );
});
