/**
 * Property test: random but valid walks through the statechart, from a seeded PRNG.
 * For every walk, replaying the event log gives exactly the snapshot that was
 * decided step by step, and the snapshot survives a JSON round trip. Along the
 * way, invalid commands are tried too: they must be refused without changing
 * anything, and the invariants the law cares about must hold at every step.
 */
import { describe, expect, it } from "vitest";
import {
  type Actor,
  addCalendarDays,
  availableCommands,
  type CaseCommand,
  type CaseEvent,
  COMMAND_TYPES,
  decide,
  type Effect,
  isClosed,
  nextDeadline,
  openCase,
  type PersistedCase,
  REFUSAL_CODES,
  replay,
  stateName,
  stockholmDate,
  SUPPORT_MEASURES,
  type SupportMeasure,
} from "./index";
import { caseworker, opened, otherCaseworker, otherTeamLead, publicActor, report, system, teamLead } from "./testing";

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from empty list");
      return item;
    },
  };
}
type Rng = ReturnType<typeof prng>;

const STAFF: Actor[] = [caseworker, otherCaseworker, teamLead, otherTeamLead];
const TEAM_LEADS: Actor[] = [teamLead, otherTeamLead];

function supportSubset(rng: Rng, min: number): SupportMeasure[] {
  const chosen = SUPPORT_MEASURES.filter(() => rng.chance(0.3));
  return chosen.length >= min ? chosen : [rng.pick(SUPPORT_MEASURES)];
}

