/**
 * A possible match confirmed or rejected (a child without personnummer, matched by name and
 * date of birth or age and school): the new case is merged into the earlier one (CASE_MERGED,
 * only before anything was done on it), the earlier case takes the report with REPORT_ADDED
 * naming where it came from, and a rejection is recorded (MATCH_REJECTED) without changing
 * anything else.
 */
import { describe, expect, it } from "vitest";

import { availableCommands, decide, openCase, replay, stateName, type CaseCommand, type CaseEvent } from "./index";
import { accept, caseworker, opened, publicActor, refusalOf, report, run } from "./testing";

const at = "2026-03-20T13:00:00.000Z";
const fresh = () => openCase(opened({ caseId: "case-new", referenceNumber: "VRN-2026-00002" })).snapshot;

function merged(o: Partial<Extract<CaseCommand, { type: "CASE_MERGED" }>> = {}): CaseCommand {
  return {
    type: "CASE_MERGED",
    at,
    actor: caseworker,
    intoCaseId: "case-old",
    intoReferenceNumber: "VRN-2026-00001",
    reportIds: ["r-1"],
    comment: "Samma barn: samma skola och vårdnadshavare.",
    ...o,
  };
}

function rejected(o: Partial<Extract<CaseCommand, { type: "MATCH_REJECTED" }>> = {}): CaseCommand {
  return {
    type: "MATCH_REJECTED",
    at,
    actor: caseworker,
    candidateCaseId: "case-old",
    candidateReferenceNumber: "VRN-2026-00001",
    comment: "Annat barn: annan vårdnadshavare.",
    ...o,
  };
}

function linked(o: Partial<Extract<CaseCommand, { type: "CHILD_LINKED" }>> = {}): CaseCommand {
  return {
    type: "CHILD_LINKED",
    at,
    actor: caseworker,
    candidateCaseId: "case-old",
    candidateReferenceNumber: "VRN-2026-00001",
    childId: "child-old",
    previousChildId: "child-new",
    comment: "Samma barn: samma skola och vårdnadshavare.",
    ...o,
  };
}

const assess: CaseCommand = {
  type: "PROTECTION_ASSESSED",
  at,
  actor: caseworker,
  reportId: "r-1",
  needsProtection: false,
  assessment: "Inget akut skyddsbehov.",
};

describe("CASE_MERGED (the new case joins the earlier one)", () => {
  it("closes the new case as merged, with no letters or feedback", () => {
    const result = accept(fresh(), merged());
    expect(stateName(result.snapshot)).toBe("closed");
    expect(result.snapshot.context.outcome).toBe("merged");
    expect(result.snapshot.context.closedAt).toBe(at);
    expect(result.effects).toEqual([]);
  });

  it("is staff work, with a comment, naming the case it joins and every report it moves", () => {
    expect(refusalOf(fresh(), merged({ actor: publicActor }))).toBe("staffOnly");
    expect(refusalOf(fresh(), merged({ comment: " " }))).toBe("commentRequired");
    expect(refusalOf(fresh(), merged({ intoCaseId: "" }))).toBe("invalidEvent");
    expect(refusalOf(fresh(), merged({ intoCaseId: "case-new" }))).toBe("invalidEvent");
    expect(refusalOf(fresh(), merged({ reportIds: [] }))).toBe("invalidEvent");
    expect(refusalOf(fresh(), merged({ reportIds: ["r-other"] }))).toBe("invalidEvent");
  });

  it("is possible only before the new case's protection assessment (nothing done on it is lost)", () => {
    expect(refusalOf(run(fresh(), assess), merged())).toBe("notAllowedInState");
  });

  it("is not offered as a button among the case's commands (it comes from the match panel)", () => {
    // availableCommands lists it for staff in `received`; the case page's forms leave it out.
    expect(availableCommands(fresh(), caseworker)).toContain("CASE_MERGED");
    expect(availableCommands(run(fresh(), assess), caseworker)).not.toContain("CASE_MERGED");
  });
});

