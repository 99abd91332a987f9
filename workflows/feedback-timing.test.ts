/**
 * Återkoppling timing (SoL 14 kap. 1 b §): a mandated reporter's feedback is made when the
 * decision is approved, unless the caseworker records in the proposal why it is withheld
 * (the child's best interest, secrecy). A withheld feedback is kept with its reason and
 * outcome, and sent later with FEEDBACK_SENT — also once the case is closed.
 */
import { describe, expect, it } from "vitest";

import {
  availableCommands,
  CASE_MACHINE_VERSION,
  decide,
  openCase,
  replay,
  stateName,
  upgradeSnapshot,
  type CaseCommand,
  type CaseEvent,
  type CommandOf,
  type PersistedCase,
} from "./index";
import { accept, caseworker, opened, otherCaseworker, refusalOf, report, run, system, teamLead } from "./testing";

const REASON = "Vårdnadshavaren arbetar på skolan; återkoppling nu kan röja anmälan och skada barnet.";
const T = {
  assessed: "2026-03-20T12:00:00.000Z",
  proposed: "2026-03-26T09:00:00.000Z",
  approved: "2026-03-27T10:00:00.000Z",
  sent: "2026-05-04T08:00:00.000Z",
};

const assess = (reportId = "r-1", at = T.assessed): CaseCommand => ({
  type: "PROTECTION_ASSESSED",
  at,
  actor: caseworker,
  reportId,
  needsProtection: false,
  assessment: "Inget akut skyddsbehov.",
});
const propose = (o: Partial<CommandOf<"DECISION_PROPOSED">> = {}): CaseCommand => ({
  type: "DECISION_PROPOSED",
  at: T.proposed,
  actor: caseworker,
  outcome: "noInvestigation",
  reasoning: "Familjen har egna resurser.",
  support: [],
  childNotHeardReason: "Barnet ville inte.",
  ...o,
});
const approve: CaseCommand = { type: "DECISION_APPROVED", at: T.approved, actor: teamLead };
const send = (reportId = "r-1", o: Partial<CommandOf<"FEEDBACK_SENT">> = {}): CaseCommand => ({
  type: "FEEDBACK_SENT",
  at: T.sent,
  actor: caseworker,
  reportId,
  ...o,
});

const planning = () => run(openCase(opened()).snapshot, assess());

