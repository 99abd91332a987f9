/**
 * A child without personnummer: a report is matched to an earlier case by name and date of
 * birth (or age and school), shown to the caseworker as a possible match, and joined only when
 * the caseworker confirms it. Through the real services, on a real database.
 */
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { caseEvents, cases, possibleMatches, repeatReports, reports } from "../../db/schema";
import type { PersistedCase } from "../../workflows";
import { verifyHistory } from "../audit/verify.server";
import { loadCasePage } from "../cases/case-page.server";
import { runCaseCommand } from "../cases/commands.server";
import { createStaff, intakeInput, newCase, versionOf, type Staff } from "../../test/test-support";
import { validPersonalNumber } from "../../test/testing.server";
import type { IntakeInput } from "../intake/types";
import { confirmMatch, rejectMatch } from "./decide.server";
import { loadInbox } from "../cases/inbox.server";
import { loadMatches, performMatchAction } from "./matches.server";
import { proposeMatchesFor } from "./propose.server";

const DAY1 = new Date("2026-03-16T09:00:00Z");
const DAY2 = new Date("2026-03-17T09:00:00Z");
const NOW = new Date("2026-03-17T10:00:00Z");

function child(name: string, o: Partial<IntakeInput["child"]> = {}): Partial<IntakeInput> {
  return { child: { ...intakeInput().child, name, personalNumber: null, ...o } };
}

function withAge(age: number): Partial<IntakeInput> {
  return {
    details: { reporterRelation: null, childAge: age, childLivesWith: null, childView: null, policeReport: null, violenceAnswer: "no" },
  };
}

