/** REPORT_SUPPLEMENTED: a reporter adds to their report in any open state; never in a closed case. */
import { describe, expect, it } from "vitest";

import { availableCommands, decide, openCase, stateName, type CaseCommand, type PersistedCase } from "./index";
import { caseworker, opened, publicActor, refusalOf, run, teamLead } from "./testing";

const later = "2026-04-01T10:00:00.000Z";

function supplement(o: Partial<Extract<CaseCommand, { type: "REPORT_SUPPLEMENTED" }>> = {}): CaseCommand {
  return { type: "REPORT_SUPPLEMENTED", at: later, actor: publicActor, reportId: "r-1", text: "Hon sov hos oss igen i natt.", via: "code", ...o };
}

const fresh = () => openCase(opened()).snapshot;
const assess = (needsProtection: boolean): CaseCommand => ({
  type: "PROTECTION_ASSESSED",
  at: "2026-03-20T12:00:00.000Z",
  actor: caseworker,
  reportId: "r-1",
  needsProtection,
  assessment: "Bedömning.",
});
const invite: CaseCommand = {
  type: "INVITATION_SENT",
  at: "2026-03-21T08:00:00.000Z",
  actor: caseworker,
  date: "2026-03-25",
  time: "10:00",
  place: "Socialtjänsten, Lysekil",
  invitees: ["Elsa Exempel"],
} as unknown as CaseCommand;
const propose = (outcome: string): CaseCommand =>
  ({
    type: "DECISION_PROPOSED",
    at: "2026-03-26T09:00:00.000Z",
    actor: caseworker,
    outcome,
    reasoning: "Familjen har egna resurser.",
    childNotHeardReason: "Barnet ville inte.",
    support: [],
  }) as unknown as CaseCommand;
const approve: CaseCommand = { type: "DECISION_APPROVED", at: "2026-03-27T10:00:00.000Z", actor: teamLead };

const states: [string, () => PersistedCase][] = [
  ["received", fresh],
  ["planning", () => run(fresh(), assess(false))],
  ["investigation", () => run(fresh(), assess(true))],
  ["awaitingApproval", () => run(fresh(), assess(false), propose("noInvestigation"))],
];

describe("REPORT_SUPPLEMENTED", () => {
  it.each(states)("is accepted in %s, from the public or the reporter, and changes no state", (_name, make) => {
    const before = make();
    const result = decide(before, supplement());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(stateName(result.snapshot)).toBe(stateName(before));
    expect(result.effects).toEqual([]);
    expect(decide(before, supplement({ actor: { id: "u-karin", name: "Karin Ek", role: "reporter" }, via: "account" })).ok).toBe(true);
  });

  it("is accepted while invited (a conversation planned)", () => {
    const invited = decide(run(fresh(), assess(false)), invite);
    if (invited.ok) expect(decide(invited.snapshot, supplement()).ok).toBe(true);
  });

  it("is refused in a closed case (the server turns it into a new report instead)", () => {
    const closed = run(fresh(), assess(false), propose("noInvestigation"), approve);
    expect(stateName(closed)).toBe("closed");
    expect(refusalOf(closed, supplement())).toBe("closed");
  });

  it("needs a text, a known report of this case and a known channel", () => {
    expect(refusalOf(fresh(), supplement({ text: "  " }))).toBe("textRequired");
    expect(refusalOf(fresh(), supplement({ reportId: "r-other" }))).toBe("invalidEvent");
    expect(refusalOf(fresh(), supplement({ via: "fax" as "code" }))).toBe("invalidEvent");
  });

  it("is never offered as a button on the case page's list of staff actions… but is open to reporters", () => {
    expect(availableCommands(fresh(), publicActor)).toContain("REPORT_SUPPLEMENTED");
  });
});
