/**
 * The pure API the server uses to change a case. No I/O and no clock: the server
 * loads a PersistedCase, calls `decide`, and in one transaction appends the event,
 * stores the new snapshot and performs the effects. A refusal writes nothing.
 */
import {
  getNextTransitions,
  initialTransition,
  transition,
  type SnapshotFrom,
  type StateValue,
} from "xstate";
import { CASE_MACHINE_VERSION, caseMachine } from "./case-machine";
import { isIsoInstant } from "./deadlines";
import { nonEmpty, precondition, refusal } from "./rules";
import {
  type Actor,
  type CaseCommand,
  type CaseContext,
  type CaseEvent,
  type CaseOpenedEvent,
  COMMAND_TYPES,
  type CommandType,
  type Effect,
  EFFECT_TYPES,
  type LetterKind,
  type RefusalCode,
  type StateName,
  STATE_NAMES,
} from "./types";

export * from "./types";
export * from "./deadlines";
export { CASE_MACHINE_VERSION, caseMachine } from "./case-machine";
export {
  caseChildAddress,
  childAge,
  childLetterAddress,
  feedbackWaiting,
  guardianLetterAddress,
  hasOwnVoice,
  letterGuardians,
  OWN_VOICE_AGE,
  recipientsWithoutAddress,
  unassessedReports,
} from "./case-context";
export { childHeard, isApprover, SPECIAL_REASONS_MIN } from "./rules";
import { feedbackWaiting, unassessedReports } from "./case-context";

/**
 * A case as stored: plain JSON that round-trips through JSON.stringify/parse.
 * `value` is XState's state value (e.g. { preliminaryAssessment: "planning" });
 * use `stateName()` for the flat name to store in a column or show.
 */
export interface PersistedCase {
  machineVersion: number;
  value: StateValue;
  context: CaseContext;
}

export type Decision =
  | { ok: true; snapshot: PersistedCase; effects: Effect[] }
  | { ok: false; refusal: RefusalCode };

type MachineSnapshot = SnapshotFrom<typeof caseMachine>;

function flatten(value: StateValue): string {
  if (typeof value === "string") return value;
  const [key, child] = Object.entries(value)[0] ?? [];
  if (key === undefined || child === undefined) return "";
  return `${key}.${flatten(child)}`;
}

/** The flat state name: 'received', 'preliminaryAssessment.planning', …, 'closed'. */
export function stateName(snapshot: PersistedCase): StateName {
  return flatten(snapshot.value) as StateName;
}

export function isClosed(snapshot: PersistedCase): boolean {
  return stateName(snapshot) === "closed";
}

/**
 * A snapshot stored by an earlier machine version, in today's shape, when nothing but new
 * fields with a neutral value tell them apart (v2 → v3: feedback withheld, none; v3 → v4: no
 * address of the child given by staff). Other snapshots are returned unchanged; `decide`
 * refuses those that are still not current.
 */
export function upgradeSnapshot(snapshot: PersistedCase): PersistedCase {
  if (!snapshot?.context) return snapshot;
  let upgraded = snapshot;
  if (upgraded.machineVersion === 2) {
    const withReason = <T extends object | null>(p: T): T =>
      p === null ? p : ({ ...p, feedbackWithheldReason: null } as T);
    const c = upgraded.context;
    upgraded = {
      ...upgraded,
      machineVersion: 3,
      context: {
        ...c,
        proposal: withReason(c.proposal),
        decision: withReason(c.decision),
        returnComment: c.returnComment && { ...c.returnComment, proposal: withReason(c.returnComment.proposal) },
        feedbackWithheld: [],
      },
    };
  }
  if (upgraded.machineVersion === 3) {
    const c = upgraded.context;
    upgraded = { ...upgraded, machineVersion: 4, context: { ...c, child: Object.assign({ address: null, addressCorrected: false }, c.child) } };
  }
  return upgraded;
}

function isCurrent(snapshot: PersistedCase): boolean {
  return (
    snapshot.machineVersion === CASE_MACHINE_VERSION &&
    (STATE_NAMES as readonly string[]).includes(flatten(snapshot.value))
  );
}

