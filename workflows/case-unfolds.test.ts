/**
 * A case as it really unfolds (issue 6): every later report gets its own assessment, no
 * decision without a protection assessment, the facts are the staff's, four eyes for
 * everyone, time that makes sense, feedback that reaches the school, the older child.
 * Each `it` names a failure that was reproduced on the first machine.
 */
import { describe, expect, it } from "vitest";

import {
  availableCommands,
  caseChildAddress,
  nextDeadline,
  openCase,
  recipientsWithoutAddress,
  stateName,
  type Actor,
  type CaseCommand,
  type CommandOf,
  type PersistedCase,
  type ReportRef,
} from "./index";
import { accept, caseworker, opened, otherCaseworker, refusalOf, report, run, system, teamLead } from "./testing";

const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 2, 20 + day, hour, 0, 0)).toISOString();

const assess = (reportId: string, day: number, needsProtection = false): CaseCommand => ({
  type: "PROTECTION_ASSESSED",
  at: at(day),
  actor: caseworker,
  reportId,
  needsProtection,
  assessment: needsProtection ? "Akut skyddsbehov." : "Inget akut skyddsbehov.",
});
const addReport = (r: Partial<ReportRef>, day: number): CaseCommand => ({
  type: "REPORT_ADDED",
  at: at(day),
  actor: system,
  report: report({ id: "r-2", receivedAt: at(day), ...r }),
});
const invite = (o: Partial<CommandOf<"INVITATION_SENT">> = {}): CaseCommand => ({
  type: "INVITATION_SENT",
  at: at(1),
  actor: caseworker,
  date: "2026-03-26",
  time: "10:00",
  place: "Socialkontoret",
  invitees: ["Elsa Exempel", "Mamma"],
  ...o,
});
const held = (participants = ["Elsa Exempel", "Mamma"], when = at(6, 10)): CaseCommand => ({
  type: "CONVERSATION_HELD",
  at: when,
  actor: caseworker,
  participants,
  notes: "Samtal.",
});
const propose = (o: Partial<CommandOf<"DECISION_PROPOSED">> = {}, actor: Actor = caseworker): CaseCommand =>
  ({
    type: "DECISION_PROPOSED",
    at: at(7),
    actor,
    outcome: "noInvestigation",
    reasoning: "Familjen tar emot stöd.",
    support: ["parentalSupport"],
    ...o,
  }) as CaseCommand;
const approve = (actor: Actor = teamLead, day = 8): CaseCommand => ({ type: "DECISION_APPROVED", at: at(day), actor });
const answer = (o: Partial<CommandOf<"SUPPORT_ACCEPTED">> = {}): CaseCommand => ({
  type: "SUPPORT_ACCEPTED",
  at: at(12),
  actor: caseworker,
  ...o,
});
const conclude = (when = at(40)): CaseCommand => ({
  type: "INVESTIGATION_CONCLUDED",
  at: when,
  actor: caseworker,
  outcome: "none",
  support: [],
  summary: "Klar.",
});

const fresh = (o: Parameters<typeof opened>[0] = {}) => openCase(opened(o)).snapshot;
const planning = () => run(fresh(), assess("r-1", 0));
const conversationHeld = () => run(planning(), invite(), held());
const awaiting = () => run(conversationHeld(), propose());
const investigating = () =>
  run(planning(), propose({ outcome: "openInvestigation", support: [], childNotHeardReason: "Våldsärende." }), approve());
const supportOffered = () => run(awaiting(), approve());

const OPEN: [string, () => PersistedCase][] = [
  ["received", () => fresh()],
  ["preliminaryAssessment.planning", planning],
  ["preliminaryAssessment.invited", () => run(planning(), invite())],
  ["preliminaryAssessment.conversationHeld", conversationHeld],
  ["awaitingApproval", awaiting],
  ["investigation", investigating],
  ["supportOffered", supportOffered],
];

