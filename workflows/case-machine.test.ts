import { describe, expect, it } from "vitest";
import { transition } from "xstate";
import {
  availableCommands,
  can,
  CASE_MACHINE_VERSION,
  caseMachine,
  COMMAND_TYPES,
  decide,
  isClosed,
  nextDeadline,
  openCase,
  type Actor,
  type CaseCommand,
  type CommandOf,
  type PersistedCase,
  type ReportRef,
  REFUSAL_CODES,
  stateName,
} from "./index";
import {
  accept,
  caseworker,
  opened,
  otherCaseworker,
  otherTeamLead,
  publicActor,
  refusalOf,
  report,
  run,
  system,
  teamLead,
} from "./testing";

// ── event builders: valid by default, override what a test is about ──

const T = {
  assessed: "2026-03-20T12:00:00.000Z",
  invited: "2026-03-21T08:00:00.000Z",
  held: "2026-03-25T09:00:00.000Z",
  proposed: "2026-03-26T09:00:00.000Z",
  approved: "2026-03-27T10:00:00.000Z",
  later: "2026-04-01T10:00:00.000Z",
};

function assess(needsProtection: boolean, o: Partial<CommandOf<"PROTECTION_ASSESSED">> = {}): CaseCommand {
  return {
    type: "PROTECTION_ASSESSED",
    at: T.assessed,
    actor: caseworker,
    reportId: "r-1",
    needsProtection,
    assessment: needsProtection ? "Akut risk, barnet skyddsplaceras." : "Inget akut skyddsbehov.",
    ...o,
  };
}

function invite(o: Partial<CommandOf<"INVITATION_SENT">> = {}): CaseCommand {
  return {
    type: "INVITATION_SENT",
    at: T.invited,
    actor: caseworker,
    date: "2026-03-25",
    time: "10:00",
    place: "Socialkontoret, Kungsgatan 1",
    invitees: ["Vårdnadshavare 1", "Elsa"],
    ...o,
  };
}

function held(o: Partial<CommandOf<"CONVERSATION_HELD">> = {}): CaseCommand {
  return {
    type: "CONVERSATION_HELD",
    at: T.held,
    actor: caseworker,
    participants: ["Elsa Exempel", "Mamma"],
    notes: "Elsa berättar om skolan.",
    ...o,
  };
}

function propose(o: Partial<CommandOf<"DECISION_PROPOSED">> = {}): CaseCommand {
  return {
    type: "DECISION_PROPOSED",
    at: T.proposed,
    actor: caseworker,
    outcome: "noInvestigation",
    reasoning: "Familjen har egna resurser.",
    support: [],
    ...o,
  } as CaseCommand;
}

function approve(actor: Actor = teamLead, at = T.approved): CaseCommand {
  return { type: "DECISION_APPROVED", at, actor };
}

function returned(comment = "Komplettera med barnets syn.", actor: Actor = teamLead): CaseCommand {
  return { type: "DECISION_RETURNED", at: T.approved, actor, comment };
}

function extend(o: Partial<CommandOf<"DEADLINE_EXTENDED">> = {}): CaseCommand {
  return {
    type: "DEADLINE_EXTENDED",
    at: T.later,
    actor: caseworker,
    deadline: "decision",
    until: "2026-04-17",
    reason: "Synnerliga skäl: tolk saknas.",
    ...o,
  };
}

function addReport(r: Partial<ReportRef>, actor: Actor = system): CaseCommand {
  return { type: "REPORT_ADDED", at: T.later, actor, report: report({ id: "r-2", ...r }) };
}

function note(text: string, actor: Actor = caseworker): CaseCommand {
  return { type: "NOTE_ADDED", at: T.later, actor, text };
}

function conclude(o: Partial<CommandOf<"INVESTIGATION_CONCLUDED">> = {}): CaseCommand {
  return {
    type: "INVESTIGATION_CONCLUDED",
    at: "2026-06-01T10:00:00.000Z",
    actor: caseworker,
    outcome: "none",
    support: [],
    summary: "Utredningen avslutas utan insats.",
    ...o,
  };
}

const noticeSent: CaseCommand = {
  type: "INVESTIGATION_NOTICE_SENT",
  at: T.later,
  actor: caseworker,
};

// ── cases in known states ──

const fresh = () => openCase(opened()).snapshot;
const violent = () => openCase(opened({ report: report({ violence: true }) })).snapshot;
const planning = () => run(fresh(), assess(false));
const invited = () => run(planning(), invite());
const conversationHeld = () => run(invited(), held());
const awaiting = (o: Partial<CommandOf<"DECISION_PROPOSED">> = {}) =>
  run(conversationHeld(), propose(o));
const investigating = () => run(awaiting({ outcome: "openInvestigation", reasoning: "" }), approve());
const supportOffered = () =>
  run(awaiting({ support: ["parentalSupport", "youthCentre"] }), approve());
const closed = () => run(awaiting(), approve());

