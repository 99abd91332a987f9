import { randomUUID } from "node:crypto";

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { caseEvents, cases, children, letters, reports } from "../../db/schema";
import { extractText } from "../letters/pdf-text";
import { ensureDefaultUnit } from "../units.server";
import { submitReport } from "./submit.server";
import type { IntakeInput } from "./types";

function intake(overrides: Partial<IntakeInput> = {}): IntakeInput {
  return {
    idempotencyKey: randomUUID(),
    reporter: { kind: "private", anonymous: false, name: "Lena Granne", phone: "070-123 45 67", email: null },
    child: {
      name: "Elsa Johansson",
      personalNumber: "201403122384",
      birthDate: "2014-03-12",
      address: "Kungsgatan 14, 453 30 Lysekil",
      school: "Gullmarsskolan",
      whereabouts: null,
      protectedIdentity: false,
    },
    guardians: [{ name: "Anna Johansson", phone: null, email: null, address: null, knowsAboutReport: "unknown" }],
    siblings: [],
    concern: { what: "Barnet kommer hungrig till skolan.", when: null, duration: null, ifNothing: null, childKnows: "unknown" },
    interpreterLanguage: null,
    violenceKinds: [],
    ...overrides,
  };
}

describe.each(testDatabaseKinds())("submitting a report (%s)", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await ensureDefaultUnit(t.db);
  });
  afterAll(() => t.drop());

  it("registers the report, the child, a new case with its first event and a receipt letter", async () => {
    const input = intake({ child: { ...intake().child, personalNumber: "201007172391", name: "William Larsson" } });
    const result = await submitReport(t.db, input, null, new Date("2026-03-20T09:00:00Z"));
    expect(result.referenceNumber).toMatch(/^VRN-2026-\d{5}$/);
    expect(result.reportNumber).toMatch(/^ANM-2026-\d{6}$/);
    expect(result.joinedExistingCase).toBe(false);
    const [c] = await t.db.select().from(cases).where(eq(cases.id, result.caseId));
    expect(c).toMatchObject({ state: "received", version: 1, reportCount: 1, open: true, decisionDue: "2026-04-03" });
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, result.caseId));
    expect(events.map((e) => e.type)).toEqual(["CASE_OPENED"]);
    const receipts = await t.db.select().from(letters).where(eq(letters.reportId, result.reportId));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.kind).toBe("receipt");
    expect(receipts[0]!.pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("submitting twice with one idempotency key makes one report", async () => {
    const input = intake({ child: { ...intake().child, personalNumber: "201707112399", name: "Maja Karlsson" } });
    const [a, b] = await Promise.all([submitReport(t.db, input, null), submitReport(t.db, input, null)]);
    const again = await submitReport(t.db, input, null);
    expect(b.reportId).toBe(a.reportId);
    expect(again.reportId).toBe(a.reportId);
    const stored = await t.db.select().from(reports).where(eq(reports.idempotencyKey, input.idempotencyKey));
    expect(stored).toHaveLength(1);
    const [c] = await t.db.select().from(cases).where(eq(cases.id, a.caseId));
    expect(c!.reportCount).toBe(1);
  });

  it("a second report about the same child joins the open case, oldest first", async () => {
    const first = await submitReport(t.db, intake(), null, new Date("2026-05-01T08:00:00Z"));
    const second = await submitReport(
      t.db,
      intake({ concern: { ...intake().concern, what: "Ny oro från fältassistenterna." } }),
      null,
      new Date("2026-05-03T08:00:00Z"),
    );
    expect(second.caseId).toBe(first.caseId);
    expect(second.referenceNumber).toBe(first.referenceNumber);
    expect(second.joinedExistingCase).toBe(true);
    const [c] = await t.db.select().from(cases).where(eq(cases.id, first.caseId));
    expect(c).toMatchObject({ reportCount: 2, version: 2 });
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, first.caseId));
    expect(events.map((e) => e.type).sort()).toEqual(["CASE_OPENED", "REPORT_ADDED"]);
    const kids = await t.db.select().from(children).where(eq(children.personalNumber, "201403122384"));
    expect(kids).toHaveLength(1);
  });

  it("a child without a personal number is not merged with another child of the same name", async () => {
    const noNumber = { ...intake().child, personalNumber: null, name: "Alma Bengtsson", birthDate: "2020-06-30" };
    const a = await submitReport(t.db, intake({ child: noNumber }), null);
    const b = await submitReport(t.db, intake({ child: noNumber }), null);
    expect(b.caseId).not.toBe(a.caseId);
  });

  it("a report flagged for violence makes the case violence-flagged", async () => {
    const r = await submitReport(
      t.db,
      intake({ violenceKinds: ["familyViolence"], child: { ...intake().child, personalNumber: "201201302380", name: "Noah Nilsson" } }),
      null,
    );
    const [c] = await t.db.select().from(cases).where(eq(cases.id, r.caseId));
    expect(c!.violence).toBe(true);
  });

  it("a receipt tells nothing about other reports: a known child and an unknown child get the same answer", async () => {
    const at = new Date("2026-09-01T08:00:00Z");
    const known = { ...intake().child, personalNumber: "201105062385", name: "Kalle Känd" };
    const first = await submitReport(t.db, intake({ child: known }), null, at);
    const second = await submitReport(t.db, intake({ child: known }), null, at);
    const unknown = await submitReport(
      t.db,
      intake({ child: { ...known, personalNumber: "201202022383", name: "Olle Okänd" } }),
      null,
      at,
    );
    expect(second.joinedExistingCase).toBe(true);
    expect(unknown.joinedExistingCase).toBe(false);
    // Every report gets a number of its own, from one sequence, whatever case it joined.
    const numbers = [first, second, unknown].map((r) => r.reportNumber);
    expect(new Set(numbers).size).toBe(3);
    const seq = numbers.map((n) => Number(n.slice(-6)));
    expect(seq[1]! - seq[0]!).toBe(1);
    expect(seq[2]! - seq[1]!).toBe(1);

    const receiptOf = async (reportId: string) => {
      const [row] = await t.db.select().from(letters).where(eq(letters.reportId, reportId));
      // (Not the byte size: the embedded font is subset to the digits the number uses.)
      return { text: extractText(row!.pdf), fileName: row!.fileName };
    };
    const [a, b] = await Promise.all([receiptOf(second.reportId), receiptOf(unknown.reportId)]);
    // Neither receipt carries the case's number; apart from the report's own number they are the same.
    for (const r of [a, b]) expect(r.text).not.toMatch(/VRN-/);
    expect(a.text).toContain(second.reportNumber);
    expect(a.text.replaceAll(second.reportNumber, "N")).toBe(b.text.replaceAll(unknown.reportNumber, "N"));
    expect(a.fileName.replace(second.reportNumber, "N")).toBe(b.fileName.replace(unknown.reportNumber, "N"));
  });
});