describe("a later report is assessed, whatever the state", () => {
  for (const [name, make] of OPEN) {
    it(`${name}: a report added gets its own protection deadline, shown first`, () => {
      // Received at 17:00 Stockholm on day 20: assessed by the next day.
      const s = run(make(), addReport({ receivedAt: "2026-04-09T15:00:00.000Z" }, 20));
      const joined = s.context.reports.find((r) => r.id === "r-2")!;
      expect(joined.protectionDue).toBe("2026-04-10");
      expect(joined.decisionDue).toBe("2026-04-23");
      expect(joined.protection).toBeNull();
      // In received the first report's own deadline (the same day) is still the earliest.
      expect(nextDeadline(s)).toEqual({ kind: "protectionAssessment", due: name === "received" ? "2026-03-20" : "2026-04-10" });
      expect(availableCommands(s, caseworker)).toContain("PROTECTION_ASSESSED");
      const assessed = run(s, assess("r-2", 20));
      expect(assessed.context.reports.find((r) => r.id === "r-2")!.protection?.assessment).toBe("Inget akut skyddsbehov.");
    });

    it(`${name}: approval and closure are refused while the report is unassessed`, () => {
      const s = run(make(), addReport({}, 20));
      for (const type of ["DECISION_APPROVED", "SUPPORT_ACCEPTED", "SUPPORT_DECLINED", "INVESTIGATION_CONCLUDED", "DECISION_PROPOSED"] as const) {
        expect(availableCommands(s, teamLead)).not.toContain(type);
        expect(availableCommands(s, caseworker)).not.toContain(type);
      }
      if (name === "awaitingApproval") expect(refusalOf(s, approve(teamLead, 21))).toBe("reportUnassessed");
      if (name === "investigation") expect(refusalOf(s, conclude())).toBe("reportUnassessed");
    });

    it(`${name}: a violence report opens the way to an investigation`, () => {
      const joined = run(make(), addReport({ violence: true, violenceKinds: ["familyViolence"] }, 20), assess("r-2", 20));
      const s = joined.context.reports.some((r) => !r.protection) ? run(joined, assess("r-1", 20)) : joined;
      expect(s.context.flags.violence).toBe(true);
      expect(availableCommands(s, caseworker)).not.toContain("INVITATION_SENT");
      const state = stateName(s);
      if (state === "investigation") return;
      if (state === "awaitingApproval") {
        // The proposal not to investigate can no longer be approved; it goes back.
        expect(refusalOf(s, approve(teamLead, 21))).toBe("onlyInvestigationForViolence");
        return;
      }
      expect(state.startsWith("preliminaryAssessment")).toBe(true);
      const proposed = run(
        s,
        propose({ at: at(21), outcome: "openInvestigation", support: [], childNotHeardReason: "Våldsärende." }),
      );
      expect(stateName(run(proposed, approve(teamLead, 22)))).toBe("investigation");
    });
  }

  it("a report joining a case with support offered is not closed away: the case goes back to a preliminary assessment", () => {
    const s = run(supportOffered(), addReport({}, 10));
    expect(stateName(s)).toBe("preliminaryAssessment.planning");
    expect(s.context.deadlines.decision).toMatchObject({ due: "2026-04-13", metAt: null });
    expect(refusalOf(s, answer())).toBe("notAllowedInState");
    const back = run(s, assess("r-2", 10), propose({ at: at(11), childNotHeardReason: "Ej nåbar." }), approve(teamLead, 12));
    expect(stateName(back)).toBe("supportOffered");
    expect(back.context.reports.every((r) => r.decidedAt !== null)).toBe(true);
  });

  it("a later report needing protection opens an investigation at once, from any state", () => {
    const s = run(awaiting(), addReport({}, 9), assess("r-2", 9, true));
    expect(stateName(s)).toBe("investigation");
    expect(s.context.proposal).toBeNull();
    expect(s.context.flags.urgent).toBe(true);
  });

  it("the feedback 'no investigation' goes only to reports someone looked at", () => {
    const s = run(awaiting(), addReport({ id: "r-2" }, 7));
    expect(refusalOf(s, approve())).toBe("reportUnassessed");
    const { effects } = accept(run(s, assess("r-2", 7)), approve());
    expect(effects).toContainEqual({ type: "sendFeedback", params: { outcome: "notOpened", reportIds: ["r-1", "r-2"] } });
  });
});