describe("openCase", () => {
  it("starts in received with the report, flags and deadlines", () => {
    const { snapshot, effects } = openCase(opened());
    expect(stateName(snapshot)).toBe("received");
    expect(snapshot.machineVersion).toBe(CASE_MACHINE_VERSION);
    expect(effects).toEqual([]);
    const c = snapshot.context;
    expect(c.caseId).toBe("case-1");
    expect(c.referenceNumber).toBe("ORO-2026-0001");
    expect(c.reports.map((r) => r.id)).toEqual(["r-1"]);
    expect(c.flags).toEqual({ violence: false, violenceKinds: [], protectedIdentity: false, urgent: false });
    expect(c.assignee).toBeNull();
    expect(c.deadlines).toEqual({
      protectionAssessment: { due: "2026-03-20", metAt: null },
      decision: { due: "2026-04-03", originalDue: "2026-04-03", extensions: [], metAt: null },
      investigation: null,
    });
    expect(nextDeadline(snapshot)).toEqual({ kind: "protectionAssessment", due: "2026-03-20" });
  });

  it("takes the deadlines from the report's arrival in Stockholm time (late evening, DST night)", () => {
    const { snapshot } = openCase(
      opened({ report: report({ receivedAt: "2026-03-28T22:30:00.000Z" }) }),
    );
    expect(snapshot.context.deadlines.protectionAssessment.due).toBe("2026-03-29");
    expect(snapshot.context.deadlines.decision.due).toBe("2026-04-11");
  });

  it("flags violence and protected identity from the report or the child", () => {
    const v = openCase(opened({ report: report({ violence: true }) })).snapshot;
    expect(v.context.flags.violence).toBe(true);
    const p1 = openCase(opened({ report: report({ protectedIdentity: true }) })).snapshot;
    expect(p1.context.flags.protectedIdentity).toBe(true);
    const p2 = openCase(opened({ child: { name: "X", protectedIdentity: true } })).snapshot;
    expect(p2.context.flags.protectedIdentity).toBe(true);
  });

  it("throws on a malformed CASE_OPENED", () => {
    expect(() => openCase(opened({ caseId: "" }))).toThrow(/caseId/);
    expect(() => openCase(opened({ at: "2026-03-20 10:00" }))).toThrow(/at must be/);
    expect(() => openCase(opened({ report: report({ receivedAt: "igår" }) }))).toThrow(/receivedAt/);
  });
});

describe("protection assessment (skyddsbedömning)", () => {
  it("without need for protection starts the preliminary assessment in planning", () => {
    const { snapshot, effects } = accept(fresh(), assess(false));
    expect(stateName(snapshot)).toBe("preliminaryAssessment.planning");
    expect(effects).toEqual([]);
    expect(snapshot.context.protection).toEqual({
      needsProtection: false,
      assessment: "Inget akut skyddsbehov.",
      at: T.assessed,
      by: caseworker,
    });
    expect(snapshot.context.deadlines.protectionAssessment.metAt).toBe(T.assessed);
    expect(snapshot.context.flags.urgent).toBe(false);
    expect(nextDeadline(snapshot)).toEqual({ kind: "decision", due: "2026-04-03" });
  });

  it("with need for protection opens an urgent investigation at once", () => {
    const { snapshot, effects } = accept(fresh(), assess(true));
    expect(stateName(snapshot)).toBe("investigation");
    const c = snapshot.context;
    expect(c.flags.urgent).toBe(true);
    expect(c.deadlines.decision.metAt).toBe(T.assessed);
    expect(c.deadlines.investigation).toEqual({
      due: "2026-07-20",
      originalDue: "2026-07-20",
      extensions: [],
      openedAt: T.assessed,
      concludedAt: null,
    });
    expect(c.investigationNotice).toEqual({ sentAt: T.assessed, by: caseworker });
    expect(effects).toEqual([
      { type: "sendLetter", params: { letter: "investigationNotice" } },
      { type: "sendFeedback", params: { outcome: "investigationOpened", reportIds: ["r-1"] } },
    ]);
    expect(nextDeadline(snapshot)).toEqual({ kind: "investigation", due: "2026-07-20" });
  });

  it("in a violence case opens the investigation without telling the guardians", () => {
    const { snapshot, effects } = accept(violent(), assess(true));
    expect(stateName(snapshot)).toBe("investigation");
    expect(snapshot.context.investigationNotice).toBeNull();
    expect(effects).toEqual([
      { type: "sendFeedback", params: { outcome: "investigationOpened", reportIds: ["r-1"] } },
    ]);
  });

  it("needs a written assessment", () => {
    expect(refusalOf(fresh(), assess(false, { assessment: "  " }))).toBe("assessmentRequired");
    expect(refusalOf(fresh(), assess(true, { assessment: "" }))).toBe("assessmentRequired");
  });

  it("is staff work and happens once per report", () => {
    expect(refusalOf(fresh(), assess(false, { actor: publicActor }))).toBe("staffOnly");
    expect(refusalOf(fresh(), assess(false, { actor: system }))).toBe("staffOnly");
    expect(refusalOf(planning(), assess(false))).toBe("reportAlreadyAssessed");
    expect(availableCommands(planning(), caseworker)).not.toContain("PROTECTION_ASSESSED");
    expect(refusalOf(fresh(), assess(false, { reportId: "r-404" }))).toBe("reportNotOnCase");
  });
});

