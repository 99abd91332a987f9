import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { accessLog, caseEvents, cases, letters } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import type { SessionUser } from "../auth/session.server";
import { ensureDefaultUnit } from "../units.server";
import { attachmentHeader, downloadLetter, loadCasePage, performCaseAction } from "./case-page.server";
import { runCaseCommand } from "./commands.server";
import { createStaff, report } from "../../test/testing.server";

const NOW = new Date("2026-03-20T10:00:00Z");

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  }
  return data;
}

describe.each(testDatabaseKinds())("the case page (%s)", (kind) => {
  let t: TestDatabase;
  let caseworker: SessionUser;
  let teamLead: SessionUser;
  let otherTeamLead: SessionUser;

  async function stored(caseId: string) {
    const [row] = await t.db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
    const [events] = await t.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.caseId, caseId));
    const [lettersCount] = await t.db.select({ n: count() }).from(letters).where(eq(letters.caseId, caseId));
    return { version: row!.version, events: events!.n, letters: lettersCount!.n };
  }

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const unitId = await ensureDefaultUnit(t.db);
    caseworker = await createStaff(t.db, unitId, "caseworker", "Sara Lindqvist");
    teamLead = await createStaff(t.db, unitId, "teamLead", "Maria Holm");
    otherTeamLead = await createStaff(t.db, unitId, "teamLead", "Karl Enhetschef");
  });
  afterAll(() => t.drop());

  it("shows every report in full, oldest first, hides a protected address, and logs the read", async () => {
    const first = await report(t.db, "2026-03-18T09:00:00Z", {
      childName: "Ida Skyddad",
      child: {
        name: "Ida Skyddad",
        personalNumber: "201403122384",
        birthDate: "2014-03-12",
        address: "Hemliga vägen 1",
        school: null,
        whereabouts: null,
        protectedIdentity: true,
      },
      reporter: { kind: "private", anonymous: true },
      concern: { what: "<script>alert(1)</script> Första oron.", when: null, duration: null, ifNothing: null, childKnows: "no" },
    });
    await report(t.db, "2026-03-19T09:00:00Z", {
      child: {
        name: "Ida Skyddad",
        personalNumber: "201403122384",
        birthDate: "2014-03-12",
        address: "Hemliga vägen 1",
        school: null,
        whereabouts: null,
        protectedIdentity: false,
      },
      concern: { what: "Andra oron.", when: null, duration: null, ifNothing: null, childKnows: "yes" },
      interpreterLanguage: "arabiska",
    });

    const page = await loadCasePage(t.db, caseworker, first.caseId, NOW);
    expect(page).not.toBeNull();
    expect(page!.reports.map((r) => r.concernWhat)).toEqual(["<script>alert(1)</script> Första oron.", "Andra oron."]);
    expect(page!.reports[0]).toMatchObject({ anonymous: true, reporterName: null, childAddress: null });
    expect(page!.reports[1]).toMatchObject({ reporterName: "Lena Granne", interpreterLanguage: "arabiska", childAddress: null });
    expect(page!.reports.every((r) => r.guardians.every((g) => g.address === null))).toBe(true);
    expect(page!.addressProtected).toBe(true);
    expect(page!.child).toMatchObject({ name: "Ida Skyddad", personalNumber: "201403122384", address: null });
    expect(JSON.stringify(page)).not.toContain("Hemliga vägen");
    expect(page!.events.map((e) => e.type)).toEqual(["CASE_OPENED", "REPORT_ADDED"]);
    expect(page!.case).toMatchObject({ state: "received", version: 2 });
    expect(page!.deadlines[0]).toMatchObject({ kind: "protectionAssessment", due: "2026-03-18", governing: true });
    expect(page!.deadlines[0]!.status).toMatchObject({ overdue: true, daysLeft: -2 });
    expect(page!.commands).toContain("PROTECTION_ASSESSED");
    // A caseworker may take the unassigned case, for themselves only.
    expect(page!.commands).toContain("ASSIGNED");
    expect(page!.formContext.staff).toEqual([{ id: caseworker.id, name: "Sara Lindqvist" }]);
    expect(page!.commands).not.toContain("REPORT_ADDED");
    // The reports' guardians are suggestions; nobody is invited before staff confirm them.
    expect(page!.formContext.invitees).toEqual([{ name: "Ida Skyddad", role: "child", addressMissing: false }]);
    expect(page!.facts.suggestions.map((g) => [g.name, g.status, g.address])).toEqual([
      ["Anna Johansson", "new", null],
      ["Anna Johansson", "new", null],
    ]);
    // Both reports wait for their own protection assessment.
    expect(page!.formContext.unassessed.map((r) => r.id)).toEqual(page!.reports.map((r) => r.id));

    const logged = await t.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.caseId, first.caseId), eq(accessLog.userId, caseworker.id)));
    expect(logged.map((l) => l.action)).toEqual(["view"]);

    // A team lead sees the assignment form, with the unit's caseworkers to choose from.
    const lead = await loadCasePage(t.db, teamLead, first.caseId, NOW);
    expect(lead!.commands).toContain("ASSIGNED");
    expect(lead!.formContext.staff).toEqual([{ id: caseworker.id, name: "Sara Lindqvist" }]);
  });

  it("a malformed or unknown case id is not found, without an error", async () => {
    expect(await loadCasePage(t.db, caseworker, "not-a-uuid", NOW)).toBeNull();
    expect(await loadCasePage(t.db, caseworker, "00000000-0000-4000-8000-000000000000", NOW)).toBeNull();
    expect(await performCaseAction(t.db, caseworker, "x'; drop table cases; --", form({ intent: "NOTE_ADDED" }), NOW)).toEqual({
      ok: false,
      status: 404,
    });
  });

  it("applies a valid command and stores its event", async () => {
    const r = await report(t.db, "2026-03-20T08:00:00Z", { childName: "Jonna Giltig" });
    const outcome = await performCaseAction(
      t.db,
      caseworker,
      r.caseId,
      form({ intent: "PROTECTION_ASSESSED", version: "1", reportId: r.reportId, needsProtection: "no", assessment: "Inget akut skyddsbehov." }),
      NOW,
    );
    // The first caseworker to act took the case: ASSIGNED, then the assessment.
    expect(outcome).toEqual({ ok: true, intent: "PROTECTION_ASSESSED", version: 3 });
    const page = await loadCasePage(t.db, caseworker, r.caseId, NOW);
    expect(page!.case.state).toBe("preliminaryAssessment.planning");
    expect(page!.record.protection).toMatchObject({ needsProtection: false, assessment: "Inget akut skyddsbehov." });
    expect(page!.assignee).toEqual({ id: caseworker.id, name: "Sara Lindqvist" });
    expect(page!.events.map((e) => e.type)).toEqual(["CASE_OPENED", "ASSIGNED", "PROTECTION_ASSESSED"]);
  });

  it("refuses invalid input with 400 and field errors, storing nothing", async () => {
    const r = await report(t.db, "2026-03-20T08:00:00Z", { childName: "Kim Ogiltig" });
    const before = await stored(r.caseId);
    const outcome = await performCaseAction(
      t.db,
      caseworker,
      r.caseId,
      form({ intent: "PROTECTION_ASSESSED", version: "1", needsProtection: "kanske", assessment: "  " }),
      NOW,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok || outcome.status === 404) throw new Error("expected a 400");
    expect(outcome.status).toBe(400);
    expect(outcome.data.reply?.error).toMatchObject({
      needsProtection: ["field.invalidChoice"],
      assessment: ["field.required"],
    });
    expect(await stored(r.caseId)).toEqual(before);
  });

  it("refuses a forged intent, a missing version and a command the state does not offer with 400", async () => {
    const r = await report(t.db, "2026-03-20T08:00:00Z", { childName: "Lo Förfalskad" });
    const before = await stored(r.caseId);
    const forged = await performCaseAction(t.db, caseworker, r.caseId, form({ intent: "DROP_CASE", version: "1" }), NOW);
    expect(forged).toMatchObject({ ok: false, status: 400, data: { message: "cases.error.unknownCommand" } });
    const reportAdded = await performCaseAction(t.db, caseworker, r.caseId, form({ intent: "REPORT_ADDED", version: "1" }), NOW);
    expect(reportAdded).toMatchObject({ ok: false, status: 400, data: { message: "cases.error.unknownCommand" } });
    const noVersion = await performCaseAction(t.db, caseworker, r.caseId, form({ intent: "NOTE_ADDED", text: "Hej" }), NOW);
    expect(noVersion).toMatchObject({ ok: false, status: 400, data: { message: "form.stale" } });
    // No protection assessment yet: no conversation can be recorded.
    const early = await performCaseAction(
      t.db,
      caseworker,
      r.caseId,
      form({ intent: "CONVERSATION_HELD", version: "1", participants: "Anna Johansson", notes: "Samtal." }),
      NOW,
    );
    expect(early).toMatchObject({ ok: false, status: 400, data: { message: "cases.error.notAvailable" } });
    // Giving the case to someone else is for team leads only.
    const assign = await performCaseAction(
      t.db,
      caseworker,
      r.caseId,
      form({ intent: "ASSIGNED", version: "1", assignee: teamLead.id }),
      NOW,
    );
    expect(assign).toMatchObject({ ok: false, status: 400 });
    expect(await stored(r.caseId)).toEqual(before);
  });

  it("refuses a stale version with 409 and the Swedish reload message, storing nothing", async () => {
    const r = await report(t.db, "2026-03-20T08:00:00Z", { childName: "Mio Inaktuell" });
    const note = (version: string) =>
      performCaseAction(t.db, caseworker, r.caseId, form({ intent: "NOTE_ADDED", version, text: "Anteckning." }), NOW);
    expect(await note("1")).toMatchObject({ ok: true, version: 3 });
    const before = await stored(r.caseId);
    const stale = await note("1");
    expect(stale).toMatchObject({ ok: false, status: 409, data: { intent: "NOTE_ADDED", message: "refusal.stale" } });
    if (!stale.ok && stale.status === 409) expect(stale.data.reply?.error?.[""]).toEqual(["refusal.stale"]);
    expect(await stored(r.caseId)).toEqual(before);

    // The same race through the command service: the second of two writers loses.
    const direct = await runCaseCommand(t.db, {
      caseId: r.caseId,
      expectedVersion: 1,
      user: caseworker,
      command: { type: "NOTE_ADDED", text: "För sent." },
    });
    expect(direct).toEqual({ ok: false, refusal: "stale" });
    expect(await stored(r.caseId)).toEqual(before);
  });

  it("a violence-flagged case offers no invitation, and a forced one writes nothing", async () => {
    const r = await report(t.db, "2026-03-20T08:00:00Z", { childName: "Nils Våld", violenceKinds: ["honourViolence"] });
    const assessed = await runCaseCommand(
      t.db,
      {
        caseId: r.caseId,
        expectedVersion: 1,
        user: caseworker,
        command: { type: "PROTECTION_ASSESSED", reportId: r.reportId, needsProtection: false, assessment: "Inget akut skyddsbehov idag." },
      },
      NOW,
    );
    expect(assessed.ok).toBe(true);
    const page = await loadCasePage(t.db, caseworker, r.caseId, NOW);
    expect(page!.flags.violence).toBe(true);
    expect(page!.commands).not.toContain("INVITATION_SENT");
    expect(page!.commands).toContain("DECISION_PROPOSED");

    const before = await stored(r.caseId);
    const invitation = {
      type: "INVITATION_SENT" as const,
      date: "2026-03-25",
      time: "10:00",
      place: "Socialkontoret",
      invitees: ["Anna Johansson"],
    };
    const direct = await runCaseCommand(t.db, { caseId: r.caseId, expectedVersion: 3, user: caseworker, command: invitation }, NOW);
    expect(direct).toEqual({ ok: false, refusal: "violenceNoInvitation" });
    const viaPage = await performCaseAction(
      t.db,
      caseworker,
      r.caseId,
      form({ intent: "INVITATION_SENT", version: "3", date: "2026-03-25", time: "10:00", place: "Socialkontoret", invitees: "Anna Johansson" }),
      NOW,
    );
    expect(viaPage).toMatchObject({ ok: false, status: 400, data: { message: "cases.error.notAvailable" } });
    expect(await stored(r.caseId)).toEqual(before);
  });

  it("the proposer cannot approve their own decision; another team lead can", async () => {
    const r = await report(t.db, "2026-03-20T08:00:00Z", { childName: "Otto Fyraögon" });
    await runCaseCommand(
      t.db,
      { caseId: r.caseId, expectedVersion: 1, user: teamLead, command: { type: "PROTECTION_ASSESSED", reportId: r.reportId, needsProtection: false, assessment: "Inget akut." } },
      NOW,
    );
    await performCaseAction(
      t.db,
      teamLead,
      r.caseId,
      form({ intent: "GUARDIAN_ADDED", version: "2", name: "Anna Johansson", custody: "yes", confirmed: "yes", reason: "Folkbokföringen." }),
      NOW,
    );
    const proposed = await performCaseAction(
      t.db,
      teamLead,
      r.caseId,
      form({
        intent: "DECISION_PROPOSED",
        version: "3",
        outcome: "noInvestigation",
        reasoning: "Oron är bemött av skolan.",
        support: ["parentalSupport", "youthCentre"],
        childNotHeardReason: "Barnet är på läger.",
      }),
      NOW,
    );
    expect(proposed).toMatchObject({ ok: true, version: 4 });

    const own = await loadCasePage(t.db, teamLead, r.caseId, NOW);
    expect(own!.commands).not.toContain("DECISION_APPROVED");
    expect(own!.commands).toContain("DECISION_RETURNED");
    expect(own!.record.proposal).toMatchObject({ outcome: "noInvestigation", support: ["parentalSupport", "youthCentre"] });

    const before = await stored(r.caseId);
    const direct = await runCaseCommand(
      t.db,
      { caseId: r.caseId, expectedVersion: 4, user: teamLead, command: { type: "DECISION_APPROVED" } },
      NOW,
    );
    expect(direct).toEqual({ ok: false, refusal: "proposerCannotApprove" });
    const viaPage = await performCaseAction(t.db, teamLead, r.caseId, form({ intent: "DECISION_APPROVED", version: "4" }), NOW);
    expect(viaPage).toMatchObject({ ok: false, status: 400 });
    expect(await stored(r.caseId)).toEqual(before);

    const approved = await performCaseAction(t.db, otherTeamLead, r.caseId, form({ intent: "DECISION_APPROVED", version: "4" }), NOW);
    expect(approved).toMatchObject({ ok: true, version: 5 });
    const after = await loadCasePage(t.db, otherTeamLead, r.caseId, NOW);
    expect(after!.case.state).toBe("supportOffered");
    expect(after!.letters.map((l) => l.kind).sort()).toEqual(["decision", "receipt"]);
  });

  it("a refusal of the statechart on the payload is a 409 with the message at its field", async () => {
    const r = await report(t.db, "2026-03-20T08:00:00Z", { childName: "Pia Förläng" });
    const before = await stored(r.caseId);
    // The form's own check already knows the current deadline …
    const early = await performCaseAction(
      t.db,
      caseworker,
      r.caseId,
      form({ intent: "DEADLINE_EXTENDED", version: "1", deadline: "decision", until: "2026-04-01", reason: "Synnerliga skäl." }),
      NOW,
    );
    expect(early).toMatchObject({ ok: false, status: 400 });
    if (!early.ok && early.status === 400) {
      expect(early.data.reply?.error?.until).toEqual(["cases.error.extensionNotLater|date=2026-04-03"]);
    }
    // … and a command the machine refuses gets its refusal code.
    const direct = await runCaseCommand(
      t.db,
      {
        caseId: r.caseId,
        expectedVersion: 1,
        user: caseworker,
        command: { type: "DEADLINE_EXTENDED", deadline: "investigation", until: "2026-09-01", reason: "Skäl." },
      },
      NOW,
    );
    expect(direct).toEqual({ ok: false, refusal: "investigationExtensionNeedsApproval" });
    expect(await stored(r.caseId)).toEqual(before);
  });

  it("an invitation stores one letter per confirmed invitee; the download returns the archived bytes and is logged", async () => {
    const r = await report(t.db, "2026-03-20T08:00:00Z", { childName: "Rut Kallad" });
    await runCaseCommand(
      t.db,
      { caseId: r.caseId, expectedVersion: 1, user: caseworker, command: { type: "PROTECTION_ASSESSED", reportId: r.reportId, needsProtection: false, assessment: "Inget akut." } },
      NOW,
    );
    await performCaseAction(
      t.db,
      caseworker,
      r.caseId,
      form({ intent: "GUARDIAN_ADDED", version: "3", name: "Anna Johansson", custody: "yes", confirmed: "yes", reason: "Folkbokföringen." }),
      NOW,
    );
    const sent = await performCaseAction(
      t.db,
      caseworker,
      r.caseId,
      form({
        intent: "INVITATION_SENT",
        version: "4",
        date: "2026-03-26",
        time: "13:30",
        place: "Socialkontoret, Kungsgatan 44",
        invitees: ["Anna Johansson", "Rut Kallad"],
      }),
      NOW,
    );
    expect(sent).toMatchObject({ ok: true, version: 5 });
    const page = await loadCasePage(t.db, caseworker, r.caseId, NOW);
    const invitations = page!.letters.filter((l) => l.kind === "invitation");
    // A child under 15 is invited through the guardians' letter.
    expect(invitations.map((l) => l.recipientName).sort()).toEqual(["Anna Johansson"]);

    const file = (await downloadLetter(t.db, caseworker, r.caseId, invitations[0]!.id, NOW)) as { fileName: string; pdf: Buffer } | null;
    const [archived] = await t.db.select({ pdf: letters.pdf }).from(letters).where(eq(letters.id, invitations[0]!.id));
    expect(file!.pdf.equals(archived!.pdf)).toBe(true);
    expect(file!.fileName).toBe(invitations[0]!.fileName);
    const logged = await t.db
      .select({ action: accessLog.action, detail: accessLog.detail })
      .from(accessLog)
      .where(and(eq(accessLog.caseId, r.caseId), eq(accessLog.action, "letter")));
    expect(logged).toEqual([{ action: "letter", detail: invitations[0]!.id }]);
    // A letter id of another case is not found through this case.
    const other = await report(t.db, "2026-03-20T08:00:00Z", { childName: "Sam Annat" });
    expect(await downloadLetter(t.db, caseworker, other.caseId, invitations[0]!.id, NOW)).toBeNull();
  });

  it("names the download safely", () => {
    expect(attachmentHeader("kallelse-VRN-2026-00001-Åsa Öberg.pdf")).toBe(
      "attachment; filename=\"kallelse-VRN-2026-00001-Asa Oberg.pdf\"; filename*=UTF-8''kallelse-VRN-2026-00001-%C3%85sa%20%C3%96berg.pdf",
    );
    expect(attachmentHeader('a"b\\c.pdf')).toContain('filename="a_b_c.pdf"');
  });
});