describe("no decision without a protection assessment", () => {
  it("a violence case cannot go from received to a decision", () => {
    const v = fresh({ report: report({ violence: true }) });
    expect(availableCommands(v, caseworker)).not.toContain("DECISION_PROPOSED");
    expect(refusalOf(v, propose({ outcome: "openInvestigation", support: [], childNotHeardReason: "x" }))).toBe(
      "notAllowedInState",
    );
  });
});

describe("the facts are the staff's", () => {
  const guardian = (o: Partial<CommandOf<"GUARDIAN_ADDED">> = {}): CaseCommand => ({
    type: "GUARDIAN_ADDED",
    at: at(0),
    actor: caseworker,
    guardianId: "g-1",
    name: "Mamma",
    address: "Storgatan 1\n453 30 Lysekil",
    custody: true,
    confirmed: true,
    reason: "Kontrollerat i folkbokföringen.",
    ...o,
  });

  it("names who a letter would reach with no address: not a guardian whose address is withheld, not one who gets no letters", () => {
    const s = run(
      planning(),
      guardian(),
      guardian({ guardianId: "g-2", name: "Pappa", address: null }),
      guardian({ guardianId: "g-3", name: "Granne", address: null, confirmed: false }),
      guardian({ guardianId: "g-4", name: "Farmor", address: "  ", custody: true }),
    );
    expect(recipientsWithoutAddress(s.context, "Storgatan 1", at(1))).toEqual(["Pappa", "Farmor"]);
    const withheld = run(s, { type: "PROTECTED_IDENTITY_SET", at: at(1), actor: caseworker, person: "g-2", protectedIdentity: true, reason: "Skatteverket." });
    expect(recipientsWithoutAddress(withheld.context, "Storgatan 1", at(1))).toEqual(["Farmor"]);
    // The child's protected identity leaves every address off: nothing is missing, all withheld.
    const child = run(s, { type: "PROTECTED_IDENTITY_SET", at: at(1), actor: caseworker, person: "child", protectedIdentity: true, reason: "Skatteverket." });
    expect(recipientsWithoutAddress(child.context, null, at(1))).toEqual([]);
  });

  it("counts the child once they get their own letters, at 15", () => {
    const born = (birthDate: string) => openCase(opened({ child: { name: "Elsa Exempel", protectedIdentity: false, birthDate } })).snapshot;
    expect(recipientsWithoutAddress(born("2010-01-15").context, null, at(0))).toEqual(["Elsa Exempel"]);
    expect(recipientsWithoutAddress(born("2010-01-15").context, "Storgatan 1", at(0))).toEqual([]);
    expect(recipientsWithoutAddress(born("2012-01-15").context, null, at(0))).toEqual([]);
  });

  it("each change says why, and a guardian suspected of the violence is never invited", () => {
    expect(refusalOf(planning(), guardian({ reason: " " }))).toBe("reasonRequired");
    const s = run(planning(), guardian(), {
      type: "GUARDIAN_SUSPECTED",
      at: at(1),
      actor: caseworker,
      guardianId: "g-1",
      suspected: true,
      reason: "Barnet berättar att mamma slår.",
    });
    expect(s.context.guardians[0]).toMatchObject({ suspected: true, confirmed: true });
    expect(refusalOf(s, invite())).toBe("suspectedGuardianInvited");
    expect(accept(s, invite({ invitees: ["Elsa Exempel"] })).ok).toBe(true);
  });

  it("correct, confirm and remove a guardian; set and clear the violence flag; protected identity", () => {
    const s = run(
      planning(),
      guardian({ confirmed: false }),
      { type: "GUARDIAN_CORRECTED", at: at(1), actor: caseworker, guardianId: "g-1", name: "Maria Exempel", address: "Ny väg 2", custody: true, reason: "Anmälaren gissade namnet." },
      { type: "GUARDIAN_CONFIRMED", at: at(1), actor: caseworker, guardianId: "g-1", reason: "Folkbokföringen." },
      { type: "PROTECTED_IDENTITY_SET", at: at(1), actor: caseworker, person: "g-1", protectedIdentity: true, reason: "Skyddad folkbokföring." },
      { type: "VIOLENCE_FLAG_SET", at: at(1), actor: caseworker, kinds: ["honourViolence"], reason: "Framkom i samtal med skolan." },
    );
    expect(s.context.guardians).toEqual([
      { id: "g-1", name: "Maria Exempel", address: "Ny väg 2", custody: true, confirmed: true, suspected: false, protectedIdentity: true },
    ]);
    expect(s.context.flags).toMatchObject({ violence: true, violenceKinds: ["honourViolence"] });
    const cleared = run(s, { type: "VIOLENCE_FLAG_CLEARED", at: at(2), actor: caseworker, reason: "Uppgiften var felaktig." });
    expect(cleared.context.flags.violence).toBe(false);
    const removed = run(cleared, { type: "GUARDIAN_REMOVED", at: at(2), actor: caseworker, guardianId: "g-1", reason: "Har inte vårdnaden." });
    expect(removed.context.guardians).toEqual([]);
    expect(refusalOf(removed, { type: "GUARDIAN_CONFIRMED", at: at(2), actor: caseworker, guardianId: "g-1", reason: "x" })).toBe("guardianNotFound");
  });

  it("a case with no guardian offers nothing to do to a guardian, only adding one", () => {
    const GUARDIAN_ACTS = ["GUARDIAN_CONFIRMED", "GUARDIAN_CORRECTED", "GUARDIAN_REMOVED", "GUARDIAN_SUSPECTED"] as const;
    const none = planning();
    expect(none.context.guardians).toEqual([]);
    for (const type of GUARDIAN_ACTS) expect(availableCommands(none, caseworker)).not.toContain(type);
    expect(availableCommands(none, caseworker)).toContain("GUARDIAN_ADDED");
    // Protection can still be set for the child.
    expect(availableCommands(none, caseworker)).toContain("PROTECTED_IDENTITY_SET");
    const one = run(none, guardian());
    for (const type of GUARDIAN_ACTS) expect(availableCommands(one, caseworker)).toContain(type);
    const removed = run(one, { type: "GUARDIAN_REMOVED", at: at(2), actor: caseworker, guardianId: "g-1", reason: "Har inte vårdnaden." });
    for (const type of GUARDIAN_ACTS) expect(availableCommands(removed, caseworker)).not.toContain(type);
  });

  it("the child's address is the staff's once given: before that the child's record stands", () => {
    const s = planning();
    expect(s.context.child).toMatchObject({ address: null, addressCorrected: false });
    expect(caseChildAddress(s.context, "Skolvägen 3")).toBe("Skolvägen 3");
    const given = run(s, { type: "CHILD_ADDRESS_CORRECTED", at: at(1), actor: caseworker, address: "Nygatan 3", reason: "Folkbokföringen." });
    expect(caseChildAddress(given.context, "Skolvägen 3")).toBe("Nygatan 3");
    const unknown = run(given, { type: "CHILD_ADDRESS_CORRECTED", at: at(2), actor: caseworker, address: null, reason: "Utflyttad, ny adress okänd." });
    expect(caseChildAddress(unknown.context, "Skolvägen 3")).toBeNull();
    expect(refusalOf(s, { type: "CHILD_ADDRESS_CORRECTED", at: at(1), actor: caseworker, address: "Nygatan 3", reason: " " })).toBe("reasonRequired");
  });

  it("a correction without an address keeps the address; with null it clears it", () => {
    const s = run(planning(), guardian({ address: "Hemliga gränd 7" }));
    const correct = (address?: string | null) =>
      run(s, { type: "GUARDIAN_CORRECTED", at: at(1), actor: caseworker, guardianId: "g-1", name: "Maria Exempel", custody: false, reason: "Rättat ur folkbokföringen.", ...(address === undefined ? {} : { address }) });
    expect(correct().context.guardians[0]).toMatchObject({ name: "Maria Exempel", address: "Hemliga gränd 7", custody: false });
    expect(correct(null).context.guardians[0]).toMatchObject({ address: null });
    expect(correct("Ny väg 2").context.guardians[0]).toMatchObject({ address: "Ny väg 2" });
    expect(refusalOf(s, { type: "GUARDIAN_CORRECTED", at: at(1), actor: caseworker, guardianId: "g-1", name: "M", custody: true, reason: "x", address: 7 as unknown as string })).toBe("invalidEvent");
  });
});

