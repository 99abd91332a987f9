import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { auditCheckpoints, caseEvents, cases, letters, possibleMatches } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import type { SessionUser } from "../auth/session.server";
import { runCaseCommand, type CommandInput } from "../cases/commands.server";
import { loadCasePage } from "../cases/case-page.server";
import { loadInbox } from "../cases/inbox.server";
import { createStaff, createUnit, report } from "../../test/testing.server";
import { ensureDefaultUnit } from "../units.server";
import { rejectMatch } from "../matching/decide.server";
import { assignFromDesk, deskAction, loadDesk } from "./desk.server";

// 11:00 in Stockholm on Friday 20 March 2026.
const NOW = new Date("2026-03-20T10:00:00Z");
const school = {
  kind: "mandated" as const,
  name: "Karin Ek",
  organisation: "Gullmarsskolan",
  title: "Kurator",
  phone: "0523-61 35 40",
  email: null,
  sector: "school" as const,
};

describe.each(testDatabaseKinds())("the desk (%s)", (kind) => {
  let t: TestDatabase;
  let cw: SessionUser;
  let cw2: SessionUser;
  let lead: SessionUser;
  let stranger: SessionUser;
  const id: Record<string, string> = {};
  const reportOf: Record<string, string> = {};

  const version = async (caseId: string) =>
    (await t.db.select({ v: cases.version }).from(cases).where(eq(cases.id, caseId)))[0]!.v;
  const act = async (key: string, user: SessionUser, command: CommandInput, at: string) => {
    const result = await runCaseCommand(t.db, { caseId: id[key]!, expectedVersion: await version(id[key]!), user, command }, new Date(at));
    expect(result, `${key}: ${command.type}`).toMatchObject({ ok: true });
  };
  const assign = (key: string, who: SessionUser, at: string) =>
    act(key, lead, { type: "ASSIGNED", assignee: { id: who.id, name: who.name } }, at);
  const assess = (key: string, at: string, needsProtection = false) =>
    act(key, lead, { type: "PROTECTION_ASSESSED", reportId: reportOf[key]!, needsProtection, assessment: "Bedömning gjord." }, at);
  const propose = (key: string, by: SessionUser, at: string) =>
    act(
      key,
      by,
      {
        type: "DECISION_PROPOSED",
        outcome: "openInvestigation",
        reasoning: "Uppgifterna behöver utredas.",
        support: [],
        childNotHeardReason: "Barnet har inte kunnat nås.",
      },
      at,
    );
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };
  const counts = async (user: SessionUser) =>
    Object.fromEntries((await loadDesk(t.db, user, NOW)).counts.map((c) => [c.item, c.count]));

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const unitId = await ensureDefaultUnit(t.db);
    cw = await createStaff(t.db, unitId, "caseworker", "Sara Lindqvist");
    cw2 = await createStaff(t.db, unitId, "caseworker", "Johan Berg");
    lead = await createStaff(t.db, unitId, "teamLead", "Maria Holm");
    stranger = await createStaff(t.db, await createUnit(t.db, "Barn och unga, Grannkommun"), "caseworker", "Kim Annan");

    const made = {
      // Protection assessment overdue (due 19 March) and due today; both unassigned.
      A: await report(t.db, "2026-03-19T09:00:00Z", { childName: "Alva Igår" }),
      B: await report(t.db, "2026-03-20T07:00:00Z", { childName: "Bo Idag" }),
      // Decision due 3 April: not this week.
      C: await report(t.db, "2026-03-20T08:00:00Z", { childName: "Cleo Senare", reporter: school }),
      // Decision due 22 March: this week.
      D: await report(t.db, "2026-03-08T09:00:00Z", { childName: "Dani Veckan" }),
      // Proposed by a caseworker on 16 March; decision overdue since 15 March.
      E: await report(t.db, "2026-03-01T09:00:00Z", { childName: "Eva Förslag" }),
      // Proposed by the team lead: not in the team lead's own approval queue. Decision due 24 March.
      F: await report(t.db, "2026-03-10T09:00:00Z", { childName: "Frida Eget" }),
      // Urgent investigation opened 25 Nov 2025: due 25 March 2026, within 30 days. Feedback sent.
      G: await report(t.db, "2025-11-25T09:00:00Z", { childName: "Gustav Utredning", reporter: school }),
      // Investigation opened 5 March; the school's feedback letter was never made.
      H: await report(t.db, "2026-03-02T09:00:00Z", { childName: "Hugo Väntar", reporter: school }),
    };
    for (const [key, r] of Object.entries(made)) {
      id[key] = r.caseId;
      reportOf[key] = r.reportId;
    }

    await assign("C", cw, "2026-03-20T08:30:00Z");
    await assess("C", "2026-03-20T09:00:00Z");
    await assign("D", cw, "2026-03-08T10:00:00Z");
    await assess("D", "2026-03-08T11:00:00Z");
    await assign("E", cw2, "2026-03-01T10:00:00Z");
    await assess("E", "2026-03-01T11:00:00Z");
    await propose("E", cw2, "2026-03-16T09:00:00Z");
    await assign("F", cw, "2026-03-10T10:00:00Z");
    await assess("F", "2026-03-10T11:00:00Z");
    await propose("F", lead, "2026-03-18T09:00:00Z");
    await assign("G", cw2, "2025-11-25T09:30:00Z");
    await assess("G", "2025-11-25T10:00:00Z", true);
    await assign("H", cw, "2026-03-02T10:00:00Z");
    await assess("H", "2026-03-02T12:00:00Z");
    await propose("H", cw, "2026-03-04T09:00:00Z");
    await act("H", lead, { type: "DECISION_APPROVED" }, "2026-03-05T09:00:00Z");
    const removed = await t.db
      .delete(letters)
      .where(and(eq(letters.caseId, id.H!), eq(letters.kind, "feedback")))
      .returning({ id: letters.id });
    expect(removed).toHaveLength(1);
    const gFeedback = await t.db.select().from(letters).where(and(eq(letters.caseId, id.G!), eq(letters.kind, "feedback")));
    expect(gFeedback).toHaveLength(1);
  });
  afterAll(() => t.drop());

  it("counts the unit's work for the team lead, equal to a hand count", async () => {
    expect(await counts(lead)).toEqual({
      approval: 1, // E; F is the team lead's own proposal
      protection: 2, // A overdue, B today
      decision: 3, // D (22 March), E (overdue), F (24 March); C's 3 April is later
      investigation: 1, // G
      unassigned: 2, // A, B
      feedback: 1, // H; G's reporter has their letter, C is not decided
      match: 0, // every child has its own name
    });
  });

  it("counts a caseworker's own cases only", async () => {
    expect(await counts(cw)).toEqual({ approval: 1, protection: 0, decision: 2, investigation: 0, feedback: 1, match: 0 });
    expect(await counts(cw2)).toEqual({ approval: 1, protection: 0, decision: 1, investigation: 1, feedback: 0, match: 0 });
    expect(await counts(stranger)).toEqual({ approval: 0, protection: 0, decision: 0, investigation: 0, feedback: 0, match: 0 });
  });

  it("links every count to an inbox list of exactly those cases", async () => {
    for (const user of [lead, cw, cw2]) {
      const desk = await loadDesk(t.db, user, NOW);
      for (const { item, count, href } of desk.counts) {
        const inbox = await loadInbox(t.db, user, new URL(`http://x${href}`), NOW);
        expect(inbox.rows.length, `${user.name}: ${item} → ${href}`).toBe(count);
      }
    }
    const desk = await loadDesk(t.db, lead, NOW);
    const inbox = await loadInbox(t.db, lead, new URL(`http://x${desk.counts.find((c) => c.item === "feedback")!.href}`), NOW);
    expect(inbox.rows.map((r) => r.childName)).toEqual(["Hugo Väntar"]);
  });

  it("lists the proposals awaiting approval with how long they have waited", async () => {
    const desk = await loadDesk(t.db, lead, NOW);
    expect(desk.proposals).toEqual([
      expect.objectContaining({ id: id.E, childName: "Eva Förslag", outcome: "openInvestigation", proposerName: "Johan Berg", waitedDays: 4 }),
    ]);
    expect((await loadDesk(t.db, cw, NOW)).proposals.map((p) => p.childName)).toEqual(["Frida Eget"]);
    expect(desk.unassigned.map((c) => c.childName)).toEqual(["Alva Igår", "Bo Idag"]);
    expect(desk.caseworkers.map((c) => c.name).sort()).toEqual(["Johan Berg", "Sara Lindqvist"]);
    expect((await loadDesk(t.db, cw, NOW)).unassigned).toEqual([]);
  });

  it("assigns from the list through the statechart; stale, foreign and caseworker attempts change nothing", async () => {
    const v = await version(id.A!);
    expect(await assignFromDesk(t.db, lead, form({ caseId: id.A!, version: String(v - 1), assignee: cw.id }), NOW)).toMatchObject({
      ok: false,
      status: 409,
      message: "refusal.stale",
    });
    expect(await assignFromDesk(t.db, lead, form({ caseId: id.A!, version: String(v), assignee: stranger.id }), NOW)).toMatchObject({
      ok: false,
      status: 400,
    });
    // A caseworker may take an unassigned case, never give it to someone else (the statechart's rule).
    expect(await assignFromDesk(t.db, cw, form({ caseId: id.A!, version: String(v), assignee: cw2.id }), NOW)).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(await assignFromDesk(t.db, stranger, form({ caseId: id.A!, version: String(v), assignee: cw.id }), NOW)).toMatchObject({
      ok: false,
    });
    expect(await version(id.A!)).toBe(v);

    const done = await assignFromDesk(t.db, lead, form({ caseId: id.A!, version: String(v), assignee: cw.id }), NOW);
    expect(done).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(cases).where(eq(cases.id, id.A!));
    expect(row!.assigneeId).toBe(cw.id);
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, id.A!));
    expect(events.at(-1)).toMatchObject({ type: "ASSIGNED", actorId: lead.id });
    expect((await counts(lead)).unassigned).toBe(1);
    expect((await counts(cw)).protection).toBe(1);
  });
  it("approves a waiting proposal from the desk through the statechart: event, letters, feedback and seal together", async () => {
    // A second proposal, on a school's report: approving it sends the school its feedback.
    const r = await report(t.db, "2026-03-12T09:00:00Z", { childName: "Ines Skolan", reporter: school });
    id.I = r.caseId;
    reportOf.I = r.reportId;
    await assign("I", cw2, "2026-03-12T10:00:00Z");
    await assess("I", "2026-03-12T11:00:00Z");
    await propose("I", cw2, "2026-03-19T09:00:00Z");

    const desk = await loadDesk(t.db, lead, NOW);
    expect(desk.proposals).toEqual([
      expect.objectContaining({ id: id.E, canApprove: true, canReturn: true, version: await version(id.E!) }),
      expect.objectContaining({ id: id.I, proposerName: "Johan Berg", waitedDays: 1, canApprove: true, reasoning: "Uppgifterna behöver utredas." }),
    ]);
    // The caseworker sees their case waiting, but may not approve it.
    expect((await loadDesk(t.db, cw2, NOW)).proposals.find((p) => p.id === id.I)).toMatchObject({ canApprove: false, canReturn: false });

    const stored = async (caseId: string) => ({
      version: await version(caseId),
      events: (await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))).length,
      letters: (await t.db.select().from(letters).where(eq(letters.caseId, caseId))).length,
      checkpoints: (await t.db.select().from(auditCheckpoints).where(eq(auditCheckpoints.caseId, caseId))).length,
    });
    const approve = (caseId: string, v: number) => form({ intent: "DECISION_APPROVED", caseId, version: String(v) });
    const before = await stored(id.I!);
    const v = before.version;

    // Stale, a caseworker, another unit's caseworker: refused, nothing written.
    expect(await deskAction(t.db, lead, approve(id.I!, v - 1), NOW)).toMatchObject({ ok: false, status: 409, message: "refusal.stale", caseId: id.I, form: "decide" });
    expect(await deskAction(t.db, cw, approve(id.I!, v), NOW)).toMatchObject({ ok: false, status: 409, message: "refusal.teamLeadOnly", caseId: id.I });
    expect(await deskAction(t.db, stranger, approve(id.I!, v), NOW)).toMatchObject({ ok: false, status: 404, caseId: id.I });
    expect(await stored(id.I!)).toEqual(before);

    const done = await deskAction(t.db, lead, approve(id.I!, v), NOW);
    expect(done).toMatchObject({ ok: true, done: "approved" });
    expect(done.ok && done.referenceNumber).toMatch(/^VRN-/);
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, id.I!)).orderBy(caseEvents.seq);
    expect(events.at(-1)).toMatchObject({ type: "DECISION_APPROVED", actorId: lead.id, seq: v + 1 });
    const sent = await t.db.select().from(letters).where(and(eq(letters.caseId, id.I!), eq(letters.eventSeq, v + 1)));
    expect(sent.map((l) => l.kind)).toContain("feedback");
    expect((await stored(id.I!)).checkpoints).toBe(before.checkpoints + 1);
    expect((await loadDesk(t.db, lead, NOW)).proposals.map((p) => p.id)).toEqual([id.E]);
  });

  it("refuses to approve one's own proposal from the desk, and returns it with a comment instead", async () => {
    const v = await version(id.F!);
    // The team lead proposed F: not in their queue, and the statechart refuses it if posted anyway.
    const own = await deskAction(t.db, lead, form({ intent: "DECISION_APPROVED", caseId: id.F!, version: String(v) }), NOW);
    expect(own).toMatchObject({ ok: false, status: 409, message: "refusal.proposerCannotApprove", caseId: id.F });
    expect(await version(id.F!)).toBe(v);

    const vE = await version(id.E!);
    const blank = await deskAction(t.db, lead, form({ intent: "DECISION_RETURNED", caseId: id.E!, version: String(vE), comment: "  " }), NOW);
    expect(blank).toMatchObject({ ok: false, status: 400, message: "field.required", caseId: id.E, form: "return" });
    expect(await version(id.E!)).toBe(vE);
    const returned = await deskAction(
      t.db,
      lead,
      form({ intent: "DECISION_RETURNED", caseId: id.E!, version: String(vE), comment: "Komplettera med skolans uppgifter." }),
      NOW,
    );
    expect(returned).toMatchObject({ ok: true, done: "returned" });
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, id.E!)).orderBy(caseEvents.seq);
    expect(events.at(-1)).toMatchObject({ type: "DECISION_RETURNED", actorId: lead.id });
    expect((await loadDesk(t.db, lead, NOW)).proposals).toEqual([]);
  });

  it("counts a possible match (a child without personnummer) until it is answered, linked to exactly that case", async () => {
    // Two reports on one child, neither with a personnummer, the same name and date of birth.
    const earlier = await report(t.db, "2026-03-18T09:00:00Z", { childName: "Jonna Matchsson" });
    const later = await report(t.db, "2026-03-19T09:00:00Z", { childName: "Jonna Matchsson" });
    expect((await counts(lead)).match).toBe(1);
    expect((await counts(cw)).match).toBe(0); // nobody's own case until it is assigned
    const desk = await loadDesk(t.db, lead, NOW);
    const inbox = await loadInbox(t.db, lead, new URL(`http://x${desk.counts.find((c) => c.item === "match")!.href}`), NOW);
    expect(inbox.rows.map((r) => r.id)).toEqual([later.caseId]);

    const [match] = await t.db.select().from(possibleMatches).where(eq(possibleMatches.caseId, later.caseId));
    expect(match).toMatchObject({ candidateCaseId: earlier.caseId, status: "pending" });
    const rejected = await rejectMatch(t.db, {
      matchId: match!.id,
      caseId: later.caseId,
      expectedVersion: await version(later.caseId),
      user: lead,
      comment: "Olika barn: skolan bekräftar två elever med samma namn.",
    });
    expect(rejected).toEqual({ ok: true });
    expect((await counts(lead)).match).toBe(0);
  });

  it("says on a proposal what the letters its approval sends would lack: anyone to go to, or an address", async () => {
    const proposal = async (key: string, childName: string, outcome: string, guardian?: { name: string; address: string | null }) => {
      const r = await report(t.db, "2026-03-16T09:00:00Z", { childName });
      id[key] = r.caseId;
      reportOf[key] = r.reportId;
      await assign(key, cw, "2026-03-16T10:00:00Z");
      await assess(key, "2026-03-16T11:00:00Z");
      if (guardian) {
        const fact = { type: "GUARDIAN_ADDED" as const, guardianId: crypto.randomUUID(), ...guardian, custody: true, confirmed: true, reason: "Folkbokföringen." };
        await act(key, cw, fact, "2026-03-16T12:00:00Z");
      }
      await act(key, cw, { type: "DECISION_PROPOSED", outcome, reasoning: "Skäl.", support: [], childNotHeardReason: "Barnet ville inte." } as CommandInput, "2026-03-17T09:00:00Z");
    };
    // The decision letter goes to the guardians: one without an address is named.
    await proposal("J", "Jens Utanadress", "noInvestigation", { name: "Anna Johansson", address: null });
    // The notice of an investigation, with no guardian in the case: it would reach no one.
    await proposal("K", "Kim Ingen", "openInvestigation");
    // Already investigated: no letter to the family, nothing to say.
    await proposal("L", "Lo Redan", "alreadyInvestigated");
    // With the address, nothing is missing.
    await proposal("M", "Mira Medadress", "noInvestigation", { name: "Eva Mor", address: "Storgatan 2\n453 30 Lysekil" });
    // A violence case: its approval sends no notice (the social services decide how to inform), so nothing to lack yet.
    const r = await report(t.db, "2026-03-16T09:00:00Z", { childName: "Nora Våld" });
    id.N = r.caseId;
    reportOf.N = r.reportId;
    await assign("N", cw, "2026-03-16T10:00:00Z");
    await act("N", cw, { type: "VIOLENCE_FLAG_SET", kinds: ["familyViolence"], reason: "Uppgift från förskolan." }, "2026-03-16T10:30:00Z");
    await assess("N", "2026-03-16T11:00:00Z");
    await act("N", cw, { type: "DECISION_PROPOSED", outcome: "openInvestigation", reasoning: "Skäl.", support: [], childNotHeardReason: "Barnet ska höras i utredningen." }, "2026-03-17T09:00:00Z");

    const proposals = (await loadDesk(t.db, lead, NOW)).proposals;
    const warningsOf = (key: string) => proposals.find((p) => p.id === id[key])!.letterWarnings;
    expect(warningsOf("J")).toEqual([{ key: "recipientWithoutAddress", names: ["Anna Johansson"] }]);
    expect(warningsOf("K")).toEqual([{ key: "noGuardianForLetters" }]);
    expect(warningsOf("L")).toEqual([]);
    expect(warningsOf("M")).toEqual([]);
    expect(warningsOf("N")).toEqual([]);
    expect((await loadCasePage(t.db, lead, id.N!, NOW))!.warnings).toEqual([]);
    // The case page says the same before the team lead approves there.
    expect((await loadCasePage(t.db, lead, id.J!, NOW))!.warnings).toEqual([{ key: "recipientWithoutAddress", names: ["Anna Johansson"] }]);
    // The caseworker who proposed may not approve, but can still put the address in while it waits: told too.
    const mine = (await loadDesk(t.db, cw, NOW)).proposals;
    expect(mine.find((p) => p.id === id.J)!.letterWarnings).toEqual([{ key: "recipientWithoutAddress", names: ["Anna Johansson"] }]);
    expect(mine.find((p) => p.id === id.N)!.letterWarnings).toEqual([]);
    expect((await loadCasePage(t.db, cw, id.J!, NOW))!.warnings).toEqual([{ key: "recipientWithoutAddress", names: ["Anna Johansson"] }]);
    expect((await loadCasePage(t.db, cw, id.K!, NOW))!.warnings).toEqual([{ key: "noGuardianForLetters" }]);
    expect((await loadCasePage(t.db, cw, id.N!, NOW))!.warnings).toEqual([]);
  });
});