describe("feedback withheld with a reason", () => {
  it("approval makes the feedback at once when nothing is withheld", () => {
    const { effects, snapshot } = accept(run(planning(), propose()), approve);
    expect(effects).toContainEqual({ type: "sendFeedback", params: { outcome: "notOpened", reportIds: ["r-1"] } });
    expect(snapshot.context.feedbackWithheld).toEqual([]);
  });

  it("approval honours a withholding in the proposal: no feedback, the reason and outcome kept", () => {
    const proposed = run(planning(), propose({ outcome: "openInvestigation", reasoning: "", feedbackWithheldReason: REASON }));
    expect(proposed.context.proposal?.feedbackWithheldReason).toBe(REASON);
    const { effects, snapshot } = accept(proposed, approve);
    expect(effects.filter((e) => e.type === "sendFeedback")).toEqual([]);
    expect(snapshot.context.decision?.feedbackWithheldReason).toBe(REASON);
    expect(snapshot.context.feedbackWithheld).toEqual([
      { reportId: "r-1", outcome: "investigationOpened", reason: REASON, decidedAt: T.approved, recordedBy: caseworker, sentAt: null },
    ]);
  });

  it("a withholding needs a written reason", () => {
    expect(refusalOf(planning(), propose({ feedbackWithheldReason: "   " }))).toBe("feedbackReasonRequired");
  });

  it("is only for a case with a mandated reporter's report to answer", () => {
    const privateCase = run(openCase(opened({ report: report({ mandatedReporter: false }) })).snapshot, assess());
    expect(refusalOf(privateCase, propose({ feedbackWithheldReason: REASON }))).toBe("noFeedbackToWithhold");
  });

  it("is sent later, in the closed case too, with the decision's outcome and date; once", () => {
    const closed = run(planning(), propose({ feedbackWithheldReason: REASON }), approve);
    expect(stateName(closed)).toBe("closed");
    expect(availableCommands(closed, caseworker)).toEqual(["FEEDBACK_SENT"]);
    const { snapshot, effects } = accept(closed, send());
    expect(stateName(snapshot)).toBe("closed");
    expect(snapshot.context.closedAt).toBe(T.approved);
    // The reason stays on record; the feedback no longer waits.
    expect(snapshot.context.feedbackWithheld).toEqual([expect.objectContaining({ reportId: "r-1", reason: REASON, sentAt: T.sent })]);
    expect(effects).toEqual([
      { type: "sendFeedback", params: { outcome: "notOpened", reportIds: ["r-1"], decidedAt: T.approved } },
    ]);
    expect(refusalOf(snapshot, send())).toBe("closed");
    expect(availableCommands(snapshot, caseworker)).toEqual([]);
  });

  it("is sent later in an open case; only for a withheld report, by staff", () => {
    const investigating = run(planning(), propose({ outcome: "openInvestigation", reasoning: "", feedbackWithheldReason: REASON }), approve);
    expect(stateName(investigating)).toBe("investigation");
    expect(availableCommands(investigating, otherCaseworker)).toContain("FEEDBACK_SENT");
    expect(refusalOf(investigating, send("r-9"))).toBe("feedbackNotWithheld");
    expect(refusalOf(investigating, send("r-1", { actor: system }))).toBe("staffOnly");
    const { snapshot, effects } = accept(investigating, send());
    expect(effects).toEqual([
      { type: "sendFeedback", params: { outcome: "investigationOpened", reportIds: ["r-1"], decidedAt: T.approved } },
    ]);
    expect(stateName(snapshot)).toBe("investigation");
    expect(refusalOf(snapshot, send())).toBe("feedbackNotWithheld");
    expect(availableCommands(snapshot, caseworker)).not.toContain("FEEDBACK_SENT");
  });

  it("nothing else is taken in a closed case", () => {
    const closed = run(planning(), propose({ feedbackWithheldReason: REASON }), approve);
    expect(refusalOf(closed, { type: "NOTE_ADDED", at: T.sent, actor: caseworker, text: "x" })).toBe("closed");
  });

  it("replays to the same snapshot", () => {
    const events: CaseEvent[] = [opened(), assess(), propose({ feedbackWithheldReason: REASON }), approve, send()];
    const stepwise = run(openCase(opened()).snapshot, ...(events.slice(1) as CaseCommand[]));
    expect(replay(events)).toEqual(stepwise);
  });
});

describe("a snapshot of machine version 2", () => {
  it("is upgraded: nothing withheld, no reason on its proposals, then taken like any other", () => {
    const current = run(planning(), propose(), approve);
    const { feedbackWithheld: _gone, ...context } = current.context;
    const old = JSON.parse(JSON.stringify({ ...current, machineVersion: 2, context })) as PersistedCase;
    delete (old.context.decision as unknown as Record<string, unknown>)["feedbackWithheldReason"];
    const upgraded = upgradeSnapshot(old);
    expect(upgraded).toEqual({ ...current, machineVersion: CASE_MACHINE_VERSION });
    expect(decide(old, send()).ok).toBe(false);
  });
});

describe("a snapshot of machine version 3", () => {
  it("is upgraded: no address of the child given by staff, then takes the child's address like any other", () => {
    const current = run(planning(), propose());
    const { address: _a, addressCorrected: _c, ...child } = current.context.child;
    const old = JSON.parse(JSON.stringify({ ...current, machineVersion: 3, context: { ...current.context, child } })) as PersistedCase;
    expect(upgradeSnapshot(old)).toEqual({ ...current, machineVersion: CASE_MACHINE_VERSION });
    const given = decide(old, { type: "CHILD_ADDRESS_CORRECTED", at: T.sent, actor: caseworker, address: "Nygatan 3", reason: "Folkbokföringen." });
    expect(given.ok && given.snapshot.context.child).toMatchObject({ address: "Nygatan 3", addressCorrected: true });
  });
});
