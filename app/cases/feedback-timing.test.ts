/**
 * Återkoppling timing through the case page: approval makes the mandated reporter's feedback
 * letter at once, unless the proposal records why it is withheld (SoL 14 kap. 1 b §); then
 * the team lead's desk shows the reporter waiting, with the reason, until a caseworker sends it.
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { caseEvents, cases, letters } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import type { SessionUser } from "../auth/session.server";
import { loadDesk } from "../desk/desk.server";
import { translate } from "../i18n";
import { ensureDefaultUnit } from "../units.server";
import { loadCasePage, performCaseAction } from "./case-page.server";
import { translateMessage } from "./command-schemas";
import { summarizeEvent } from "./event-summary";
import { createStaff, report } from "../../test/testing.server";

const NOW = new Date("2026-03-20T10:00:00Z");
const LATER = new Date("2026-05-04T08:00:00Z");
const REASON = "Vårdnadshavaren arbetar på skolan; återkoppling nu kan röja anmälan och skada barnet.";
const school = {
  kind: "mandated" as const,
  name: "Karin Ek",
  organisation: "Gullmarsskolan",
  title: "Kurator",
  phone: "0523-61 35 40",
  email: null,
  sector: "school" as const,
};

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  }
  return data;
}

describe.each(testDatabaseKinds())("feedback timing (%s)", (kind) => {
  let t: TestDatabase;
  let caseworker: SessionUser;
  let teamLead: SessionUser;

  const version = async (caseId: string) =>
    String((await t.db.select({ v: cases.version }).from(cases).where(eq(cases.id, caseId)))[0]!.v);
  const feedbackLetters = async (caseId: string) =>
    (await t.db.select({ n: count() }).from(letters).where(and(eq(letters.caseId, caseId), eq(letters.kind, "feedback"))))[0]!.n;
  const events = async (caseId: string) =>
    (await t.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.caseId, caseId)))[0]!.n;
  const feedbackCount = async () => (await loadDesk(t.db, teamLead, LATER)).counts.find((c) => c.item === "feedback")!.count;

  /** A school's report, assessed, ready for a proposal. */
  async function assessedCase(childName: string) {
    const r = await report(t.db, "2026-03-20T08:00:00Z", { childName, reporter: school });
    const assessed = await performCaseAction(
      t.db,
      caseworker,
      r.caseId,
      form({ intent: "PROTECTION_ASSESSED", version: await version(r.caseId), reportId: r.reportId, needsProtection: "no", assessment: "Inget akut." }),
      NOW,
    );
    expect(assessed).toMatchObject({ ok: true });
    return r;
  }
  const propose = async (caseId: string, extra: Record<string, string> = {}) =>
    performCaseAction(
      t.db,
      caseworker,
      caseId,
      form({
        intent: "DECISION_PROPOSED",
        version: await version(caseId),
        outcome: "noInvestigation",
        reasoning: "Skolan och familjen har en plan.",
        childNotHeardReason: "Barnet är på läger.",
        ...extra,
      }),
      NOW,
    );
  const approve = async (caseId: string) =>
    performCaseAction(t.db, teamLead, caseId, form({ intent: "DECISION_APPROVED", version: await version(caseId) }), NOW);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const unitId = await ensureDefaultUnit(t.db);
    caseworker = await createStaff(t.db, unitId, "caseworker", "Sara Lindqvist");
    teamLead = await createStaff(t.db, unitId, "teamLead", "Maria Holm");
  });
  afterAll(() => t.drop());

  it("approval makes the school's feedback letter at once when nothing is withheld", async () => {
    const r = await assessedCase("Alma Direkt");
    const page = await loadCasePage(t.db, caseworker, r.caseId, NOW);
    expect(page!.formContext.feedbackOwed).toBe(true);
    expect(await propose(r.caseId)).toMatchObject({ ok: true });
    expect(await approve(r.caseId)).toMatchObject({ ok: true });
    expect(await feedbackLetters(r.caseId)).toBe(1);
    const after = await loadCasePage(t.db, teamLead, r.caseId, NOW);
    expect(after!.feedback).toEqual([
      expect.objectContaining({ reportId: r.reportId, reporterOrganisation: "Gullmarsskolan", status: "sent", reason: null }),
    ]);
    expect(await feedbackCount()).toBe(0);
  });

  it("withholding needs a reason, with the Swedish message beside the field; nothing is stored", async () => {
    const r = await assessedCase("Bea Utan");
    const before = await events(r.caseId);
    const outcome = await propose(r.caseId, { withholdFeedback: "yes", feedbackWithheldReason: "  " });
    expect(outcome).toMatchObject({ ok: false, status: 400 });
    if (outcome.ok || outcome.status === 404) throw new Error("expected a 400");
    const errors = outcome.data.reply?.error?.["feedbackWithheldReason"] ?? [];
    expect(errors.map((e) => translateMessage("sv", e))).toEqual([translate("sv", "cases.error.feedbackWithheldReasonRequired")]);
    expect(translate("sv", "cases.error.feedbackWithheldReasonRequired")).toMatch(/varför/i);
    expect(await events(r.caseId)).toBe(before);
  });

  it("a withheld feedback waits, with its reason, on the team lead's desk until it is sent", async () => {
    const r = await assessedCase("Cleo Vänta");
    expect(await feedbackCount()).toBe(0);
    expect(await propose(r.caseId, { withholdFeedback: "yes", feedbackWithheldReason: REASON })).toMatchObject({ ok: true });
    const proposed = await loadCasePage(t.db, teamLead, r.caseId, NOW);
    expect(proposed!.record.proposal?.feedbackWithheldReason).toBe(REASON);
    expect(await approve(r.caseId)).toMatchObject({ ok: true });
    expect(await feedbackLetters(r.caseId)).toBe(0);

    // The case is closed (no investigation, no support); the reporter still waits.
    const desk = await loadDesk(t.db, teamLead, LATER);
    expect(desk.counts.find((c) => c.item === "feedback")!.count).toBe(1);
    expect(desk.feedback).toEqual([
      expect.objectContaining({ caseId: r.caseId, childName: "Cleo Vänta", reporterOrganisation: "Gullmarsskolan", reason: REASON }),
    ]);

    const page = await loadCasePage(t.db, caseworker, r.caseId, LATER);
    expect(page!.case.open).toBe(false);
    expect(page!.commands).toEqual(["FEEDBACK_SENT"]);
    expect(page!.feedback).toEqual([expect.objectContaining({ reportId: r.reportId, status: "withheld", reason: REASON })]);
    const approval = page!.events.find((e) => e.type === "DECISION_PROPOSED")!;
    expect(summarizeEvent("sv", approval.event).detail).toContain(`Återkoppling till anmälaren lämnas inte: ${REASON}`);

    const sent = await performCaseAction(
      t.db,
      caseworker,
      r.caseId,
      form({ intent: "FEEDBACK_SENT", version: await version(r.caseId), reportId: r.reportId }),
      LATER,
    );
    expect(sent).toMatchObject({ ok: true });
    expect(await feedbackLetters(r.caseId)).toBe(1);
    expect(await feedbackCount()).toBe(0);
    const after = await loadCasePage(t.db, caseworker, r.caseId, LATER);
    expect(after!.commands).toEqual([]);
    expect(after!.feedback).toEqual([expect.objectContaining({ status: "sent", reason: REASON })]);
    const last = after!.events.at(-1)!;
    expect(summarizeEvent("sv", last.event).title).toBe("Återkoppling skickad till anmälaren");
    const [closedRow] = await t.db.select({ closedAt: cases.closedAt, open: cases.open }).from(cases).where(eq(cases.id, r.caseId));
    // Sending the feedback does not reopen the case nor move when it closed.
    expect(closedRow).toEqual({ open: false, closedAt: NOW });
  });
});