describe("time that makes sense", () => {
  it("a conversation cannot be recorded as held before its booked time", () => {
    const invited = run(planning(), invite({ date: "2026-03-26", time: "10:00" }));
    // 26 Mar 10:00 Stockholm is 09:00Z; 25 Mar 01:36 is well before.
    expect(refusalOf(invited, held(undefined, "2026-03-25T00:36:00.000Z"))).toBe("conversationBeforeBooking");
    expect(refusalOf(invited, held(undefined, "2026-03-26T08:59:00.000Z"))).toBe("conversationBeforeBooking");
    expect(accept(invited, held(undefined, "2026-03-26T09:00:00.000Z")).ok).toBe(true);
  });

  it("an investigation's conclusion cannot precede its opening", () => {
    expect(refusalOf(investigating(), conclude(at(7)))).toBe("conclusionBeforeOpening");
  });
});

describe("four eyes for everyone", () => {
  const deputy: Actor = { ...otherCaseworker, deputyApprover: true };

  it("a team lead's own proposal is approved by the unit's deputy approver, never by the team lead", () => {
    const s = run(conversationHeld(), propose({}, teamLead));
    expect(refusalOf(s, approve(teamLead))).toBe("proposerCannotApprove");
    expect(refusalOf(s, approve(otherCaseworker))).toBe("teamLeadOnly");
    expect(availableCommands(s, deputy)).toContain("DECISION_APPROVED");
    expect(stateName(run(s, approve(deputy)))).toBe("supportOffered");
  });
});

