/**
 * A double-submitted addition (double click, a retry after a timeout) is stored once: the
 * form carries an idempotency key, and the same key again answers as the first did.
 */
import { randomUUID } from "node:crypto";

import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { caseEvents, cases, reports } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import type { SessionUser } from "../auth/session.server";
import { applyToCase } from "../cases/store.server";
import { createStaff } from "../../test/testing.server";
import { ensureDefaultUnit } from "../units.server";
import { validIntakeFormData } from "./fixtures";
import { parseIntake } from "./schema";
import { submitReport } from "./submit.server";
import { supplementByCode, supplementOwnReport } from "./supplement.server";

const T0 = new Date("2026-03-20T09:00:00Z");
let n = 0;
function input(overrides: Record<string, string>) {
  const s = parseIntake(validIntakeFormData({ childPersonalNumber: "", childName: `Dubbel ${++n}`, ...overrides }));
  if (s.status !== "success") throw new Error(JSON.stringify(s.error));
  return s.value;
}
const anonymous = () => input({ anonymous: "on", reporterName: "", reporterPhone: "", reporterEmail: "" });

describe.each(testDatabaseKinds())("an addition posted twice (%s)", (kind) => {
  let t: TestDatabase;
  let reporter: SessionUser;
  let address = 0;
  const from = () => `203.0.113.${++address}`;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await ensureDefaultUnit(t.db);
    reporter = await createStaff(t.db, null, "reporter", "Karin Ek");
  });
  afterAll(() => t.drop());

  const supplements = async (caseId: string) =>
    (await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq))).filter(
      (e) => e.type === "REPORT_SUPPLEMENTED",
    );

  it("from an account: the same form twice, also at once, gives one event and the same answer", async () => {
    const { reportId, caseId } = await submitReport(t.db, input({}), { userId: reporter.id, name: reporter.name }, T0);
    const key = randomUUID();
    const first = await supplementOwnReport(t.db, reporter, reportId, "Frånvarande igen.", T0, key);
    const again = await supplementOwnReport(t.db, reporter, reportId, "Frånvarande igen.", new Date(T0.getTime() + 5000), key);
    expect([first, again]).toEqual([{ ok: true }, { ok: true }]);
    expect(await supplements(caseId)).toHaveLength(1);

    const racing = randomUUID();
    const both = await Promise.all([
      supplementOwnReport(t.db, reporter, reportId, "Två klick.", T0, racing),
      supplementOwnReport(t.db, reporter, reportId, "Två klick.", T0, racing),
    ]);
    expect(both).toEqual([{ ok: true }, { ok: true }]);
    expect(await supplements(caseId)).toHaveLength(2);
    // A new form (a new key) is a new addition.
    await supplementOwnReport(t.db, reporter, reportId, "Frånvarande igen.", T0, randomUUID());
    expect(await supplements(caseId)).toHaveLength(3);
  });

  it("with the code: the same form twice gives one event", async () => {
    const { caseId, reportCode } = await submitReport(t.db, anonymous(), null, T0);
    const key = randomUUID();
    const post = () => supplementByCode(t.db, { code: reportCode!, text: "Hon sov hos oss igen.", clientAddress: from(), idempotencyKey: key }, T0);
    expect(await post()).toEqual({ ok: true });
    expect(await post()).toEqual({ ok: true });
    expect(await supplements(caseId)).toHaveLength(1);
  });

  it("on a closed case: the same form twice makes one new report, not two", async () => {
    const { reportId, caseId, reportCode } = await submitReport(t.db, anonymous(), null, T0);
    // Close the case the short way: a recorded closure through the statechart is the case tests' business.
    await t.db.transaction(async (tx) => {
      const staff = { id: randomUUID(), name: "Sara", role: "caseworker" as const };
      const lead = { id: randomUUID(), name: "Maria", role: "teamLead" as const };
      const at = (m: number) => new Date(T0.getTime() + m * 60_000).toISOString();
      for (const command of [
        { type: "PROTECTION_ASSESSED" as const, at: at(1), actor: staff, reportId, needsProtection: false, assessment: "Inget akut." },
        {
          type: "DECISION_PROPOSED" as const,
          at: at(2),
          actor: staff,
          outcome: "noInvestigation" as const,
          reasoning: "Inget att utreda.",
          support: [],
          childNotHeardReason: "Anonym anmälan.",
        },
        { type: "DECISION_APPROVED" as const, at: at(3), actor: lead },
      ]) {
        expect(await applyToCase(tx, caseId, null, command)).toMatchObject({ ok: true });
      }
    });
    expect((await t.db.select({ open: cases.open }).from(cases).where(eq(cases.id, caseId)))[0]!.open).toBe(false);

    const key = randomUUID();
    const later = new Date(T0.getTime() + 86_400_000);
    const post = () => supplementByCode(t.db, { code: reportCode!, text: "Det har blivit värre.", clientAddress: from(), idempotencyKey: key }, later);
    expect(await post()).toEqual({ ok: true });
    // The code now belongs to the new report, on an open case: the retry must still not add to it.
    expect(await post()).toEqual({ ok: true });
    const [child] = await t.db.select({ childId: cases.childId }).from(cases).where(eq(cases.id, caseId));
    const followUps = await t.db
      .select({ id: reports.id, caseId: reports.caseId })
      .from(reports)
      .innerJoin(cases, eq(cases.id, reports.caseId))
      .where(and(eq(cases.childId, child!.childId), eq(cases.previousCaseId, caseId)));
    expect(followUps).toHaveLength(1);
    expect(await supplements(followUps[0]!.caseId)).toHaveLength(0);
  });
});