/** Valid commands for the current snapshot, built from what the law allows there. */
function validCandidates(rng: Rng, s: PersistedCase, at: string, n: number): CaseCommand[] {
  const c = s.context;
  const state = stateName(s);
  const staff = rng.pick(STAFF);
  const out: CaseCommand[] = [];

  const proposal = (): CaseCommand => {
    const outcome = c.flags.violence
      ? "openInvestigation"
      : rng.pick(["noInvestigation", "openInvestigation", "alreadyInvestigated", "transfer"] as const);
    const heard = state === "preliminaryAssessment.conversationHeld";
    return {
      type: "DECISION_PROPOSED",
      at,
      actor: staff,
      outcome,
      reasoning: outcome === "noInvestigation" || rng.chance(0.5) ? `Motivering ${n}` : "",
      support: outcome === "noInvestigation" && rng.chance(0.5) ? supportSubset(rng, 1) : [],
      ...(heard && rng.chance(0.7) ? {} : { childNotHeardReason: "Barnet ville inte delta." }),
      ...(outcome === "transfer" ? { transferTo: "Uddevalla kommun" } : {}),
    };
  };

  switch (state) {
    case "received":
      out.push({
        type: "PROTECTION_ASSESSED",
        at,
        actor: staff,
        needsProtection: rng.chance(0.2),
        assessment: `Bedömning ${n}`,
      });
      if (c.flags.violence) out.push(proposal());
      break;
    case "preliminaryAssessment.planning":
      if (!c.flags.violence) {
        out.push({
          type: "INVITATION_SENT",
          at,
          actor: staff,
          date: addCalendarDays(stockholmDate(at), rng.int(0, 10)),
          time: `${String(rng.int(8, 16)).padStart(2, "0")}:${rng.pick(["00", "15", "30", "45"])}`,
          place: "Socialkontoret",
          invitees: ["Vårdnadshavare"],
        });
      }
      out.push(proposal());
      break;
    case "preliminaryAssessment.invited":
      out.push(
        { type: "CONVERSATION_HELD", at, actor: staff, participants: ["Barnet", "Pappa"], notes: `Samtal ${n}` },
        { type: "NO_SHOW", at, actor: staff, ...(rng.chance(0.5) ? { note: "Uteblev." } : {}) },
        proposal(),
      );
      break;
    case "preliminaryAssessment.conversationHeld":
      out.push(proposal());
      break;
    case "awaitingApproval": {
      const proposer = c.proposal?.proposedBy.id;
      const approvers = TEAM_LEADS.filter((a) => a.id !== proposer);
      const blocked = c.flags.violence && c.proposal?.outcome !== "openInvestigation";
      if (!blocked) out.push({ type: "DECISION_APPROVED", at, actor: rng.pick(approvers) });
      out.push({ type: "DECISION_RETURNED", at, actor: rng.pick(TEAM_LEADS), comment: `Retur ${n}` });
      break;
    }
    case "investigation": {
      if (!c.investigationNotice) out.push({ type: "INVESTIGATION_NOTICE_SENT", at, actor: staff });
      const withSupport = rng.chance(0.5);
      out.push({
        type: "INVESTIGATION_CONCLUDED",
        at,
        actor: staff,
        outcome: withSupport ? "support" : "none",
        support: withSupport ? supportSubset(rng, 1) : [],
        summary: `Utredning ${n}`,
      });
      break;
    }
    case "supportOffered":
      out.push(
        rng.chance(0.5)
          ? { type: "SUPPORT_ACCEPTED", at, actor: staff }
          : { type: "SUPPORT_DECLINED", at, actor: staff, note: "Avböjde." },
      );
      break;
    default:
      break;
  }

  if (state !== "closed") {
    out.push(
      { type: "ASSIGNED", at, actor: rng.pick(TEAM_LEADS), assignee: { id: staff.id, name: staff.name } },
      {
        type: "REPORT_ADDED",
        at,
        actor: rng.pick([system, publicActor, staff]),
        report: report({
          id: `r-${n}`,
          // Reports may be registered out of order; the case keeps them oldest first.
          receivedAt: new Date(Date.parse(at) - rng.int(0, 5) * 86_400_000).toISOString(),
          violence: rng.chance(0.15),
          protectedIdentity: rng.chance(0.1),
          mandatedReporter: rng.chance(0.6),
        }),
      },
      { type: "NOTE_ADDED", at, actor: staff, text: `Anteckning ${n}` },
      {
        type: "REPORT_SUPPLEMENTED",
        at,
        actor: rng.pick([publicActor, { id: "u-karin", name: "Karin Ek", role: "reporter" as const }]),
        reportId: rng.pick(c.reports).id,
        text: `Komplettering ${n}`,
        via: rng.pick(["code", "account"] as const),
      },
    );
    const { decision, investigation } = c.deadlines;
    if (!decision.metAt) {
      out.push({
        type: "DEADLINE_EXTENDED",
        at,
        actor: staff,
        deadline: "decision",
        until: addCalendarDays(decision.due, rng.int(1, 14)),
        reason: "Synnerliga skäl.",
      });
    }
    if (investigation && !investigation.concludedAt) {
      out.push({
        type: "DEADLINE_EXTENDED",
        at,
        actor: staff,
        deadline: "investigation",
        until: addCalendarDays(investigation.due, rng.int(1, 60)),
        reason: "Särskilda skäl.",
      });
    }
  }
  return out;
}