describe("feedback that reaches the school", () => {
  it("a mandated report joining an investigation gets 'utredning pågår redan'", () => {
    const s = run(investigating(), addReport({ id: "r-2", mandatedReporter: true }, 10));
    const { effects } = accept(s, assess("r-2", 10));
    expect(effects).toEqual([{ type: "sendFeedback", params: { outcome: "alreadyUnderway", reportIds: ["r-2"] } }]);
  });

  it("none for a private or anonymous reporter", () => {
    const s = run(investigating(), addReport({ id: "r-2", mandatedReporter: false }, 10));
    expect(accept(s, assess("r-2", 10)).effects).toEqual([]);
  });

  it("a transfer tells the school the case went elsewhere", () => {
    const s = run(conversationHeld(), propose({ outcome: "transfer", support: [], transferTo: "Uddevalla kommun" }));
    expect(accept(s, approve()).effects).toEqual([
      { type: "sendFeedback", params: { outcome: "transferred", reportIds: ["r-1"] } },
    ]);
  });
});

describe("the older child", () => {
  const sixteen = () => openCase(opened({ child: { name: "Elsa Exempel", protectedIdentity: false, birthDate: "2010-01-15" } })).snapshot;

  it("a 16-year-old gives their own answer on support", () => {
    const offered = run(sixteen(), assess("r-1", 0), invite(), held(), propose(), approve());
    expect(refusalOf(offered, answer())).toBe("childAnswerRequired");
    const s = run(offered, answer({ childAnswer: "declined" }));
    expect(s.context.supportAnswer).toMatchObject({ answer: "accepted", childAnswer: "declined" });
  });

  it("'not heard' is judged from who took part in the conversation, not from the state", () => {
    const withoutChild = run(planning(), invite(), held(["Mamma"]));
    expect(stateName(withoutChild)).toBe("preliminaryAssessment.conversationHeld");
    expect(refusalOf(withoutChild, propose())).toBe("childNotHeardReasonRequired");
    expect(accept(conversationHeld(), propose()).ok).toBe(true);
  });
});
