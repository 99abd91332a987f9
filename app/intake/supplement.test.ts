/**
 * The way back for reporters: the anonymous one-time code (30 days, rate-limited per address,
 * stored hashed, revealing nothing) and additions from a reporter's account.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { caseEvents, cases, reportCodes, reports } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import type { SessionUser } from "../auth/session.server";
import { loadCasePage } from "../cases/case-page.server";
import { loadInbox } from "../cases/inbox.server";
import { applyToCase } from "../cases/store.server";
import { createStaff } from "../../test/testing.server";
import { ensureDefaultUnit } from "../units.server";
import { validIntakeFormData } from "./fixtures";
import { hashReportCode, normaliseReportCode } from "./report-code.server";
import { parseIntake } from "./schema";
import { submitReport } from "./submit.server";
import { CODE_TRIES_PER_ADDRESS, supplementByCode, supplementOwnReport } from "./supplement.server";

const DAY = 86_400_000;
const T0 = new Date("2026-03-20T09:00:00Z");

function input(overrides: Record<string, string>) {
  const s = parseIntake(validIntakeFormData(overrides));
  if (s.status !== "success") throw new Error(JSON.stringify(s.error));
  return s.value;
}

let n = 0;
const anonymous = () =>
  input({ anonymous: "on", reporterName: "", reporterPhone: "", reporterEmail: "", childPersonalNumber: "", childName: `Barn ${++n}` });

describe.each(testDatabaseKinds())("the report code and additions (%s)", (kind) => {
  let t: TestDatabase;
  let reporterUser: SessionUser;
  let otherReporter: SessionUser;
  let caseworker: SessionUser;
  let teamLead: SessionUser;
  let address = 0;
  const nextAddress = () => `198.51.100.${++address}`;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const unitId = await ensureDefaultUnit(t.db);
    reporterUser = await createStaff(t.db, null, "reporter", "Karin Ek");
    otherReporter = await createStaff(t.db, null, "reporter", "Olle Annan");
    caseworker = await createStaff(t.db, unitId, "caseworker", "Sara Lindqvist");
    teamLead = await createStaff(t.db, unitId, "teamLead", "Maria Holm");
  });
  afterAll(() => t.drop());

  const events = async (caseId: string) =>
    t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));

  it("an anonymous report gets a code; only its hash is stored", async () => {
    const result = await submitReport(t.db, anonymous(), null, T0);
    expect(result.reportCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const rows = await t.db.select().from(reportCodes).where(eq(reportCodes.reportId, result.reportId));
    expect(rows).toHaveLength(1);
    const code = normaliseReportCode(result.reportCode!);
    expect(rows[0]!.codeHash).toBe(hashReportCode(code));
    expect(rows[0]!.codeHash).not.toContain(code);
    expect(JSON.stringify(rows)).not.toContain(code);
    const [report] = await t.db.select().from(reports).where(eq(reports.id, result.reportId));
    expect(JSON.stringify(report)).not.toContain(code);
    expect(rows[0]!.expiresAt.getTime()).toBe(T0.getTime() + 30 * DAY);
  });

  it("a private reporter gets one too; a mandated reporter or an account does not", async () => {
    expect((await submitReport(t.db, input({ childPersonalNumber: "", childName: "Privat Barn" }), null, T0)).reportCode).toBeTruthy();
    const mandated = input({
      reporterKind: "mandated",
      reporterOrganisation: "Gullmarsskolan",
      reporterTitle: "Lärare",
      reporterSector: "school",
      childPersonalNumber: "",
      childName: "Skol Barn",
    });
    expect((await submitReport(t.db, mandated, null, T0)).reportCode).toBeUndefined();
    const withAccount = input({ childPersonalNumber: "", childName: "Konto Barn" });
    expect((await submitReport(t.db, withAccount, { userId: reporterUser.id, name: reporterUser.name }, T0)).reportCode).toBeUndefined();
  });

  it("within 30 days the code adds to the report as an event through the statechart, and reveals nothing", async () => {
    const { reportId, caseId, reportCode } = await submitReport(t.db, anonymous(), null, T0);
    const before = await t.db.select({ state: cases.state }).from(cases).where(eq(cases.id, caseId));
    const typed = reportCode!.toLowerCase().replace(/-/g, " ");
    const result = await supplementByCode(
      t.db,
      { code: typed, text: "Hon sov hos oss igen i natt.", clientAddress: nextAddress() },
      new Date(T0.getTime() + 29 * DAY),
    );
    // Nothing of the case comes back: no reference, no state, no other report.
    expect(result).toEqual({ ok: true });
    const log = await events(caseId);
    expect(log.map((e) => e.type)).toEqual(["CASE_OPENED", "REPORT_SUPPLEMENTED"]);
    expect(log[1]!.event).toMatchObject({ reportId, text: "Hon sov hos oss igen i natt.", via: "code" });
    expect(log[1]!.prevHash).toBe(log[0]!.hash);
    const after = await t.db.select({ state: cases.state }).from(cases).where(eq(cases.id, caseId));
    expect(after).toEqual(before);
  });

  it("expires after 30 days; a wrong code is refused alike", async () => {
    const { caseId, reportCode } = await submitReport(t.db, anonymous(), null, T0);
    const late = await supplementByCode(
      t.db,
      { code: reportCode!, text: "För sent.", clientAddress: nextAddress() },
      new Date(T0.getTime() + 30 * DAY + 1000),
    );
    expect(late).toEqual({ ok: false, reason: "invalidCode" });
    const wrong = await supplementByCode(t.db, { code: "AAAA-BBBB-CCCC-DDDD", text: "Gissning.", clientAddress: nextAddress() }, T0);
    expect(wrong).toEqual({ ok: false, reason: "invalidCode" });
    expect((await events(caseId)).map((e) => e.type)).toEqual(["CASE_OPENED"]);
  });

  it("is rate-limited per address: concurrent tries all count, and then even the right code is refused", async () => {
    const { caseId, reportCode } = await submitReport(t.db, anonymous(), null, T0);
    const from = nextAddress();
    const guesses = await Promise.all(
      Array.from({ length: CODE_TRIES_PER_ADDRESS + 5 }, (_, i) =>
        supplementByCode(t.db, { code: `WXYZ-WXYZ-WXYZ-WX${String(i).padStart(2, "2")}`, text: "x", clientAddress: from }, T0),
      ),
    );
    expect(guesses.filter((g) => !g.ok && g.reason === "rateLimited")).toHaveLength(5);
    expect(await supplementByCode(t.db, { code: reportCode!, text: "Nu då?", clientAddress: from }, T0)).toEqual({
      ok: false,
      reason: "rateLimited",
    });
    expect((await events(caseId)).map((e) => e.type)).toEqual(["CASE_OPENED"]);
    // Another address is not affected; after the window the first may try again.
    expect((await supplementByCode(t.db, { code: reportCode!, text: "Från en annan.", clientAddress: nextAddress() }, T0)).ok).toBe(true);
    const later = new Date(T0.getTime() + 16 * 60 * 1000);
    expect((await supplementByCode(t.db, { code: reportCode!, text: "Senare.", clientAddress: from }, later)).ok).toBe(true);
  });

  it("on a closed case the addition becomes a new report opening a new case linked to the closed one; the code follows it", async () => {
    const { caseId, reportCode, reportId } = await submitReport(t.db, anonymous(), null, T0);
    await t.db.transaction(async (tx) => {
      const cw = { id: caseworker.id, name: caseworker.name, role: "caseworker" as const };
      const tl = { id: teamLead.id, name: teamLead.name, role: "teamLead" as const };
      for (const command of [
        { type: "PROTECTION_ASSESSED", at: "2026-03-20T12:00:00Z", actor: cw, reportId, needsProtection: false, assessment: "Inget akut." },
        {
          type: "DECISION_PROPOSED",
          at: "2026-03-21T12:00:00Z",
          actor: cw,
          outcome: "noInvestigation",
          reasoning: "Familjen har egna resurser.",
          support: [],
          childNotHeardReason: "Barnet ville inte.",
        },
        { type: "DECISION_APPROVED", at: "2026-03-22T12:00:00Z", actor: tl },
      ] as const) {
        const r = await applyToCase(tx, caseId, null, command as never);
        if (!r.ok) throw new Error(r.refusal);
      }
    });
    const [closed] = await t.db.select().from(cases).where(eq(cases.id, caseId));
    expect(closed!.open).toBe(false);

    const at = new Date(T0.getTime() + 5 * DAY);
    expect(await supplementByCode(t.db, { code: reportCode!, text: "Det har blivit värre.", clientAddress: nextAddress() }, at)).toEqual({ ok: true });
    const [next] = await t.db.select().from(cases).where(and(eq(cases.previousCaseId, caseId), eq(cases.open, true)));
    expect(next).toBeTruthy();
    expect(next!.childId).toBe(closed!.childId);
    const [newReport] = await t.db.select().from(reports).where(eq(reports.caseId, next!.id));
    expect(newReport).toMatchObject({ concernWhat: "Det har blivit värre.", anonymous: true, reporterName: null });
    // The same code now adds to the new report.
    expect((await supplementByCode(t.db, { code: reportCode!, text: "Mer.", clientAddress: nextAddress() }, at)).ok).toBe(true);
    expect((await events(next!.id)).map((e) => e.type)).toEqual(["CASE_OPENED", "REPORT_SUPPLEMENTED"]);
  });

  it("a reporter with an account adds to their own report only", async () => {
    const mine = await submitReport(
      t.db,
      input({ childPersonalNumber: "", childName: "Mitt Barn" }),
      { userId: reporterUser.id, name: reporterUser.name },
      T0,
    );
    expect(await supplementOwnReport(t.db, otherReporter, mine.reportId, "Inte min.", T0)).toEqual({ ok: false, reason: "notFound" });
    expect((await events(mine.caseId)).map((e) => e.type)).toEqual(["CASE_OPENED"]);
    expect(await supplementOwnReport(t.db, reporterUser, mine.reportId, "Eleven var frånvarande i dag igen.", T0)).toEqual({ ok: true });
    const log = await events(mine.caseId);
    expect(log[1]!.event).toMatchObject({ type: "REPORT_SUPPLEMENTED", via: "account", actor: { id: reporterUser.id, role: "reporter" } });
  });

  it("the caseworker sees the case marked new in the inbox until they open it", async () => {
    const now = new Date();
    const { caseId, reportCode } = await submitReport(t.db, anonymous(), null, now);
    const [row] = await t.db.select({ ref: cases.referenceNumber }).from(cases).where(eq(cases.id, caseId));
    const inbox = async () =>
      (await loadInbox(t.db, caseworker, new URL(`http://x/arenden?q=${row!.ref}`), now)).rows.find((r) => r.id === caseId)!;
    expect((await inbox()).newAddition).toBe(false);
    await loadCasePage(t.db, caseworker, caseId, new Date(now.getTime() + 1000));
    await supplementByCode(t.db, { code: reportCode!, text: "Ny uppgift.", clientAddress: nextAddress() }, new Date(now.getTime() + 2000));
    expect((await inbox()).newAddition).toBe(true);
    await loadCasePage(t.db, caseworker, caseId, new Date(now.getTime() + 3000));
    expect((await inbox()).newAddition).toBe(false);
  });
});