describe("invitation and conversation (kallelse, samtal)", () => {
  it("sending an invitation records it and asks for the letter", () => {
    const { snapshot, effects } = accept(planning(), invite());
    expect(stateName(snapshot)).toBe("preliminaryAssessment.invited");
    expect(effects).toEqual([{ type: "sendLetter", params: { letter: "invitation" } }]);
    expect(snapshot.context.invitation).toEqual({
      date: "2026-03-25",
      time: "10:00",
      place: "Socialkontoret, Kungsgatan 1",
      invitees: ["Vårdnadshavare 1", "Elsa"],
      sentAt: T.invited,
      sentBy: caseworker,
    });
  });

  it("is refused in a violence-flagged case", () => {
    const s = run(violent(), assess(false));
    expect(refusalOf(s, invite())).toBe("violenceNoInvitation");
    expect(availableCommands(s, caseworker)).not.toContain("INVITATION_SENT");
  });

  it("is refused once a violence report joins the case later", () => {
    const s = run(planning(), addReport({ violence: true }));
    expect(s.context.flags.violence).toBe(true);
    expect(refusalOf(s, invite())).toBe("violenceNoInvitation");
  });

  it("needs a real date and time, a place and invitees, not in the past", () => {
    expect(refusalOf(planning(), invite({ date: "2026-02-30" }))).toBe("invalidDate");
    expect(refusalOf(planning(), invite({ time: "25:00" }))).toBe("invalidDate");
    expect(refusalOf(planning(), invite({ place: " " }))).toBe("invitationDetailsRequired");
    expect(refusalOf(planning(), invite({ invitees: [] }))).toBe("invitationDetailsRequired");
    expect(refusalOf(planning(), invite({ date: "2026-03-20" }))).toBe("invitationDateInPast");
    // The same Stockholm day is fine.
    expect(accept(planning(), invite({ date: "2026-03-21" })).ok).toBe(true);
  });

  it("cannot be sent before the protection assessment or twice", () => {
    expect(refusalOf(fresh(), invite())).toBe("notAllowedInState");
    expect(refusalOf(invited(), invite())).toBe("notAllowedInState");
  });

  it("a held conversation records who took part and the notes", () => {
    const s = run(invited(), held());
    expect(stateName(s)).toBe("preliminaryAssessment.conversationHeld");
    expect(s.context.conversation).toEqual({
      participants: ["Elsa Exempel", "Mamma"],
      notes: "Elsa berättar om skolan.",
      heldAt: T.held,
      recordedBy: caseworker,
    });
  });

  it("a conversation needs participants and notes, and an invitation first", () => {
    expect(refusalOf(invited(), held({ participants: [] }))).toBe("participantsRequired");
    expect(refusalOf(invited(), held({ participants: [""] }))).toBe("participantsRequired");
    expect(refusalOf(invited(), held({ notes: "" }))).toBe("notesRequired");
    expect(refusalOf(planning(), held())).toBe("notAllowedInState");
  });

  it("a no-show goes back to planning and a new invitation can be sent", () => {
    const s = run(invited(), { type: "NO_SHOW", at: T.held, actor: caseworker, note: "Ingen kom." });
    expect(stateName(s)).toBe("preliminaryAssessment.planning");
    expect(s.context.noShows).toBe(1);
    expect(s.context.invitation).toBeNull();
    const again = run(s, invite({ at: T.held, date: "2026-03-30" }));
    expect(stateName(again)).toBe("preliminaryAssessment.invited");
    expect(refusalOf(planning(), { type: "NO_SHOW", at: T.held, actor: caseworker })).toBe(
      "notAllowedInState",
    );
  });
});

describe("proposing a decision", () => {
  it("records the proposal, who made it and where from", () => {
    const s = awaiting();
    expect(stateName(s)).toBe("awaitingApproval");
    expect(s.context.proposal).toEqual({
      outcome: "noInvestigation",
      reasoning: "Familjen har egna resurser.",
      support: [],
      childNotHeardReason: null,
      transferTo: null,
      feedbackWithheldReason: null,
      proposedBy: caseworker,
      proposedAt: T.proposed,
      proposedFrom: "preliminaryAssessment.conversationHeld",
    });
    expect(nextDeadline(s)).toEqual({ kind: "decision", due: "2026-04-03" });
  });

  it("from any substate of the preliminary assessment", () => {
    const reason = { childNotHeardReason: "Barnet är två månader." };
    expect(stateName(run(planning(), propose(reason)))).toBe("awaitingApproval");
    expect(stateName(run(invited(), propose(reason)))).toBe("awaitingApproval");
  });

  it("without a conversation needs the reason the child was not heard", () => {
    expect(refusalOf(planning(), propose())).toBe("childNotHeardReasonRequired");
    expect(refusalOf(invited(), propose({ childNotHeardReason: " " }))).toBe(
      "childNotHeardReasonRequired",
    );
    expect(accept(conversationHeld(), propose()).ok).toBe(true);
  });

  it("not to investigate needs a written reasoning", () => {
    expect(refusalOf(conversationHeld(), propose({ reasoning: "" }))).toBe("reasoningRequired");
    expect(accept(conversationHeld(), propose({ outcome: "openInvestigation", reasoning: "" })).ok).toBe(
      true,
    );
  });

  it("support is only offered with a decision not to investigate", () => {
    expect(
      refusalOf(conversationHeld(), propose({ outcome: "openInvestigation", support: ["contactPerson"] })),
    ).toBe("supportOnlyWithoutInvestigation");
    expect(
      refusalOf(conversationHeld(), propose({ support: ["notAMeasure" as "contactPerson"] })),
    ).toBe("unknownSupportMeasure");
  });

  it("a transfer names the receiving municipality", () => {
    expect(refusalOf(conversationHeld(), propose({ outcome: "transfer" }))).toBe("transferToRequired");
    const s = run(conversationHeld(), propose({ outcome: "transfer", transferTo: "Uddevalla kommun" }));
    expect(s.context.proposal?.transferTo).toBe("Uddevalla kommun");
  });

  it("is not possible from received for an ordinary case", () => {
    expect(refusalOf(fresh(), propose({ childNotHeardReason: "x" }))).toBe("notAllowedInState");
    expect(availableCommands(fresh(), caseworker)).not.toContain("DECISION_PROPOSED");
  });

  it("a violence case cannot reach a decision without a protection assessment", () => {
    const v = violent();
    expect(availableCommands(v, caseworker)).not.toContain("DECISION_PROPOSED");
    expect(refusalOf(v, propose({ outcome: "openInvestigation", reasoning: "", childNotHeardReason: "x" }))).toBe(
      "notAllowedInState",
    );
    const assessed = run(v, assess(false));
    expect(stateName(assessed)).toBe("preliminaryAssessment.planning");
    expect(refusalOf(assessed, propose({ childNotHeardReason: "Våldsärende." }))).toBe("onlyInvestigationForViolence");
    const s = run(
      assessed,
      propose({ outcome: "openInvestigation", reasoning: "", childNotHeardReason: "Våldsärende." }),
    );
    expect(stateName(s)).toBe("awaitingApproval");
    expect(s.context.proposal?.proposedFrom).toBe("preliminaryAssessment.planning");
    expect(stateName(run(s, approve()))).toBe("investigation");
  });

  it("in a case that became violent during the preliminary assessment, only to investigate", () => {
    const s = run(
      conversationHeld(),
      addReport({ violence: true }),
      assess(false, { reportId: "r-2", at: T.later }),
    );
    expect(refusalOf(s, propose())).toBe("onlyInvestigationForViolence");
    expect(accept(s, propose({ outcome: "openInvestigation" })).ok).toBe(true);
  });

  it("is staff work", () => {
    expect(refusalOf(conversationHeld(), propose({ actor: publicActor }))).toBe("staffOnly");
  });
});