/** Commands that must be refused here, with the refusal we expect. */
function invalidCandidates(rng: Rng, s: PersistedCase, at: string): [CaseCommand, string][] {
  const c = s.context;
  const out: [CaseCommand, string][] = [];
  if (isClosed(s)) {
    out.push([{ type: "NOTE_ADDED", at, actor: caseworker, text: "x" }, "closed"]);
    return out;
  }
  out.push([{ type: "NOTE_ADDED", at, actor: caseworker, text: " " }, "textRequired"]);
  out.push([{ type: "NOTE_ADDED", at, actor: publicActor, text: "x" }, "staffOnly"]);
  out.push([
    { type: "ASSIGNED", at, actor: caseworker, assignee: { id: "u-bo", name: "Bo" } },
    "teamLeadOnly",
  ]);
  out.push([
    { type: "REPORT_ADDED", at, actor: system, report: report({ id: rng.pick(c.reports).id }) },
    "reportAlreadyOnCase",
  ]);
  if (!c.deadlines.decision.metAt) {
    out.push([
      { type: "DEADLINE_EXTENDED", at, actor: caseworker, deadline: "decision", until: "2099-01-01", reason: "" },
      "extensionReasonRequired",
    ]);
    out.push([
      {
        type: "DEADLINE_EXTENDED",
        at,
        actor: caseworker,
        deadline: "decision",
        until: c.deadlines.decision.due,
        reason: "Skäl",
      },
      "extensionNotLater",
    ]);
  }
  const state = stateName(s);
  if (state === "preliminaryAssessment.planning" && c.flags.violence) {
    out.push([
      {
        type: "INVITATION_SENT",
        at,
        actor: caseworker,
        date: stockholmDate(at),
        time: "10:00",
        place: "Kontoret",
        invitees: ["Vårdnadshavare"],
      },
      "violenceNoInvitation",
    ]);
  }
  if (state === "awaitingApproval" && c.proposal) {
    const proposer = c.proposal.proposedBy;
    if (proposer.role === "teamLead") {
      out.push([{ type: "DECISION_APPROVED", at, actor: proposer }, "proposerCannotApprove"]);
    }
    out.push([{ type: "DECISION_RETURNED", at, actor: teamLead, comment: "" }, "commentRequired"]);
  }
  if (state !== "supportOffered") {
    out.push([{ type: "SUPPORT_ACCEPTED", at, actor: caseworker }, "notAllowedInState"]);
  }
  return out;
}

function checkInvariants(s: PersistedCase, effects: Effect[]): void {
  const c = s.context;
  const times = c.reports.map((r) => Date.parse(r.receivedAt));
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(new Set(c.reports.map((r) => r.id)).size).toBe(c.reports.length);
  expect(c.flags.violence).toBe(c.reports.some((r) => r.violence));
  expect(c.deadlines.decision.due >= c.deadlines.decision.originalDue).toBe(true);
  for (const e of c.deadlines.decision.extensions) expect(e.reason.trim()).not.toBe("");
  if (c.decision) expect(c.decision.approvedBy.id).not.toBe(c.decision.proposedBy.id);
  expect(isClosed(s)).toBe(c.closedAt !== null);
  expect(isClosed(s)).toBe(c.outcome !== null);
  if (stateName(s) === "investigation") expect(c.deadlines.investigation).not.toBeNull();
  if (isClosed(s) || stateName(s) === "supportOffered") expect(nextDeadline(s)).toBeNull();
  else expect(nextDeadline(s)).not.toBeNull();
  for (const effect of effects) {
    // Never a letter to the guardians before the caseworker decides how, in a violence case.
    if (effect.type === "sendLetter" && c.flags.violence) {
      expect(effect.params.letter).not.toBe("invitation");
    }
    if (effect.type === "sendFeedback") {
      expect(effect.params.reportIds.length).toBeGreaterThan(0);
      for (const id of effect.params.reportIds) {
        expect(c.reports.find((r) => r.id === id)?.mandatedReporter).toBe(true);
      }
    }
  }
}