describe.each(testDatabaseKinds())("possible matches for a child without personnummer (%s)", (kind) => {
  let t: TestDatabase;
  let staff: Staff;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    staff = await createStaff(t.db);
  });
  afterAll(() => t.drop());

  const eventTypes = async (caseId: string) =>
    (await t.db.select({ type: caseEvents.type }).from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq))).map(
      (e) => e.type,
    );
  const caseRow = async (caseId: string) => (await t.db.select().from(cases).where(eq(cases.id, caseId)))[0]!;
  /** Which of these cases the inbox flags as waiting on a possible match (each found by its diarienummer). */
  const flaggedOnInbox = async (...found: { caseId: string; referenceNumber: string }[]) => {
    const flagged = new Set<string>();
    for (const { caseId, referenceNumber } of found) {
      const inbox = await loadInbox(t.db, staff.caseworker, new URL(`http://x/arenden?q=${encodeURIComponent(referenceNumber)}`), NOW);
      const row = inbox.rows.find((r) => r.id === caseId);
      if (!row) throw new Error(`${referenceNumber} is not on the inbox`);
      if (row.possibleMatch) flagged.add(caseId);
    }
    return flagged;
  };
  const problemsOf = async (...ids: string[]) => (await verifyHistory(t, { replay: true })).problems.filter((p) => ids.includes(p.caseId));

  it("a report matching an earlier case by name and date of birth is NOT joined; the new case shows the possible match", async () => {
    const earlier = await newCase(t.db, child("Åsa-Lena Öberg", { personalNumber: "201403122384", birthDate: "2014-03-12" }), DAY1);
    const later = await newCase(t.db, child("asa lena  OBERG", { birthDate: "2014-03-12", address: null }), DAY2);

    expect(later.caseId).not.toBe(earlier.caseId);
    expect(later.joinedExistingCase).toBe(false);
    expect((await caseRow(earlier.caseId)).reportCount).toBe(1);
    expect(await eventTypes(earlier.caseId)).toEqual(["CASE_OPENED"]);

    const matches = await loadMatches(t.db, staff.caseworker, later.caseId);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      basis: "nameAndBirthDate",
      candidate: {
        caseId: earlier.caseId,
        referenceNumber: earlier.referenceNumber,
        childName: "Åsa-Lena Öberg",
        birthDate: "2014-03-12",
        personalNumber: "201403122384",
        schools: [],
      },
      incoming: { childName: "asa lena  OBERG", birthDate: "2014-03-12" },
    });
    expect(await flaggedOnInbox(earlier, later)).toEqual(new Set([later.caseId]));
  });

  it("confirming joins the report to the earlier case: events on both cases, in one transaction; a stale page is refused", async () => {
    const earlier = await newCase(t.db, child("Noah Lindqvist", { birthDate: "2015-06-01" }), DAY1);
    const later = await newCase(t.db, child("Noah Lindqvist", { birthDate: "2015-06-01" }), DAY2);
    const [match] = await loadMatches(t.db, staff.caseworker, later.caseId);
    expect(match).toBeDefined();

    // A stale page (someone noted something on the new case since): refused, nothing written anywhere.
    const seen = await versionOf(t.db, later.caseId);
    await runCaseCommand(t.db, { caseId: later.caseId, expectedVersion: seen, user: staff.teamLead, command: { type: "NOTE_ADDED", text: "Ringde skolan." } });
    const stale = await confirmMatch(t.db, { matchId: match!.id, caseId: later.caseId, expectedVersion: seen, user: staff.caseworker, comment: "Samma barn." }, NOW);
    expect(stale).toEqual({ ok: false, refusal: "stale" });
    expect(await eventTypes(earlier.caseId)).toEqual(["CASE_OPENED"]);
    expect((await loadMatches(t.db, staff.caseworker, later.caseId))[0]!.status).toBe("pending");

    // A comment is required.
    const current = await versionOf(t.db, later.caseId);
    const bare = await confirmMatch(t.db, { matchId: match!.id, caseId: later.caseId, expectedVersion: current, user: staff.caseworker, comment: " " }, NOW);
    expect(bare).toEqual({ ok: false, refusal: "commentRequired" });

    const done = await confirmMatch(
      t.db,
      { matchId: match!.id, caseId: later.caseId, expectedVersion: current, user: staff.caseworker, comment: "Samma vårdnadshavare och skola." },
      NOW,
    );
    expect(done).toEqual({ ok: true, intoCaseId: earlier.caseId });

    // The new case ends as merged; the earlier case has the report with its own assessment and 14 days.
    expect(await eventTypes(later.caseId)).toEqual(["CASE_OPENED", "NOTE_ADDED", "CASE_MERGED"]);
    expect(await eventTypes(earlier.caseId)).toEqual(["CASE_OPENED", "REPORT_ADDED"]);
    const merged = await caseRow(later.caseId);
    expect(merged).toMatchObject({ open: false, state: "closed" });
    expect((merged.snapshot as PersistedCase).context.outcome).toBe("merged");
    const joined = await caseRow(earlier.caseId);
    expect(joined.reportCount).toBe(2);
    const moved = (joined.snapshot as PersistedCase).context.reports.find((r) => r.id === later.reportId)!;
    expect(moved).toMatchObject({ protection: null, protectionDue: "2026-03-17", decisionDue: "2026-03-31" });
    const [added] = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, earlier.caseId)).orderBy(asc(caseEvents.seq)).offset(1);
    expect(added!.event).toMatchObject({ joinedFrom: { caseId: later.caseId, referenceNumber: later.referenceNumber }, actor: { id: staff.caseworker.id } });
    const [row] = await t.db.select({ caseId: reports.caseId }).from(reports).where(eq(reports.id, later.reportId));
    expect(row!.caseId).toBe(earlier.caseId);
    const [stored] = await t.db.select().from(possibleMatches).where(eq(possibleMatches.id, match!.id));
    expect(stored).toMatchObject({ status: "confirmed", decidedById: staff.caseworker.id, comment: "Samma vårdnadshavare och skola." });

    // Both histories still verify (the moved report included), also replayed through the statechart.
    expect(await problemsOf(earlier.caseId, later.caseId)).toEqual([]);

    // Confirming again: the match is decided, nothing more is written.
    const again = await confirmMatch(t.db, { matchId: match!.id, caseId: later.caseId, expectedVersion: await versionOf(t.db, later.caseId), user: staff.caseworker, comment: "Igen." }, NOW);
    expect(again).toEqual({ ok: false, refusal: "decided" });
  });

  it("a new case already assessed cannot be merged; the earlier case is left as it was", async () => {
    const earlier = await newCase(t.db, child("Vera Holm", { birthDate: "2016-01-20" }), DAY1);
    const later = await newCase(t.db, child("Vera Holm", { birthDate: "2016-01-20" }), DAY2);
    const v = await versionOf(t.db, later.caseId);
    await runCaseCommand(t.db, {
      caseId: later.caseId,
      expectedVersion: v,
      user: staff.caseworker,
      command: { type: "PROTECTION_ASSESSED", reportId: later.reportId, needsProtection: false, assessment: "Inget akut." },
    });
    const [match] = await loadMatches(t.db, staff.caseworker, later.caseId);
    const refused = await confirmMatch(t.db, { matchId: match!.id, caseId: later.caseId, expectedVersion: await versionOf(t.db, later.caseId), user: staff.caseworker, comment: "Samma barn." }, NOW);
    expect(refused).toEqual({ ok: false, refusal: "alreadyAssessed" });
    expect(await eventTypes(earlier.caseId)).toEqual(["CASE_OPENED"]);
    const [row] = await t.db.select({ caseId: reports.caseId }).from(reports).where(eq(reports.id, later.reportId));
    expect(row!.caseId).toBe(later.caseId);
  });

  it("rejecting keeps the cases apart, is recorded, and the pair is never proposed again", async () => {
    const earlier = await newCase(t.db, child("Liam Berg", { birthDate: "2013-09-09" }), DAY1);
    const later = await newCase(t.db, child("Liam Berg", { birthDate: "2013-09-09" }), DAY2);
    const [match] = await loadMatches(t.db, staff.caseworker, later.caseId);

    const bare = await rejectMatch(t.db, { matchId: match!.id, caseId: later.caseId, expectedVersion: await versionOf(t.db, later.caseId), user: staff.caseworker, comment: "" }, NOW);
    expect(bare).toEqual({ ok: false, refusal: "commentRequired" });
    const done = await rejectMatch(
      t.db,
      { matchId: match!.id, caseId: later.caseId, expectedVersion: await versionOf(t.db, later.caseId), user: staff.caseworker, comment: "Annan vårdnadshavare: två olika barn." },
      NOW,
    );
    expect(done).toEqual({ ok: true });

    expect(await eventTypes(later.caseId)).toEqual(["CASE_OPENED", "MATCH_REJECTED"]);
    expect(await eventTypes(earlier.caseId)).toEqual(["CASE_OPENED"]);
    expect((await caseRow(later.caseId)).open).toBe(true);
    expect((await loadMatches(t.db, staff.caseworker, later.caseId)).filter((m) => m.status === "pending")).toEqual([]);
    expect(await flaggedOnInbox(later)).toEqual(new Set());

    // Looking again (as intake does) proposes nothing new for the pair.
    await t.db.transaction((tx) => proposeMatchesFor(tx, later.caseId, NOW));
    const stored = await t.db.select().from(possibleMatches).where(eq(possibleMatches.caseId, later.caseId));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: "rejected", decidedById: staff.caseworker.id, comment: "Annan vårdnadshavare: två olika barn." });
    expect(await problemsOf(earlier.caseId, later.caseId)).toEqual([]);
  });

  it("a different date of birth is not a match", async () => {
    await newCase(t.db, child("Ella Nyström", { birthDate: "2012-02-02" }), DAY1);
    const later = await newCase(t.db, child("Ella Nyström", { birthDate: "2012-02-03" }), DAY2);
    expect(await loadMatches(t.db, staff.caseworker, later.caseId)).toEqual([]);
  });

  it("without a date of birth: the same name, a compatible age and the same school is a match", async () => {
    const earlier = await newCase(t.db, { ...child("Hugo Sjöberg", { birthDate: null, school: "Gullmarsskolan" }), ...withAge(11) }, DAY1);
    const later = await newCase(t.db, { ...child("Hugo Sjoberg", { birthDate: null, school: " gullmarsskolan" }), ...withAge(12) }, DAY2);
    const [match] = await loadMatches(t.db, staff.caseworker, later.caseId);
    expect(match).toMatchObject({ basis: "nameAgeAndSchool", candidate: { caseId: earlier.caseId, schools: ["Gullmarsskolan"] } });

    // Another school, or an age far apart, is not.
    const otherSchool = await newCase(t.db, { ...child("Hugo Sjöberg", { birthDate: null, school: "Skaftö skola" }), ...withAge(11) }, DAY2);
    expect((await loadMatches(t.db, staff.caseworker, otherSchool.caseId)).map((m) => m.candidate.caseId)).not.toContain(earlier.caseId);
    const older = await newCase(t.db, { ...child("Hugo Sjöberg", { birthDate: null, school: "Gullmarsskolan" }), ...withAge(15) }, DAY2);
    expect((await loadMatches(t.db, staff.caseworker, older.caseId)).map((m) => m.candidate.caseId)).not.toContain(earlier.caseId);
  });

  /** Closes a case through the statechart: assessed, a decision without investigation, approved. */
  const closeCase = async (caseId: string, reportId: string, day: string) => {
    const act = async (user: Staff["caseworker"], command: Parameters<typeof runCaseCommand>[1]["command"], time: string) => {
      const result = await runCaseCommand(t.db, { caseId, expectedVersion: await versionOf(t.db, caseId), user, command }, new Date(`${day}T${time}Z`));
      if (!result.ok) throw new Error(`${command.type} refused: ${result.refusal}`);
    };
    await act(staff.caseworker, { type: "PROTECTION_ASSESSED", reportId, needsProtection: false, assessment: "Inget akut skyddsbehov." }, "10:00:00");
    await act(
      staff.caseworker,
      { type: "DECISION_PROPOSED", outcome: "noInvestigation", reasoning: "Ingen utredning.", support: [], childNotHeardReason: "Familjen har inte kunnat nås." },
      "11:00:00",
    );
    await act(staff.teamLead, { type: "DECISION_APPROVED" }, "12:00:00");
    expect((await caseRow(caseId)).open).toBe(false);
  };
  const repeatOf = async (reportId: string) => (await t.db.select().from(repeatReports).where(eq(repeatReports.reportId, reportId)))[0];
  const LONG_AGO = new Date("2025-09-01T09:00:00Z");
  const ALVA = validPersonalNumber("20111111", "238");
  const STINA = validPersonalNumber("20121212", "238");
  const TUVA = validPersonalNumber("20130113", "238");

  it("a child whose earlier case is closed is proposed, and joined only when confirmed: the same child, never a merge", async () => {
    const earlier = await newCase(t.db, child("Alva Strand", { birthDate: "2011-11-11", personalNumber: ALVA }), LONG_AGO);
    await closeCase(earlier.caseId, earlier.reportId, "2025-09-05");
    const earlierEvents = await eventTypes(earlier.caseId);
    const later = await newCase(t.db, child("alva  strand", { birthDate: "2011-11-11" }), DAY2);

    // Proposed, and nothing joined yet: the new case has a child record of its own, no repeat report.
    const [match] = await loadMatches(t.db, staff.caseworker, later.caseId);
    expect(match).toMatchObject({ basis: "nameAndBirthDate", status: "pending", candidate: { caseId: earlier.caseId, open: false, state: "closed" } });
    expect(await flaggedOnInbox(later)).toEqual(new Set([later.caseId]));
    expect((await caseRow(later.caseId)).childId).not.toBe((await caseRow(earlier.caseId)).childId);
    expect(await repeatOf(later.reportId)).toBeUndefined();

    const done = await confirmMatch(
      t.db,
      { matchId: match!.id, caseId: later.caseId, expectedVersion: await versionOf(t.db, later.caseId), user: staff.caseworker, comment: "Samma vårdnadshavare, samma adress." },
      NOW,
    );
    expect(done).toEqual({ ok: true, linkedTo: earlier.caseId });

    // The new case goes on (received, its report on it); the closed case is untouched.
    expect(await eventTypes(later.caseId)).toEqual(["CASE_OPENED", "CHILD_LINKED"]);
    expect(await eventTypes(earlier.caseId)).toEqual(earlierEvents);
    const linked = await caseRow(later.caseId);
    const before = await caseRow(earlier.caseId);
    expect(linked).toMatchObject({ open: true, state: "received", childId: before.childId, reportCount: 1 });
    const [event] = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, later.caseId)).orderBy(asc(caseEvents.seq)).offset(1);
    expect(event!.event).toMatchObject({
      candidateCaseId: earlier.caseId,
      candidateReferenceNumber: earlier.referenceNumber,
      childId: before.childId,
      comment: "Samma vårdnadshavare, samma adress.",
      actor: { id: staff.caseworker.id },
    });
    const [row] = await t.db.select({ caseId: reports.caseId }).from(reports).where(eq(reports.id, later.reportId));
    expect(row!.caseId).toBe(later.caseId);
    const [stored] = await t.db.select().from(possibleMatches).where(eq(possibleMatches.id, match!.id));
    expect(stored).toMatchObject({ status: "confirmed", decidedById: staff.caseworker.id });
    expect(await flaggedOnInbox(later)).toEqual(new Set());

    // The case page shows the child as known, with the earlier case; the report is a repeat report.
    const page = await loadCasePage(t.db, staff.caseworker, later.caseId, NOW);
    expect(page!.child).toMatchObject({ name: "Alva Strand", personalNumber: ALVA });
    expect(page!.childCases).toEqual([
      expect.objectContaining({ id: earlier.caseId, referenceNumber: earlier.referenceNumber, open: false, state: "closed", reportCount: 1 }),
    ]);
    expect(await repeatOf(later.reportId)).toMatchObject({ childId: before.childId, previousAt: LONG_AGO });
    const earlierPage = await loadCasePage(t.db, staff.caseworker, earlier.caseId, NOW);
    expect(earlierPage!.childCases.map((c) => c.id)).toEqual([later.caseId]);

    // Both histories verify, replayed too; and the link cannot be undone unseen.
    expect(await problemsOf(earlier.caseId, later.caseId)).toEqual([]);
    const { previousChildId } = event!.event as { previousChildId: string };
    await t.db.update(cases).set({ childId: previousChildId }).where(eq(cases.id, later.caseId));
    expect((await problemsOf(later.caseId)).map((p) => p.problem).join(" ")).toMatch(/child/);
    await t.db.update(cases).set({ childId: before.childId }).where(eq(cases.id, later.caseId));
    expect(await problemsOf(later.caseId)).toEqual([]);

    const again = await confirmMatch(t.db, { matchId: match!.id, caseId: later.caseId, expectedVersion: await versionOf(t.db, later.caseId), user: staff.caseworker, comment: "Igen." }, NOW);
    expect(again).toEqual({ ok: false, refusal: "decided" });
  });

  it("a closed case's match rejected is never proposed again, not even through the child's next case", async () => {
    const earlier = await newCase(t.db, child("Stina Berg", { birthDate: "2012-12-12", personalNumber: STINA }), LONG_AGO);
    await closeCase(earlier.caseId, earlier.reportId, "2025-09-05");
    const later = await newCase(t.db, child("Stina Berg", { birthDate: "2012-12-12" }), DAY2);
    const [match] = await loadMatches(t.db, staff.caseworker, later.caseId);
    expect(match!.candidate.caseId).toBe(earlier.caseId);
    const done = await rejectMatch(
      t.db,
      { matchId: match!.id, caseId: later.caseId, expectedVersion: await versionOf(t.db, later.caseId), user: staff.caseworker, comment: "Annan familj." },
      NOW,
    );
    expect(done).toEqual({ ok: true });
    const childId = (await caseRow(earlier.caseId)).childId;
    expect((await caseRow(later.caseId)).childId).not.toBe(childId);

    // The child gets a new case (by personnummer); looking again proposes nothing for this child.
    const next = await newCase(t.db, child("Stina Berg", { birthDate: "2012-12-12", personalNumber: STINA }), DAY2);
    expect((await caseRow(next.caseId)).childId).toBe(childId);
    await t.db.transaction((tx) => proposeMatchesFor(tx, later.caseId, NOW));
    expect(await t.db.select().from(possibleMatches).where(eq(possibleMatches.caseId, later.caseId))).toHaveLength(1);
    expect(await problemsOf(earlier.caseId, later.caseId, next.caseId)).toEqual([]);
  });

  it("one proposal per earlier child: its open case before its closed ones; a merged case's empty shell is never proposed", async () => {
    const first = await newCase(t.db, child("Tuva Lind", { birthDate: "2013-01-13", personalNumber: TUVA }), LONG_AGO);
    await closeCase(first.caseId, first.reportId, "2025-09-05");
    const second = await newCase(t.db, child("Tuva Lind", { birthDate: "2013-01-13", personalNumber: TUVA }), DAY1);
    const later = await newCase(t.db, child("Tuva Lind", { birthDate: "2013-01-13" }), DAY2);
    const matches = await loadMatches(t.db, staff.caseworker, later.caseId);
    expect(matches.map((m) => m.candidate.caseId)).toEqual([second.caseId]);

    // Merged into the open case, the later case is closed and holds no report: no candidate.
    const merged = await confirmMatch(
      t.db,
      { matchId: matches[0]!.id, caseId: later.caseId, expectedVersion: await versionOf(t.db, later.caseId), user: staff.caseworker, comment: "Samma barn." },
      NOW,
    );
    expect(merged).toEqual({ ok: true, intoCaseId: second.caseId });
    const third = await newCase(t.db, child("Tuva Lind", { birthDate: "2013-01-13" }), NOW);
    expect((await loadMatches(t.db, staff.caseworker, third.caseId)).map((m) => m.candidate.caseId)).toEqual([second.caseId]);
  });

  it("a child is confirmed as one earlier child only: a second closed case's match can then only be rejected", async () => {
    const one = await newCase(t.db, child("Ebba Ek", { birthDate: "2015-05-15", personalNumber: validPersonalNumber("20150515", "238") }), LONG_AGO);
    await closeCase(one.caseId, one.reportId, "2025-09-05");
    const two = await newCase(t.db, child("Ebba Ek", { birthDate: "2015-05-15", personalNumber: validPersonalNumber("20150515", "240") }), LONG_AGO);
    await closeCase(two.caseId, two.reportId, "2025-09-06");
    const later = await newCase(t.db, child("Ebba Ek", { birthDate: "2015-05-15" }), DAY2);
    const matches = await loadMatches(t.db, staff.caseworker, later.caseId);
    expect(matches.map((m) => m.candidate.caseId).sort()).toEqual([one.caseId, two.caseId].sort());
    const answer = (matchId: string, comment: string) => ({ matchId, caseId: later.caseId, user: staff.caseworker, comment });
    const first = matches.find((m) => m.candidate.caseId === one.caseId)!;
    const second = matches.find((m) => m.candidate.caseId === two.caseId)!;
    expect(await confirmMatch(t.db, { ...answer(first.id, "Samma mamma."), expectedVersion: await versionOf(t.db, later.caseId) }, NOW)).toEqual({ ok: true, linkedTo: one.caseId });
    expect(await confirmMatch(t.db, { ...answer(second.id, "Också samma?"), expectedVersion: await versionOf(t.db, later.caseId) }, NOW)).toEqual({ ok: false, refusal: "alreadyLinked" });
    expect((await caseRow(later.caseId)).childId).toBe((await caseRow(one.caseId)).childId);
    expect(await rejectMatch(t.db, { ...answer(second.id, "Annan familj."), expectedVersion: await versionOf(t.db, later.caseId) }, NOW)).toEqual({ ok: true });
    expect(await eventTypes(later.caseId)).toEqual(["CASE_OPENED", "CHILD_LINKED", "MATCH_REJECTED"]);
    expect(await problemsOf(later.caseId, one.caseId, two.caseId)).toEqual([]);
  });

  it("a child with a personnummer is matched by it, not by name", async () => {
    await newCase(t.db, child("Alma Strand", { birthDate: "2011-11-11" }), DAY1);
    const withNumber = await newCase(t.db, child("Alma Strand", { birthDate: "2011-11-11", personalNumber: validPersonalNumber("20111111", "240") }), DAY2);
    expect(await loadMatches(t.db, staff.caseworker, withNumber.caseId)).toEqual([]);
  });

  it("a protected child's address is not shown beside the match", async () => {
    await newCase(t.db, child("Selma Ek", { birthDate: "2017-04-04", protectedIdentity: true, address: "Hemlig väg 1" }), DAY1);
    const later = await newCase(t.db, child("Selma Ek", { birthDate: "2017-04-04", address: "Storgatan 2" }), DAY2);
    const [match] = await loadMatches(t.db, staff.caseworker, later.caseId);
    expect(match!.candidate).toMatchObject({ protectedIdentity: true, address: null });
    expect(JSON.stringify(match)).not.toContain("Hemlig väg");
  });

  it("protection staff set on either case hides both addresses beside the match: they may be the same child", async () => {
    const protect = async (caseId: string) => {
      const result = await runCaseCommand(
        t.db,
        { caseId, expectedVersion: await versionOf(t.db, caseId), user: staff.caseworker, command: { type: "PROTECTED_IDENTITY_SET", person: "child", protectedIdentity: true, reason: "Skatteverket." } },
        NOW,
      );
      expect(result.ok).toBe(true);
    };
    // This case protected by staff: the new report's own address for the child is withheld.
    await newCase(t.db, child("Tova Testsson", { birthDate: "2016-05-05", address: "Första gatan 1" }), DAY1);
    const later = await newCase(t.db, child("Tova Testsson", { birthDate: "2016-05-05", address: "Hemliga gatan 7" }), DAY2);
    await protect(later.caseId);
    const [match] = await loadMatches(t.db, staff.caseworker, later.caseId);
    expect(match!.incoming.address).toBeNull();
    expect(JSON.stringify(match)).not.toMatch(/Hemliga gatan|Första gatan/);

    // The earlier case protected by staff: its child may be this one, so neither address shows.
    const earlier = await newCase(t.db, child("Ture Testsson", { birthDate: "2015-06-06", address: "Dolda vägen 2" }), DAY1);
    await protect(earlier.caseId);
    const newer = await newCase(t.db, child("Ture Testsson", { birthDate: "2015-06-06", address: "Nya vägen 3" }), DAY2);
    const [other] = await loadMatches(t.db, staff.caseworker, newer.caseId);
    expect(other!.candidate).toMatchObject({ protectedIdentity: true, address: null });
    expect(JSON.stringify(other)).not.toMatch(/Dolda vägen|Nya vägen/);
  });

  it("staff of another unit see no matches", async () => {
    const other = await createStaff(t.db, "Annan enhet");
    await newCase(t.db, child("Ivar Dahl", { birthDate: "2010-10-10" }), DAY1);
    const later = await newCase(t.db, child("Ivar Dahl", { birthDate: "2010-10-10" }), DAY2);
    expect(await loadMatches(t.db, staff.caseworker, later.caseId)).toHaveLength(1);
    expect(await loadMatches(t.db, other.caseworker, later.caseId)).toEqual([]);
  });

  it("from the case page: the inbox flags the new case; a missing comment is named beside the field and nothing is stored", async () => {
    await newCase(t.db, child("Olle Vik", { birthDate: "2014-05-05" }), DAY1);
    const later = await newCase(t.db, child("Olle Vik", { birthDate: "2014-05-05" }), DAY2);
    const inbox = await loadInbox(t.db, staff.caseworker, new URL("http://x/arenden?q=Olle%20Vik"), NOW);
    expect(inbox.rows.find((r) => r.id === later.caseId)?.possibleMatch).toBe(true);
    // Without a search too: the filter "possible match waiting" lists it, flagged.
    const waiting = await loadInbox(t.db, staff.caseworker, new URL("http://x/arenden?match=pending"), NOW);
    expect(waiting.rows.find((r) => r.id === later.caseId)?.possibleMatch).toBe(true);
    expect(waiting.rows.every((r) => r.possibleMatch)).toBe(true);

    const [match] = await loadMatches(t.db, staff.caseworker, later.caseId);
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) data.append(k, v);
      return data;
    };
    const version = String(await versionOf(t.db, later.caseId));
    const bare = await performMatchAction(t.db, staff.caseworker, later.caseId, form({ intent: "matchConfirm", matchId: match!.id, version, comment: "" }), NOW);
    expect(bare).toMatchObject({ ok: false, status: 400, data: { field: "comment", message: "matching.refusal.commentRequired" } });
    const control = await performMatchAction(t.db, staff.caseworker, later.caseId, form({ intent: "matchReject", matchId: match!.id, version, comment: "a\u0000b" }), NOW);
    expect(control).toMatchObject({ ok: false, status: 400, data: { field: "comment", message: "field.controlChars" } });
    const forged = await performMatchAction(t.db, staff.caseworker, later.caseId, form({ intent: "matchConfirm", matchId: "not-a-uuid", version, comment: "x" }), NOW);
    expect(forged).toMatchObject({ ok: false, status: 400 });
    expect(await eventTypes(later.caseId)).toEqual(["CASE_OPENED"]);

    const done = await performMatchAction(t.db, staff.caseworker, later.caseId, form({ intent: "matchReject", matchId: match!.id, version, comment: "Olika barn." }), NOW);
    expect(done).toEqual({ ok: true, intent: "matchReject", done: "matchReject", caseId: later.caseId });
    const after = await loadInbox(t.db, staff.caseworker, new URL("http://x/arenden?q=Olle%20Vik"), NOW);
    expect(after.rows.find((r) => r.id === later.caseId)?.possibleMatch).toBe(false);
    expect((await loadInbox(t.db, staff.caseworker, new URL("http://x/arenden?match=pending"), NOW)).rows.map((r) => r.id)).not.toContain(later.caseId);
  });
});