describe("REPORT_ADDED joined from a merged case", () => {
  const old = () => openCase(opened({ caseId: "case-old", referenceNumber: "VRN-2026-00001" })).snapshot;
  const moved = report({ id: "r-2", receivedAt: "2026-03-20T10:30:00.000Z", mandatedReporter: true });
  const joined = (o: object = {}): CaseCommand => ({
    type: "REPORT_ADDED",
    at,
    actor: caseworker,
    report: moved,
    joinedFrom: { caseId: "case-new", referenceNumber: "VRN-2026-00002" },
    ...o,
  });

  it("adds the report with its own protection assessment and 14 days counted from its arrival", () => {
    const result = accept(run(old(), assess), joined());
    const added = result.snapshot.context.reports.find((r) => r.id === "r-2")!;
    expect(added.protection).toBeNull();
    expect(added.protectionDue).toBe("2026-03-20");
    expect(added.decisionDue).toBe("2026-04-03");
    expect(result.effects).toEqual([]);
  });

  it("is staff work when it names a merged case; the reference must be whole", () => {
    expect(refusalOf(old(), joined({ actor: publicActor }))).toBe("staffOnly");
    expect(refusalOf(old(), joined({ joinedFrom: { caseId: "case-new" } }))).toBe("invalidEvent");
  });
});

describe("MATCH_REJECTED", () => {
  it("is recorded in any open state and changes nothing else", () => {
    for (const before of [fresh(), run(fresh(), assess)]) {
      const result = accept(before, rejected());
      expect(stateName(result.snapshot)).toBe(stateName(before));
      expect(result.snapshot.context).toEqual(before.context);
      expect(result.effects).toEqual([]);
    }
  });

  it("needs staff, a comment and the candidate's reference", () => {
    expect(refusalOf(fresh(), rejected({ actor: publicActor }))).toBe("staffOnly");
    expect(refusalOf(fresh(), rejected({ comment: "" }))).toBe("commentRequired");
    expect(refusalOf(fresh(), rejected({ candidateReferenceNumber: "" }))).toBe("invalidEvent");
  });
});

describe("CHILD_LINKED (the earlier case is closed: same child, no merge)", () => {
  it("is recorded in any open state, the case going on as before, with no letters", () => {
    for (const before of [fresh(), run(fresh(), assess)]) {
      const result = accept(before, linked());
      expect(stateName(result.snapshot)).toBe(stateName(before));
      expect(result.snapshot.context).toEqual(before.context);
      expect(result.effects).toEqual([]);
    }
  });

  it("needs staff, a comment, the candidate case and both child records", () => {
    expect(refusalOf(fresh(), linked({ actor: publicActor }))).toBe("staffOnly");
    expect(refusalOf(fresh(), linked({ comment: " " }))).toBe("commentRequired");
    expect(refusalOf(fresh(), linked({ candidateReferenceNumber: "" }))).toBe("invalidEvent");
    expect(refusalOf(fresh(), linked({ candidateCaseId: "case-new" }))).toBe("invalidEvent");
    expect(refusalOf(fresh(), linked({ childId: "" }))).toBe("invalidEvent");
    expect(refusalOf(fresh(), linked({ childId: "child-new" }))).toBe("invalidEvent");
  });

  it("is refused once the case is closed", () => {
    expect(refusalOf(run(fresh(), merged()), linked())).toBe("closed");
  });
});

describe("replay", () => {
  it("rebuilds both cases of a merge from their events", () => {
    const openedNew = opened({ caseId: "case-new", referenceNumber: "VRN-2026-00002" });
    const events: CaseEvent[] = [
      openedNew,
      rejected({ candidateCaseId: "case-x", candidateReferenceNumber: "VRN-2026-00009" }),
      linked({ candidateCaseId: "case-y", candidateReferenceNumber: "VRN-2025-00042" }),
      merged(),
    ];
    const snapshot = replay(events);
    expect(stateName(snapshot)).toBe("closed");
    expect(decide(snapshot, rejected()).ok).toBe(false);
  });
});