describe("approving a decision (four eyes)", () => {
  it("is refused to the proposer, even a team lead", () => {
    const s = awaiting({ actor: teamLead });
    expect(refusalOf(s, approve(teamLead))).toBe("proposerCannotApprove");
    expect(availableCommands(s, teamLead)).not.toContain("DECISION_APPROVED");
    expect(availableCommands(s, teamLead)).toContain("DECISION_RETURNED");
    expect(accept(s, approve(otherTeamLead)).ok).toBe(true);
  });

  it("is for team leads only", () => {
    expect(refusalOf(awaiting(), approve(otherCaseworker))).toBe("teamLeadOnly");
    expect(refusalOf(awaiting(), returned("x", otherCaseworker))).toBe("teamLeadOnly");
    expect(availableCommands(awaiting(), otherCaseworker)).not.toContain("DECISION_APPROVED");
  });

  it("no investigation, with support: support offered, decision letter, feedback", () => {
    const { snapshot, effects } = accept(
      awaiting({ support: ["parentalSupport", "youthCentre", "parentalSupport"] }),
      approve(),
    );
    expect(stateName(snapshot)).toBe("supportOffered");
    expect(snapshot.context.supportOffered).toEqual(["parentalSupport", "youthCentre"]);
    expect(snapshot.context.decision).toMatchObject({
      outcome: "noInvestigation",
      support: ["parentalSupport", "youthCentre"],
      approvedBy: teamLead,
      at: T.approved,
      proposedBy: caseworker,
    });
    expect(snapshot.context.proposal).toBeNull();
    expect(snapshot.context.deadlines.decision.metAt).toBe(T.approved);
    expect(effects).toEqual([
      { type: "sendLetter", params: { letter: "decision" } },
      { type: "sendFeedback", params: { outcome: "notOpened", reportIds: ["r-1"] } },
    ]);
    expect(nextDeadline(snapshot)).toBeNull();
  });

  it("no investigation, no support: closed", () => {
    const { snapshot, effects } = accept(awaiting(), approve());
    expect(stateName(snapshot)).toBe("closed");
    expect(isClosed(snapshot)).toBe(true);
    expect(snapshot.context.outcome).toBe("noInvestigation");
    expect(snapshot.context.closedAt).toBe(T.approved);
    expect(effects).toEqual([
      { type: "sendLetter", params: { letter: "decision" } },
      { type: "sendFeedback", params: { outcome: "notOpened", reportIds: ["r-1"] } },
    ]);
    expect(nextDeadline(snapshot)).toBeNull();
  });

  it("open an investigation: 4 months from the approval, notice and feedback", () => {
    const { snapshot, effects } = accept(
      awaiting({ outcome: "openInvestigation", reasoning: "" }),
      approve(teamLead, "2026-10-31T10:00:00.000Z"),
    );
    expect(stateName(snapshot)).toBe("investigation");
    expect(snapshot.context.flags.urgent).toBe(false);
    expect(snapshot.context.deadlines.investigation).toEqual({
      due: "2027-02-28",
      originalDue: "2027-02-28",
      extensions: [],
      openedAt: "2026-10-31T10:00:00.000Z",
      concludedAt: null,
    });
    expect(snapshot.context.deadlines.decision.metAt).toBe("2026-10-31T10:00:00.000Z");
    expect(effects).toEqual([
      { type: "sendLetter", params: { letter: "investigationNotice" } },
      { type: "sendFeedback", params: { outcome: "investigationOpened", reportIds: ["r-1"] } },
    ]);
  });

  it("open an investigation in a violence case: no notice until the caseworker sends it", () => {
    const s = run(
      violent(),
      assess(false),
      propose({ outcome: "openInvestigation", reasoning: "", childNotHeardReason: "Våldsärende." }),
    );
    const { snapshot, effects } = accept(s, approve());
    expect(stateName(snapshot)).toBe("investigation");
    expect(effects).toEqual([
      { type: "sendFeedback", params: { outcome: "investigationOpened", reportIds: ["r-1"] } },
    ]);
    expect(snapshot.context.investigationNotice).toBeNull();
    expect(availableCommands(snapshot, caseworker)).toContain("INVESTIGATION_NOTICE_SENT");

    const sent = accept(snapshot, noticeSent);
    expect(sent.effects).toEqual([{ type: "sendLetter", params: { letter: "investigationNotice" } }]);
    expect(sent.snapshot.context.investigationNotice).toEqual({ sentAt: T.later, by: caseworker });
    expect(stateName(sent.snapshot)).toBe("investigation");
    expect(refusalOf(sent.snapshot, noticeSent)).toBe("noticeAlreadySent");
  });

  it("the notice is not sent twice in an ordinary case", () => {
    expect(refusalOf(investigating(), noticeSent)).toBe("noticeAlreadySent");
    expect(availableCommands(investigating(), caseworker)).not.toContain("INVESTIGATION_NOTICE_SENT");
  });

  it("already investigated: closed with feedback 'already under way', no letter", () => {
    const { snapshot, effects } = accept(awaiting({ outcome: "alreadyInvestigated" }), approve());
    expect(stateName(snapshot)).toBe("closed");
    expect(snapshot.context.outcome).toBe("alreadyInvestigated");
    expect(effects).toEqual([
      { type: "sendFeedback", params: { outcome: "alreadyUnderway", reportIds: ["r-1"] } },
    ]);
  });

  it("transfer: closed, no letter to the family, feedback to the school that it was transferred", () => {
    const { snapshot, effects } = accept(
      awaiting({ outcome: "transfer", transferTo: "Uddevalla kommun" }),
      approve(),
    );
    expect(stateName(snapshot)).toBe("closed");
    expect(snapshot.context.outcome).toBe("transferred");
    expect(snapshot.context.decision?.transferTo).toBe("Uddevalla kommun");
    expect(effects).toEqual([{ type: "sendFeedback", params: { outcome: "transferred", reportIds: ["r-1"] } }]);
  });

  it("feedback goes only to mandated reporters; none when all reporters are private", () => {
    const privateCase = openCase(opened({ report: report({ mandatedReporter: false }) })).snapshot;
    const s = run(
      privateCase,
      assess(false),
      addReport({ id: "r-2", mandatedReporter: true, receivedAt: "2026-03-21T09:00:00.000Z" }),
      addReport({ id: "r-3", mandatedReporter: false, receivedAt: "2026-03-22T09:00:00.000Z" }),
      assess(false, { reportId: "r-2" }),
      assess(false, { reportId: "r-3" }),
      invite(),
      held(),
      propose(),
    );
    expect(accept(s, approve()).effects).toContainEqual({
      type: "sendFeedback",
      params: { outcome: "notOpened", reportIds: ["r-2"] },
    });
    const onlyPrivate = run(privateCase, assess(false), invite(), held(), propose());
    expect(accept(onlyPrivate, approve()).effects).toEqual([
      { type: "sendLetter", params: { letter: "decision" } },
    ]);
  });

  it("is refused when a violence report joined after a proposal not to investigate", () => {
    const joined = run(awaiting(), addReport({ violence: true }));
    expect(refusalOf(joined, approve())).toBe("reportUnassessed");
    const s = run(joined, assess(false, { reportId: "r-2", at: T.later }));
    expect(refusalOf(s, approve())).toBe("onlyInvestigationForViolence");
    const back = run(s, returned("Våldsanmälan har kommit in."));
    expect(stateName(back)).toBe("preliminaryAssessment.conversationHeld");
    expect(stateName(run(back, propose({ outcome: "openInvestigation" }), approve()))).toBe(
      "investigation",
    );
  });
});