function restore(snapshot: PersistedCase): MachineSnapshot {
  return caseMachine.resolveState({ value: snapshot.value, context: snapshot.context });
}

function persist(snapshot: MachineSnapshot): PersistedCase {
  // A JSON copy: detached from the events it was built from, and exactly what the database returns.
  return JSON.parse(
    JSON.stringify({
      machineVersion: CASE_MACHINE_VERSION,
      value: snapshot.value,
      context: snapshot.context,
    }),
  ) as PersistedCase;
}

/** The effects in a fixed order: letters first, then feedback (each in the order asked). */
function effectsOf(actions: readonly { type: string; params: unknown }[]): Effect[] {
  const rank = (type: string) => (EFFECT_TYPES as readonly string[]).indexOf(type);
  return actions
    .filter((a) => rank(a.type) >= 0)
    .sort((a, b) => rank(a.type) - rank(b.type))
    .map((a) => JSON.parse(JSON.stringify({ type: a.type, params: a.params })) as Effect);
}

/** Command types the current state has a transition for, whatever the guards say. */
function handledTypes(snapshot: MachineSnapshot): Set<string> {
  return new Set(getNextTransitions(snapshot).map((t) => t.eventType));
}

function checkOpened(opened: CaseOpenedEvent): void {
  const problems: string[] = [];
  if (opened.type !== "CASE_OPENED") problems.push("type must be CASE_OPENED");
  if (!isIsoInstant(opened.at)) problems.push("at must be an ISO instant with offset");
  if (!nonEmpty(opened.caseId)) problems.push("caseId is required");
  if (!nonEmpty(opened.referenceNumber)) problems.push("referenceNumber is required");
  if (typeof opened.child?.name !== "string") problems.push("child.name is required");
  if (typeof opened.child?.protectedIdentity !== "boolean") {
    problems.push("child.protectedIdentity must be a boolean");
  }
  const r = opened.report;
  if (!nonEmpty(r?.id)) problems.push("report.id is required");
  if (!isIsoInstant(r?.receivedAt)) problems.push("report.receivedAt must be an ISO instant with offset");
  for (const flag of ["violence", "protectedIdentity", "mandatedReporter"] as const) {
    if (typeof r?.[flag] !== "boolean") problems.push(`report.${flag} must be a boolean`);
  }
  if (problems.length > 0) throw new Error(`Invalid CASE_OPENED: ${problems.join("; ")}`);
}

/** Start a case from its first report. Throws on a malformed CASE_OPENED (a programming error). */
export function openCase(opened: CaseOpenedEvent): { snapshot: PersistedCase; effects: Effect[] } {
  checkOpened(opened);
  const [snapshot, actions] = initialTransition(caseMachine, opened);
  return { snapshot: persist(snapshot), effects: effectsOf(actions) };
}

/**
 * Apply a command, or say precisely why not. Never throws for a well-typed command.
 * 'unsupportedMachineVersion' means the stored snapshot is from another machine
 * version: rebuild it with `replay(events)` and decide again.
 */
export function decide(stored: PersistedCase, event: CaseCommand): Decision {
  const snapshot = upgradeSnapshot(stored);
  if (!isCurrent(snapshot)) return { ok: false, refusal: "unsupportedMachineVersion" };
  // A closed case takes one thing only: a feedback its decision withheld.
  if (isClosed(snapshot) && (event?.type !== "FEEDBACK_SENT" || feedbackWaiting(snapshot.context).length === 0)) {
    return { ok: false, refusal: "closed" };
  }
  if (
    typeof event !== "object" ||
    event === null ||
    !(COMMAND_TYPES as readonly unknown[]).includes(event.type)
  ) {
    return { ok: false, refusal: "invalidEvent" };
  }

  const current = restore(snapshot);
  if (!handledTypes(current).has(event.type)) return { ok: false, refusal: "notAllowedInState" };

  const refused = refusal(stateName(snapshot), snapshot.context, event);
  if (refused) return { ok: false, refusal: refused };

  const [next, actions] = transition(caseMachine, current, event);
  // The machine's guards call the same `refusal`; this only catches a routing gap.
  if (next === current) return { ok: false, refusal: "notAllowedInState" };
  return { ok: true, snapshot: persist(next), effects: effectsOf(actions) };
}

