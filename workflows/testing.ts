/**
 * Builders for tests of the workflow (used by workflows/*.test.ts, and handy for
 * seeds elsewhere). Nothing here is used by the machine itself.
 */
import { decide, type Decision, type PersistedCase } from "./index";
import type { Actor, CaseCommand, CaseOpenedEvent, ReportRef } from "./types";

export const caseworker: Actor = { id: "u-anna", name: "Anna Handläggare", role: "caseworker" };
export const otherCaseworker: Actor = { id: "u-bo", name: "Bo Handläggare", role: "caseworker" };
export const teamLead: Actor = { id: "u-lena", name: "Lena Arbetsledare", role: "teamLead" };
export const otherTeamLead: Actor = { id: "u-karl", name: "Karl Enhetschef", role: "teamLead" };
export const publicActor: Actor = { id: "anonymous", name: "Allmänheten", role: "public" };
export const system: Actor = { id: "system", name: "Värna", role: "system" };

export function report(overrides: Partial<ReportRef> = {}): ReportRef {
  return {
    id: "r-1",
    receivedAt: "2026-03-20T09:00:00.000Z", // 10:00 in Stockholm
    violence: false,
    protectedIdentity: false,
    mandatedReporter: true,
    ...overrides,
  };
}

export function opened(overrides: Partial<CaseOpenedEvent> = {}): CaseOpenedEvent {
  const r = overrides.report ?? report();
  return {
    type: "CASE_OPENED",
    at: r.receivedAt,
    actor: publicActor,
    caseId: "case-1",
    referenceNumber: "ORO-2026-0001",
    child: { name: "Elsa Exempel", protectedIdentity: false },
    report: r,
    ...overrides,
  };
}

/** Decide and insist on acceptance; the failure message names the refusal. */
export function accept(
  snapshot: PersistedCase,
  event: CaseCommand,
): Extract<Decision, { ok: true }> {
  const result = decide(snapshot, event);
  if (!result.ok) {
    throw new Error(`${event.type} was refused: ${result.refusal}`);
  }
  return result;
}

/** Apply several commands in order, each of which must be accepted. */
export function run(snapshot: PersistedCase, ...events: CaseCommand[]): PersistedCase {
  return events.reduce((s, e) => accept(s, e).snapshot, snapshot);
}

/** The refusal code for a command that must be refused. */
export function refusalOf(snapshot: PersistedCase, event: CaseCommand): string {
  const result = decide(snapshot, event);
  if (result.ok) throw new Error(`${event.type} was accepted but should be refused`);
  return result.refusal;
}