describe("returning a decision", () => {
  const reason = { childNotHeardReason: "Barnet ville inte." };
  const origins: [string, () => PersistedCase][] = [
    ["preliminaryAssessment.planning", () => run(planning(), propose(reason))],
    ["preliminaryAssessment.invited", () => run(invited(), propose(reason))],
    ["preliminaryAssessment.conversationHeld", () => run(conversationHeld(), propose())],
  ];

  for (const [origin, make] of origins) {
    it(`goes back to exactly ${origin}, with the comment`, () => {
      const before = make();
      const proposal = before.context.proposal;
      const { snapshot, effects } = accept(before, returned("Beskriv nätverket."));
      expect(stateName(snapshot)).toBe(origin);
      expect(effects).toEqual([]);
      expect(snapshot.context.proposal).toBeNull();
      expect(snapshot.context.returnComment).toEqual({
        comment: "Beskriv nätverket.",
        at: T.approved,
        by: teamLead,
        proposal,
      });
      expect(snapshot.context.decision).toBeNull();
      expect(snapshot.context.deadlines.decision.metAt).toBeNull();
    });
  }

  it("keeps the comment when the decision is proposed again", () => {
    const back = run(awaiting(), returned("Beskriv nätverket."));
    const again = run(back, propose({ reasoning: "Nätverket är beskrivet." }));
    expect(again.context.returnComment?.comment).toBe("Beskriv nätverket.");
    expect(again.context.proposal?.reasoning).toBe("Nätverket är beskrivet.");
  });

  it("needs a comment", () => {
    expect(refusalOf(awaiting(), returned(" "))).toBe("commentRequired");
  });

  it("a returned invitation state still takes the conversation", () => {
    const back = run(run(invited(), propose(reason)), returned());
    expect(stateName(run(back, held()))).toBe("preliminaryAssessment.conversationHeld");
  });
});

describe("voluntary support (frivilliga insatser)", () => {
  it("accepted closes the case", () => {
    const s = run(supportOffered(), {
      type: "SUPPORT_ACCEPTED",
      at: T.later,
      actor: caseworker,
      note: "Mamma tackade ja per telefon.",
    });
    expect(stateName(s)).toBe("closed");
    expect(s.context.outcome).toBe("supportAccepted");
    expect(s.context.closedAt).toBe(T.later);
    expect(s.context.supportAnswer).toEqual({
      answer: "accepted",
      childAnswer: null,
      note: "Mamma tackade ja per telefon.",
      at: T.later,
      by: caseworker,
    });
  });

  it("declined closes the case", () => {
    const s = run(supportOffered(), { type: "SUPPORT_DECLINED", at: T.later, actor: caseworker });
    expect(stateName(s)).toBe("closed");
    expect(s.context.outcome).toBe("supportDeclined");
    expect(s.context.supportAnswer).toEqual({ answer: "declined", childAnswer: null, note: null, at: T.later, by: caseworker });
  });

  it("cannot be answered where no support is offered", () => {
    expect(refusalOf(investigating(), { type: "SUPPORT_ACCEPTED", at: T.later, actor: caseworker })).toBe(
      "notAllowedInState",
    );
  });
});

