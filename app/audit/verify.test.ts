import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { runCaseCommand } from "../cases/commands.server";
import { createStaff, newCase, versionOf } from "../cases/test-support";
import { verifyHistory } from "./verify.server";

describe.each(testDatabaseKinds())("audit:verify names tampering with a case's history (%s)", (kind) => {
  let t: TestDatabase | undefined;
  let staff: Awaited<ReturnType<typeof createStaff>>;
  let caseId: string;
  let reference: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    staff = await createStaff(t.db);
  });
  // A fresh case for each kind of tampering, in the same database (notes by a team lead,
  // who does not take the case: exactly four events).
  beforeEach(async () => {
    if (!t) throw new Error("no database");
    const created = await newCase(t.db);
    caseId = created.caseId;
    reference = created.referenceNumber;
    for (const text of ["Första", "Andra", "Tredje"]) {
      await runCaseCommand(t.db, { caseId, expectedVersion: await versionOf(t.db, caseId), user: staff.teamLead, command: { type: "NOTE_ADDED", text } });
    }
  });
  afterAll(() => t?.drop());

  const problems = async () => (await verifyHistory(t!)).problems.filter((p) => p.caseId === caseId);

  it("an intact history verifies", async () => {
    expect(await problems()).toEqual([]);
  });

  it("an altered event is named by case and event", async () => {
    await t!.rows(`update case_events set event = jsonb_set(event, '{text}', '"Ändrad"') where case_id = $1 and seq = 3`, [caseId]);
    const found = await problems();
    expect(found).toContainEqual(expect.objectContaining({ referenceNumber: reference, seq: 3, problem: expect.stringContaining("altered") }));
  });

  it("a removed event is named", async () => {
    await t!.rows(`delete from case_events where case_id = $1 and seq = 2`, [caseId]);
    expect(await problems()).toContainEqual(expect.objectContaining({ referenceNumber: reference, seq: 3 }));
  });

  it("reordered events are named", async () => {
    await t!.rows(`update case_events set seq = 100 where case_id = $1 and seq = 2`, [caseId]);
    await t!.rows(`update case_events set seq = 2 where case_id = $1 and seq = 3`, [caseId]);
    await t!.rows(`update case_events set seq = 3 where case_id = $1 and seq = 100`, [caseId]);
    expect((await problems()).length).toBeGreaterThan(0);
  });

  it("an inserted event is named", async () => {
    await t!.rows(
      `insert into case_events (case_id, seq, type, event, actor_id, actor_name, occurred_at, prev_hash, hash)
       select case_id, 5, type, event, actor_id, actor_name, occurred_at, hash, hash from case_events where case_id = $1 and seq = 4`,
      [caseId],
    );
    expect(await problems()).toContainEqual(expect.objectContaining({ referenceNumber: reference, seq: 5 }));
  });

  it("a removed last event is named through the case's version", async () => {
    await t!.rows(`delete from case_events where case_id = $1 and seq = 4`, [caseId]);
    expect(await problems()).toContainEqual(expect.objectContaining({ referenceNumber: reference, problem: expect.stringContaining("version 4") }));
  });
});