function walk(seed: number): { events: CaseEvent[]; final: PersistedCase; visited: Set<string> } {
  const rng = prng(seed);
  // Start anywhere in 2026, DST nights included.
  let now = Date.parse("2026-01-01T00:00:00Z") + rng.int(0, 364 * 24 * 60) * 60_000;
  const first = opened({
    caseId: `case-${seed}`,
    report: report({
      receivedAt: new Date(now).toISOString(),
      violence: rng.chance(0.25),
      mandatedReporter: rng.chance(0.6),
    }),
  });
  const events: CaseEvent[] = [first];
  let snapshot = openCase(first).snapshot;
  const visited = new Set<string>([stateName(snapshot)]);

  for (let n = 2; n < 60 && !isClosed(snapshot); n++) {
    now += rng.int(1, 72 * 60) * 60_000;
    const at = new Date(now).toISOString();

    for (const [bad, code] of invalidCandidates(rng, snapshot, at)) {
      const before = structuredClone(snapshot);
      expect(decide(snapshot, bad), `${bad.type} in ${stateName(snapshot)}`).toEqual({
        ok: false,
        refusal: code,
      });
      expect(snapshot).toStrictEqual(before);
    }

    const candidates = validCandidates(rng, snapshot, at, n);
    // Lean towards moving the case on, so that walks reach the later states.
    const moving = candidates.filter(
      (e) => !["ASSIGNED", "REPORT_ADDED", "NOTE_ADDED", "DEADLINE_EXTENDED", "REPORT_SUPPLEMENTED"].includes(e.type),
    );
    const event = moving.length > 0 && rng.chance(0.7) ? rng.pick(moving) : rng.pick(candidates);

    const result = decide(snapshot, event);
    if (!result.ok) {
      throw new Error(`seed ${seed}: ${event.type} refused in ${stateName(snapshot)}: ${result.refusal}`);
    }
    // Available commands are a superset of what can be done (payload aside).
    expect(availableCommands(snapshot, event.actor)).toContain(event.type);
    checkInvariants(result.snapshot, result.effects);
    events.push(event);
    snapshot = result.snapshot;
    visited.add(stateName(snapshot));
  }
  return { events, final: snapshot, visited };
}

describe("random valid walks (seeded)", () => {
  it("replay(events) equals the decided snapshot, which survives JSON, for 300 walks", () => {
    const visited = new Set<string>();
    const seen = new Set<string>();
    for (let seed = 1; seed <= 300; seed++) {
      const { events, final, visited: v } = walk(seed);
      v.forEach((s) => visited.add(s));
      events.forEach((e) => seen.add(e.type));

      // The log itself is stored as JSON: replay from the parsed log.
      const log = JSON.parse(JSON.stringify(events)) as CaseEvent[];
      expect(replay(log), `seed ${seed}`).toStrictEqual(final);
      expect(JSON.parse(JSON.stringify(final)), `seed ${seed}`).toStrictEqual(final);
    }
    // The walks really did cover the chart.
    expect([...visited].sort()).toEqual(
      [
        "received",
        "preliminaryAssessment.planning",
        "preliminaryAssessment.invited",
        "preliminaryAssessment.conversationHeld",
        "awaitingApproval",
        "investigation",
        "supportOffered",
        "closed",
      ].sort(),
    );
    expect([...seen].sort()).toEqual(["CASE_OPENED", ...COMMAND_TYPES].sort());
  }, 120_000);

  it("refusal codes used by the walks are all in the exported list", () => {
    // Guards against a code typo: `decide` is typed, but the list is what the app translates.
    for (const code of ["closed", "textRequired", "staffOnly", "teamLeadOnly", "reportAlreadyOnCase"]) {
      expect(REFUSAL_CODES).toContain(code);
    }
  });
});

describe("replay", () => {
  it("needs CASE_OPENED first", () => {
    expect(() => replay([])).toThrow(/CASE_OPENED/);
    expect(() => replay([{ type: "NOTE_ADDED", at: "2026-03-20T10:00:00Z", actor: caseworker, text: "x" }])).toThrow(
      /first event must be CASE_OPENED/,
    );
  });

  it("throws a clear error naming the refused event", () => {
    const first = opened();
    expect(() =>
      replay([
        first,
        { type: "INVITATION_SENT", at: "2026-03-20T10:00:00Z", actor: caseworker, date: "2026-03-25", time: "10:00", place: "K", invitees: ["V"] },
      ]),
    ).toThrow(/event #1 \(INVITATION_SENT at 2026-03-20T10:00:00Z\) refused in state 'received': notAllowedInState/);
    expect(() => replay([first, first])).toThrow(/second CASE_OPENED/);
  });
});