describe("concluding an investigation", () => {
  it("with support offers the measures", () => {
    const s = run(
      investigating(),
      conclude({ outcome: "support", support: ["familyCounselling"], summary: "Familjebehandling." }),
    );
    expect(stateName(s)).toBe("supportOffered");
    expect(s.context.supportOffered).toEqual(["familyCounselling"]);
    expect(s.context.deadlines.investigation?.concludedAt).toBe("2026-06-01T10:00:00.000Z");
    const closedAfter = run(s, { type: "SUPPORT_ACCEPTED", at: T.later, actor: caseworker });
    expect(closedAfter.context.outcome).toBe("supportAccepted");
  });

  it("without support closes the case", () => {
    const { snapshot, effects } = accept(investigating(), conclude());
    expect(stateName(snapshot)).toBe("closed");
    expect(snapshot.context.outcome).toBe("investigationConcluded");
    expect(snapshot.context.conclusion).toMatchObject({ outcome: "none", support: [] });
    expect(effects).toEqual([]);
  });

  it("support and measures must agree, and a summary is required", () => {
    expect(refusalOf(investigating(), conclude({ outcome: "support", support: [] }))).toBe(
      "supportRequired",
    );
    expect(refusalOf(investigating(), conclude({ outcome: "none", support: ["fieldTeam"] }))).toBe(
      "supportNotExpected",
    );
    expect(refusalOf(investigating(), conclude({ summary: "" }))).toBe("summaryRequired");
    expect(refusalOf(conversationHeld(), conclude())).toBe("notAllowedInState");
  });
});

describe("in every open state: assign, reports, notes, extensions", () => {
  const openStates: [string, () => PersistedCase][] = [
    ["received", fresh],
    ["preliminaryAssessment.planning", planning],
    ["preliminaryAssessment.invited", invited],
    ["preliminaryAssessment.conversationHeld", conversationHeld],
    ["awaitingApproval", () => awaiting()],
    ["investigation", investigating],
  ];

  for (const [name, make] of openStates) {
    it(`${name}: the common commands are taken and the state stays`, () => {
      const s = make();
      const assigned = run(s, {
        type: "ASSIGNED",
        at: T.later,
        actor: teamLead,
        assignee: { id: otherCaseworker.id, name: otherCaseworker.name },
      });
      expect(assigned.context.assignee).toEqual({ id: "u-bo", name: "Bo Handläggare" });
      const withNote = run(assigned, note("Ringt skolan."));
      expect(withNote.context.notes).toEqual([{ text: "Ringt skolan.", at: T.later, by: caseworker }]);
      const withReport = run(withNote, addReport({ receivedAt: T.later }, system));
      expect(withReport.context.reports.map((r) => r.id)).toEqual(["r-1", "r-2"]);
      expect(stateName(withReport)).toBe(name);
      expect(availableCommands(s, teamLead)).toEqual(
        expect.arrayContaining(["ASSIGNED", "REPORT_ADDED", "NOTE_ADDED"]),
      );
    });
  }

  it("a team lead assigns; a caseworker only takes an unassigned case for themselves", () => {
    const cmd = { type: "ASSIGNED", at: T.later, assignee: { id: "u-bo", name: "Bo" } } as const;
    expect(refusalOf(fresh(), { ...cmd, actor: caseworker })).toBe("selfAssignOnly");
    expect(refusalOf(fresh(), { ...cmd, actor: teamLead, assignee: { id: "", name: "" } })).toBe(
      "assigneeRequired",
    );
    const taken = run(fresh(), { ...cmd, actor: caseworker, assignee: { id: caseworker.id, name: caseworker.name } });
    expect(taken.context.assignee?.id).toBe(caseworker.id);
    expect(availableCommands(taken, otherCaseworker)).not.toContain("ASSIGNED");
    expect(refusalOf(taken, { ...cmd, actor: otherCaseworker, assignee: { id: "u-bo", name: "Bo" } })).toBe("teamLeadOnly");
  });

  it("reports are kept oldest first, once each, whoever submitted them", () => {
    const s = run(
      planning(),
      addReport({ id: "r-3", receivedAt: "2026-03-22T09:00:00.000Z" }, publicActor),
      addReport({ id: "r-2", receivedAt: "2026-03-21T09:00:00.000Z" }, system),
    );
    expect(s.context.reports.map((r) => r.id)).toEqual(["r-1", "r-2", "r-3"]);
    expect(refusalOf(s, addReport({ id: "r-2" }))).toBe("reportAlreadyOnCase");
    expect(refusalOf(s, addReport({ id: "r-9", receivedAt: "2026-03-22" }))).toBe("invalidTimestamp");
  });

  it("a report with protected identity flags the case", () => {
    const s = run(planning(), addReport({ protectedIdentity: true }));
    expect(s.context.flags.protectedIdentity).toBe(true);
  });

  it("a note needs text", () => {
    expect(refusalOf(planning(), note(" "))).toBe("textRequired");
    expect(refusalOf(planning(), note("x", publicActor))).toBe("staffOnly");
  });
});

