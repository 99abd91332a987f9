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
  stockholmInstant,
  type SupportMeasure,
  childHeard,
  hasOwnVoice,
} from "./index";
const DEPUTY: Actor = { id: "u-dep", name: "Dora Ställföreträdare", role: "caseworker", deputyApprover: true };
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
  const pending = c.reports.filter((r) => r.protection === null);
  // Nothing is decided or closed while a report waits for its protection assessment.
  const settled = pending.length === 0;

  const proposal = (): CaseCommand => {
    const outcome = c.flags.violence
      ? "openInvestigation"
      : rng.pick(["noInvestigation", "openInvestigation", "alreadyInvestigated", "transfer"] as const);
    const heard = childHeard(c);
    return {
      type: "DECISION_PROPOSED",
      at,
      actor: staff,
      outcome,
      reasoning: outcome === "noInvestigation" || rng.chance(0.5) ? `Motivering ${n}` : "",
      support: outcome === "noInvestigation" && rng.chance(0.5) ? supportSubset(rng, 1) : [],
      ...(heard && rng.chance(0.7) ? {} : { childNotHeardReason: "Barnet ville inte delta." }),
      ...(outcome === "transfer" ? { transferTo: "Uddevalla kommun" } : {}),
      // Återkoppling withheld (barnets bästa), for a decision that answers a mandated reporter.
      ...(c.reports.some((r) => r.mandatedReporter && !r.decidedAt) && rng.chance(0.3)
        ? { feedbackWithheldReason: "Olämpligt med hänsyn till barnets bästa." }
        : {}),
    };
  };

  // A feedback a decision withheld can be sent in any state, the closed one too.
  const waiting = c.feedbackWithheld.filter((w) => w.sentAt === null);
  if (waiting.length > 0) {
    out.push({ type: "FEEDBACK_SENT", at, actor: staff, reportId: rng.pick(waiting).reportId });
  }

  if (pending.length > 0 && state !== "closed") {
    out.push({
      type: "PROTECTION_ASSESSED",
      at,
      actor: staff,
      reportId: rng.pick(pending).id,
      needsProtection: rng.chance(0.15),
      assessment: `Bedömning ${n}`,
    });
  }

  switch (state) {
    case "received":
      // A confirmed possible match ends the case; now and then, so most walks go further.
      if (rng.chance(0.2)) {
        out.push({
          type: "CASE_MERGED",
          at,
          actor: staff,
          intoCaseId: "case-earlier",
          intoReferenceNumber: "VRN-2026-00001",
          reportIds: c.reports.map((r) => r.id),
          comment: `Samma barn ${n}`,
        });
      }
      break;
    case "preliminaryAssessment.planning":
      if (!c.flags.violence) {
        out.push({
          type: "INVITATION_SENT",
          at,
          actor: staff,
          date: addCalendarDays(stockholmDate(at), rng.int(0, 3)),
          time: `${String(rng.int(8, 16)).padStart(2, "0")}:${rng.pick(["00", "15", "30", "45"])}`,
          place: "Socialkontoret",
          invitees: c.guardians.some((g) => g.suspected) ? [c.child.name] : ["Vårdnadshavare", c.child.name],
        });
      }
      if (settled) out.push(proposal());
      break;
    case "preliminaryAssessment.invited": {
      const booked = c.invitation ? stockholmInstant(c.invitation.date, c.invitation.time).getTime() : 0;
      if (Date.parse(at) >= booked) {
        out.push({
          type: "CONVERSATION_HELD",
          at,
          actor: staff,
          participants: rng.chance(0.7) ? [c.child.name, "Pappa"] : ["Pappa"],
          notes: `Samtal ${n}`,
        });
      }
      out.push({ type: "NO_SHOW", at, actor: staff, ...(rng.chance(0.5) ? { note: "Uteblev." } : {}) });
      if (settled) out.push(proposal());
      break;
    }
    case "preliminaryAssessment.conversationHeld":
      if (settled) out.push(proposal());
      break;
    case "awaitingApproval": {
      const proposer = c.proposal?.proposedBy.id;
      const approvers = [...TEAM_LEADS, DEPUTY].filter((a) => a.id !== proposer);
      const blocked = c.flags.violence && c.proposal?.outcome !== "openInvestigation";
      if (!blocked && settled) out.push({ type: "DECISION_APPROVED", at, actor: rng.pick(approvers) });
      out.push({ type: "DECISION_RETURNED", at, actor: rng.pick(TEAM_LEADS), comment: `Retur ${n}` });
      break;
    }
    case "investigation": {
      if (!c.investigationNotice) out.push({ type: "INVESTIGATION_NOTICE_SENT", at, actor: staff });
      const withSupport = rng.chance(0.5);
      if (settled) {
        out.push({
          type: "INVESTIGATION_CONCLUDED",
          at,
          actor: staff,
          outcome: withSupport ? "support" : "none",
          support: withSupport ? supportSubset(rng, 1) : [],
          summary: `Utredning ${n}`,
        });
      }
      const investigation = c.deadlines.investigation!;
      out.push({
        type: "INVESTIGATION_EXTENSION_PROPOSED",
        at,
        actor: staff,
        until: addCalendarDays(investigation.due, rng.int(1, 60)),
        reason: "Särskilda skäl: ett utlåtande från BUP dröjer.",
      });
      if (c.extensionProposal) {
        const approvers = TEAM_LEADS.filter((a) => a.id !== c.extensionProposal!.by.id);
        out.push({ type: "INVESTIGATION_EXTENSION_APPROVED", at, actor: rng.pick(approvers) });
      }
      break;
    }
    case "supportOffered": {
      const childAnswer = hasOwnVoice(c, at) ? { childAnswer: rng.pick(["accepted", "declined"] as const) } : {};
      if (settled) {
        out.push(
          rng.chance(0.5)
            ? { type: "SUPPORT_ACCEPTED", at, actor: staff, ...childAnswer }
            : { type: "SUPPORT_DECLINED", at, actor: staff, note: "Avböjde.", ...childAnswer },
        );
      }
      break;
    }
    default:
      break;
  }

  if (state !== "closed") {
    const guardian = c.guardians.length > 0 ? rng.pick(c.guardians) : null;
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
        // Now and then moved here from a merged case (a confirmed possible match).
        ...(rng.chance(0.2) ? { actor: staff, joinedFrom: { caseId: `case-merged-${n}`, referenceNumber: "VRN-2026-00002" } } : {}),
      },
      { type: "NOTE_ADDED", at, actor: staff, text: `Anteckning ${n}` },
      {
        type: "MATCH_REJECTED",
        at,
        actor: staff,
        candidateCaseId: `case-${n}`,
        candidateReferenceNumber: "VRN-2026-00009",
        comment: "Inte samma barn.",
      },
      {
        type: "CHILD_LINKED",
        at,
        actor: staff,
        candidateCaseId: `case-closed-${n}`,
        candidateReferenceNumber: "VRN-2025-00042",
        childId: `child-earlier-${n}`,
        previousChildId: "child-own",
        comment: "Samma barn som i det avslutade ärendet.",
      },
      {
        type: "REPORT_SUPPLEMENTED",
        at,
        actor: rng.pick([publicActor, { id: "u-karin", name: "Karin Ek", role: "reporter" as const }]),
        reportId: rng.pick(c.reports).id,
        text: `Komplettering ${n}`,
        via: rng.pick(["code", "account"] as const),
      },
      {
        type: "GUARDIAN_ADDED",
        at,
        actor: staff,
        guardianId: `g-${n}`,
        name: `Vårdnadshavare ${n}`,
        address: rng.chance(0.8) ? "Storgatan 1\n453 30 Lysekil" : null,
        custody: rng.chance(0.8),
        confirmed: rng.chance(0.5),
        reason: "Uppgift från anmälan, kontrollerad.",
      },
      c.flags.violence
        ? { type: "VIOLENCE_FLAG_CLEARED", at, actor: staff, reason: "Uppgiften visade sig felaktig." }
        : { type: "VIOLENCE_FLAG_SET", at, actor: staff, kinds: ["familyViolence"], reason: "Framkom i samtal." },
      { type: "PROTECTED_IDENTITY_SET", at, actor: staff, person: "child", protectedIdentity: rng.chance(0.5), reason: "Skatteverket." },
      { type: "CHILD_ADDRESS_CORRECTED", at, actor: staff, address: rng.chance(0.8) ? "Nygatan 3\n453 30 Lysekil" : null, reason: "Folkbokföringen." },
    );
    if (guardian) {
      out.push(
        { type: "GUARDIAN_CORRECTED", at, actor: staff, guardianId: guardian.id, name: `${guardian.name} R`, address: "Ny väg 2", custody: true, reason: "Rättat namn." },
        { type: "GUARDIAN_CONFIRMED", at, actor: staff, guardianId: guardian.id, reason: "Folkbokföringen." },
        { type: "GUARDIAN_SUSPECTED", at, actor: staff, guardianId: guardian.id, suspected: !guardian.suspected, reason: "Enligt barnet." },
        { type: "GUARDIAN_REMOVED", at, actor: staff, guardianId: guardian.id, reason: "Har inte vårdnaden." },
        { type: "PROTECTED_IDENTITY_SET", at, actor: staff, person: guardian.id, protectedIdentity: true, reason: "Skatteverket." },
      );
    }
    const { decision } = c.deadlines;
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
    c.assignee === null ? "selfAssignOnly" : "teamLeadOnly",
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
    if (proposer.role === "teamLead" && c.reports.every((r) => r.protection !== null)) {
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
  // A report is decided only after its protection assessment; a closed case has every report assessed.
  for (const r of c.reports) if (r.decidedAt) expect(r.protection).not.toBeNull();
  // (A merged case's reports went to the earlier case, to be assessed there.)
  if (isClosed(s) && c.outcome !== "merged") expect(c.reports.every((r) => r.protection !== null)).toBe(true);

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
    // Never an invitation to a guardian suspected of the violence.
    if (effect.type === "sendLetter" && effect.params.letter === "invitation") {
      for (const name of c.invitation!.invitees) {
        expect(c.guardians.some((g) => g.suspected && g.name === name)).toBe(false);
      }
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
    child: { name: "Elsa Exempel", protectedIdentity: false, birthDate: rng.chance(0.3) ? "2010-02-01" : "2018-06-30" },
    report: report({
      receivedAt: new Date(now).toISOString(),
      violence: rng.chance(0.25),
      mandatedReporter: rng.chance(0.6),
    }),
  });
  const events: CaseEvent[] = [first];
  let snapshot = openCase(first).snapshot;
  const visited = new Set<string>([stateName(snapshot)]);

  for (let n = 2; n < 60 && (!isClosed(snapshot) || snapshot.context.feedbackWithheld.some((w) => w.sentAt === null)); n++) {
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
      (e) =>
        !["ASSIGNED", "REPORT_ADDED", "NOTE_ADDED", "DEADLINE_EXTENDED", "INVESTIGATION_EXTENSION_PROPOSED"].includes(e.type) &&
        !e.type.startsWith("GUARDIAN_") &&
        !e.type.startsWith("VIOLENCE_") &&
        e.type !== "PROTECTED_IDENTITY_SET" &&
        e.type !== "REPORT_SUPPLEMENTED",
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