export function can(snapshot: PersistedCase, event: CaseCommand): boolean {
  return decide(snapshot, event).ok;
}

/** Who approves in a dry run: a team lead who is not the proposer (the letters do not depend on who). */
const DRY_RUN_APPROVER: Actor = { id: "dry-run-approver", name: "", role: "teamLead" };

/**
 * The letters to the family that approving the waiting proposal would send, as the statechart
 * itself answers it: a dry run of DECISION_APPROVED (none when there is nothing to approve, or
 * the approval is refused, e.g. a report still unassessed). The same for the approver and for
 * the proposer, who may not approve but can still put a missing address in while it waits.
 */
export function lettersOnApproval(snapshot: PersistedCase, at: string): LetterKind[] {
  const result = decide(snapshot, { type: "DECISION_APPROVED", at, actor: DRY_RUN_APPROVER });
  return result.ok ? result.effects.flatMap((e) => (e.type === "sendLetter" ? [e.params.letter] : [])) : [];
}

/**
 * The commands this actor could give now: the state takes them and nothing but the
 * payload (texts, dates, choices) could still refuse them. For the case page's buttons.
 */
export function availableCommands(stored: PersistedCase, actor: Actor): CommandType[] {
  const snapshot = upgradeSnapshot(stored);
  if (!isCurrent(snapshot)) return [];
  if (isClosed(snapshot) && feedbackWaiting(snapshot.context).length === 0) return [];
  const handled = handledTypes(restore(snapshot));
  const state = stateName(snapshot);
  return COMMAND_TYPES.filter(
    (type) => handled.has(type) && precondition(state, snapshot.context, type, actor) === null,
  );
}

/** Rebuild a case from its event log. Throws if the log does not start with CASE_OPENED or an event is refused. */
export function replay(events: readonly CaseEvent[]): PersistedCase {
  const [first, ...rest] = events;
  if (!first || first.type !== "CASE_OPENED") {
    throw new Error("replay: the first event must be CASE_OPENED");
  }
  let snapshot = openCase(first).snapshot;
  rest.forEach((event, i) => {
    if (event.type === "CASE_OPENED") {
      throw new Error(`replay: event #${i + 1} is a second CASE_OPENED`);
    }
    const result = decide(snapshot, event);
    if (!result.ok) {
      throw new Error(
        `replay: event #${i + 1} (${event.type} at ${event.at}) refused in state ` +
          `'${stateName(snapshot)}': ${result.refusal}`,
      );
    }
    snapshot = result.snapshot;
  });
  return snapshot;
}

export type DeadlineKind = "protectionAssessment" | "decision" | "investigation";

/**
 * The deadline that governs the case now, or null when none does (support offered, closed).
 * A report waiting for its protection assessment comes first, whatever the state.
 */
export function nextDeadline(snapshot: PersistedCase): { kind: DeadlineKind; due: string } | null {
  const { deadlines } = snapshot.context;
  const pending = isClosed(snapshot) ? [] : unassessedReports(snapshot.context);
  if (pending.length > 0) {
    return { kind: "protectionAssessment", due: pending.map((r) => r.protectionDue).sort()[0]! };
  }
  switch (stateName(snapshot)) {
    case "received":
      return { kind: "protectionAssessment", due: deadlines.protectionAssessment.due };
    case "preliminaryAssessment.planning":
    case "preliminaryAssessment.invited":
    case "preliminaryAssessment.conversationHeld":
    case "awaitingApproval":
      return { kind: "decision", due: deadlines.decision.due };
    case "investigation":
      return deadlines.investigation
        ? { kind: "investigation", due: deadlines.investigation.due }
        : null;
    default:
      return null;
  }
}