describe("extending deadlines (synnerliga skäl)", () => {
  it("the decision deadline is extended with its reason kept", () => {
    const s = run(planning(), extend());
    expect(s.context.deadlines.decision).toEqual({
      due: "2026-04-17",
      originalDue: "2026-04-03",
      extensions: [
        { until: "2026-04-17", reason: "Synnerliga skäl: tolk saknas.", at: T.later, by: caseworker, approvedBy: null },
      ],
      metAt: null,
    });
    expect(nextDeadline(s)).toEqual({ kind: "decision", due: "2026-04-17" });
    const twice = run(s, extend({ until: "2026-04-24", reason: "Ny uppgift." }));
    expect(twice.context.deadlines.decision.extensions).toHaveLength(2);
    expect(twice.context.deadlines.decision.originalDue).toBe("2026-04-03");
  });

  it("is refused without a reason", () => {
    expect(refusalOf(planning(), extend({ reason: "" }))).toBe("extensionReasonRequired");
    expect(refusalOf(planning(), extend({ reason: "   " }))).toBe("extensionReasonRequired");
  });

  it("must move the deadline later", () => {
    expect(refusalOf(planning(), extend({ until: "2026-04-03" }))).toBe("extensionNotLater");
    expect(refusalOf(planning(), extend({ until: "2026-04-01" }))).toBe("extensionNotLater");
    expect(refusalOf(planning(), extend({ until: "17 april" }))).toBe("invalidDate");
  });

  it("the investigation deadline is extended only by a decision on särskilda skäl a team lead approves", () => {
    expect(refusalOf(investigating(), extend({ deadline: "investigation", until: "2026-08-27" }))).toBe(
      "deadlineAlreadyMet",
    );
    expect(refusalOf(planning(), extend({ deadline: "investigation", until: "2026-08-27" }))).toBe(
      "investigationExtensionNeedsApproval",
    );
    const proposeExtension = (reason: string, actor: Actor = caseworker): CaseCommand => ({
      type: "INVESTIGATION_EXTENSION_PROPOSED",
      at: T.later,
      actor,
      until: "2026-08-27",
      reason,
    });
    expect(refusalOf(planning(), proposeExtension("Särskilda skäl: utlåtande från BUP dröjer."))).toBe("notAllowedInState");
    expect(refusalOf(investigating(), proposeExtension("."))).toBe("specialReasonsTooShort");
    expect(refusalOf(investigating(), proposeExtension("Dröjer."))).toBe("specialReasonsTooShort");
    const proposed = run(investigating(), proposeExtension("Särskilda skäl: utlåtande från BUP dröjer."));
    expect(proposed.context.deadlines.investigation?.due).toBe("2026-07-27");
    const approveExt = (actor: Actor): CaseCommand => ({ type: "INVESTIGATION_EXTENSION_APPROVED", at: T.later, actor });
    expect(refusalOf(proposed, approveExt(otherCaseworker))).toBe("teamLeadOnly");
    const s = run(proposed, approveExt(teamLead));
    expect(s.context.deadlines.investigation).toMatchObject({
      due: "2026-08-27",
      originalDue: "2026-07-27",
      extensions: [{ until: "2026-08-27", reason: "Särskilda skäl: utlåtande från BUP dröjer.", approvedBy: teamLead }],
    });
    expect(nextDeadline(s)).toEqual({ kind: "investigation", due: "2026-08-27" });
    // Four eyes here too: a team lead's own proposal needs another approver.
    const own = run(investigating(), proposeExtension("Särskilda skäl: utlåtande från BUP dröjer.", teamLead));
    expect(refusalOf(own, approveExt(teamLead))).toBe("proposerCannotApprove");
  });

  it("a met deadline cannot be extended", () => {
    expect(refusalOf(investigating(), extend())).toBe("deadlineAlreadyMet");
    expect(refusalOf(supportOffered(), extend())).toBe("deadlineAlreadyMet");
    expect(availableCommands(supportOffered(), caseworker)).not.toContain("DEADLINE_EXTENDED");
    const concluded = run(
      investigating(),
      conclude({ outcome: "support", support: ["contactPerson"], summary: "Kontaktperson." }),
    );
    expect(refusalOf(concluded, extend({ deadline: "investigation", until: "2026-12-01" }))).toBe(
      "deadlineAlreadyMet",
    );
  });
});

describe("closed (avslutat)", () => {
  it("accepts nothing (but a feedback its decision withheld)", () => {
    const s = closed();
    const anyEvent = { at: T.later, actor: teamLead };
    const attempts: CaseCommand[] = [
      assess(false),
      invite(),
      held(),
      { type: "NO_SHOW", ...anyEvent },
      propose(),
      approve(otherTeamLead),
      returned(),
      { type: "SUPPORT_ACCEPTED", ...anyEvent },
      { type: "SUPPORT_DECLINED", ...anyEvent },
      conclude(),
      noticeSent,
      { type: "ASSIGNED", ...anyEvent, assignee: { id: "u-bo", name: "Bo" } },
      addReport({ id: "r-new" }),
      note("Efterhandsanteckning."),
      extend(),
      { type: "INVESTIGATION_EXTENSION_PROPOSED", ...anyEvent, until: "2026-12-01", reason: "Särskilda skäl, utförligt beskrivna." },
      { type: "INVESTIGATION_EXTENSION_APPROVED", ...anyEvent },
      { type: "GUARDIAN_ADDED", ...anyEvent, guardianId: "g-1", name: "Mamma", address: null, custody: true, confirmed: true, reason: "x" },
      { type: "GUARDIAN_CORRECTED", ...anyEvent, guardianId: "g-1", name: "Mamma", address: null, custody: true, reason: "x" },
      { type: "GUARDIAN_CONFIRMED", ...anyEvent, guardianId: "g-1", reason: "x" },
      { type: "GUARDIAN_REMOVED", ...anyEvent, guardianId: "g-1", reason: "x" },
      { type: "GUARDIAN_SUSPECTED", ...anyEvent, guardianId: "g-1", suspected: true, reason: "x" },
      { type: "CHILD_ADDRESS_CORRECTED", ...anyEvent, address: "Ny väg 1", reason: "x" },
      { type: "VIOLENCE_FLAG_SET", ...anyEvent, kinds: ["familyViolence"], reason: "x" },
      { type: "VIOLENCE_FLAG_CLEARED", ...anyEvent, reason: "x" },
      { type: "PROTECTED_IDENTITY_SET", ...anyEvent, person: "child", protectedIdentity: true, reason: "x" },
      { type: "REPORT_SUPPLEMENTED", at: T.later, actor: publicActor, reportId: "r-1", text: "Mer.", via: "code" },
      // Only a feedback its decision withheld (none here); see feedback-timing.test.ts.
      { type: "FEEDBACK_SENT", ...anyEvent, reportId: "r-1" },
      { type: "CASE_MERGED", ...anyEvent, intoCaseId: "case-x", intoReferenceNumber: "VRN-2026-00009", reportIds: ["r-1"], comment: "x" },
      { type: "MATCH_REJECTED", ...anyEvent, candidateCaseId: "case-x", candidateReferenceNumber: "VRN-2026-00009", comment: "x" },
      {
        type: "CHILD_LINKED",
        ...anyEvent,
        candidateCaseId: "case-x",
        candidateReferenceNumber: "VRN-2026-00009",
        childId: "child-x",
        previousChildId: "child-y",
        comment: "x",
      },
    ];
    expect(attempts.map((e) => e.type).sort()).toEqual([...COMMAND_TYPES].sort());
    for (const event of attempts) {
      expect(decide(s, event)).toEqual({ ok: false, refusal: "closed" });
      expect(can(s, event)).toBe(false);
    }
    expect(availableCommands(s, teamLead)).toEqual([]);
  });
});

describe("availableCommands", () => {
  it("lists what the state and the actor allow", () => {
    expect(availableCommands(fresh(), caseworker)).toEqual([
      "PROTECTION_ASSESSED",
      "ASSIGNED",
      "REPORT_ADDED",
      "NOTE_ADDED",
      "DEADLINE_EXTENDED",
      "GUARDIAN_ADDED",
      "CHILD_ADDRESS_CORRECTED",
      "VIOLENCE_FLAG_SET",
      "PROTECTED_IDENTITY_SET",
      "CASE_MERGED",
      "CHILD_LINKED",
      "MATCH_REJECTED",
    ]);
    expect(availableCommands(planning(), teamLead)).toEqual([
      "INVITATION_SENT",
      "DECISION_PROPOSED",
      "ASSIGNED",
      "REPORT_ADDED",
      "NOTE_ADDED",
      "DEADLINE_EXTENDED",
      "GUARDIAN_ADDED",
      "CHILD_ADDRESS_CORRECTED",
      "VIOLENCE_FLAG_SET",
      "PROTECTED_IDENTITY_SET",
      "CHILD_LINKED",
      "MATCH_REJECTED",
    ]);
    expect(availableCommands(invited(), caseworker)).toEqual([
      "CONVERSATION_HELD",
      "NO_SHOW",
      "DECISION_PROPOSED",
      "ASSIGNED",
      "REPORT_ADDED",
      "NOTE_ADDED",
      "DEADLINE_EXTENDED",
      "GUARDIAN_ADDED",
      "CHILD_ADDRESS_CORRECTED",
      "VIOLENCE_FLAG_SET",
      "PROTECTED_IDENTITY_SET",
      "CHILD_LINKED",
      "MATCH_REJECTED",
    ]);
    expect(availableCommands(awaiting(), caseworker)).toEqual([
      "ASSIGNED",
      "REPORT_ADDED",
      "NOTE_ADDED",
      "DEADLINE_EXTENDED",
      "GUARDIAN_ADDED",
      "CHILD_ADDRESS_CORRECTED",
      "VIOLENCE_FLAG_SET",
      "PROTECTED_IDENTITY_SET",
      "CHILD_LINKED",
      "MATCH_REJECTED",
    ]);
    expect(availableCommands(supportOffered(), caseworker)).toEqual([
      "SUPPORT_ACCEPTED",
      "SUPPORT_DECLINED",
      "ASSIGNED",
      "REPORT_ADDED",
      "NOTE_ADDED",
      "GUARDIAN_ADDED",
      "CHILD_ADDRESS_CORRECTED",
      "VIOLENCE_FLAG_SET",
      "PROTECTED_IDENTITY_SET",
      "CHILD_LINKED",
      "MATCH_REJECTED",
    ]);
    expect(availableCommands(planning(), publicActor)).toEqual(["REPORT_ADDED", "REPORT_SUPPLEMENTED"]);
  });

  it("agrees with decide for the payload-free commands", () => {
    const s = awaiting({ actor: teamLead });
    for (const actor of [caseworker, teamLead, otherTeamLead]) {
      expect(availableCommands(s, actor).includes("DECISION_APPROVED")).toBe(
        can(s, approve(actor)),
      );
    }
  });
});

describe("decide's contract", () => {
  it("refuses a snapshot from another machine version instead of guessing", () => {
    const old = { ...planning(), machineVersion: CASE_MACHINE_VERSION + 1 };
    expect(decide(old, invite())).toEqual({ ok: false, refusal: "unsupportedMachineVersion" });
    expect(availableCommands(old, caseworker)).toEqual([]);
  });

  it("refuses instants without offset and malformed events without throwing", () => {
    expect(refusalOf(planning(), invite({ at: "2026-03-21T08:00:00" }))).toBe("invalidTimestamp");
    expect(refusalOf(planning(), { type: "NOPE" } as unknown as CaseCommand)).toBe("invalidEvent");
    expect(refusalOf(planning(), { ...invite(), actor: undefined } as unknown as CaseCommand)).toBe(
      "invalidEvent",
    );
    expect(refusalOf(planning(), { ...invite(), invitees: undefined } as unknown as CaseCommand)).toBe(
      "invitationDetailsRequired",
    );
    expect(refusalOf(conversationHeld(), { ...propose(), support: null } as unknown as CaseCommand)).toBe(
      "invalidEvent",
    );
  });

  it("does not change the snapshot it was given", () => {
    const s = planning();
    const copy = structuredClone(s);
    decide(s, invite());
    decide(s, invite({ place: "" }));
    expect(s).toStrictEqual(copy);
  });

  it("every refusal code is distinct and listed", () => {
    expect(new Set(REFUSAL_CODES).size).toBe(REFUSAL_CODES.length);
  });
});

describe("the machine enforces its guards on its own", () => {
  it("XState's transition() ignores an event decide would refuse", () => {
    const s = caseMachine.resolveState({
      value: { preliminaryAssessment: "planning" },
      context: run(violent(), assess(false)).context,
    });
    const [next, actions] = transition(caseMachine, s, invite());
    expect(next).toBe(s);
    expect(actions).toEqual([]);
  });
});
