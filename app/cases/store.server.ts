import { and, desc, eq, sql } from "drizzle-orm";

import type { Tx } from "../../db/client";
import { caseEvents, cases } from "../../db/schema";
import {
  CASE_MACHINE_VERSION,
  decide,
  isClosed,
  nextDeadline,
  openCase,
  stateName,
  type CaseCommand,
  type CaseEvent,
  type CaseOpenedEvent,
  type Effect,
  type PersistedCase,
  type RefusalCode,
  upgradeSnapshot,
} from "../../workflows";
import { eventHash, genesisHash } from "../audit/hash";
import { noteChangeStart } from "../audit/seal.server";

/** What the inbox filters and sorts on, copied from the snapshot on every change. */
export function caseColumns(snapshot: PersistedCase) {
  const { context } = snapshot;
  const deadline = nextDeadline(snapshot);
  return {
    state: stateName(snapshot),
    snapshot,
    machineVersion: snapshot.machineVersion,
    open: !isClosed(snapshot),
    urgent: context.flags.urgent,
    violence: context.flags.violence,
    reportCount: context.reports.length,
    assigneeId: context.assignee?.id ?? null,
    nextDeadlineKind: deadline?.kind ?? null,
    nextDeadline: deadline?.due ?? null,
    decisionDue: context.deadlines.decision.due,
  };
}

/** Appends one event to a case's hash chain. */
async function appendEvent(tx: Tx, caseId: string, seq: number, prevHash: string, event: CaseEvent) {
  // Users are stored by uuid; public submitters and the system have no account.
  const actorId = /^[0-9a-f-]{36}$/.test(event.actor.id) ? event.actor.id : null;
  const fields = {
    caseId,
    seq,
    type: event.type,
    event,
    actorId,
    actorName: event.actor.name,
    occurredAt: new Date(event.at).toISOString(),
  };
  const hash = eventHash(prevHash, fields);
  await tx.insert(caseEvents).values({
    caseId,
    seq,
    type: event.type,
    event,
    actorId,
    actorName: event.actor.name,
    occurredAt: new Date(event.at),
    prevHash,
    hash,
  });
  return hash;
}

/**
 * Creates a case from its first report: the CASE_OPENED event is seq 1, and the child record
 * it names is the case's (so the chain seals which child the case is about).
 */
export async function insertCase(
  tx: Tx,
  input: {
    caseId: string;
    unitId: string;
    previousCaseId: string | null;
    opened: CaseOpenedEvent & { childId: string };
  },
): Promise<{ snapshot: PersistedCase; effects: Effect[] }> {
  const { snapshot, effects } = openCase(input.opened);
  await tx.insert(cases).values({
    id: input.caseId,
    unitId: input.unitId,
    referenceNumber: input.opened.referenceNumber,
    childId: input.opened.childId,
    previousCaseId: input.previousCaseId,
    receivedAt: new Date(input.opened.at),
    version: 1,
    updatedAt: new Date(input.opened.at),
    ...caseColumns(snapshot),
  });
  await appendEvent(tx, input.caseId, 1, genesisHash(input.caseId), input.opened);
  return { snapshot, effects };
}

export type ApplyResult =
  | { ok: true; snapshot: PersistedCase; effects: Effect[]; version: number }
  | { ok: false; refusal: RefusalCode | "stale" | "notFound" };

/**
 * Asks the statechart, then writes the event, the snapshot and the new version. The row is
 * locked for the rest of the transaction; `expectedVersion` (what the user saw) must match,
 * so two people acting at once cannot both win.
 */
export async function applyToCase(
  tx: Tx,
  caseId: string,
  expectedVersion: number | null,
  command: CaseCommand,
): Promise<ApplyResult> {
  const result = await applyCommands(tx, caseId, expectedVersion, [command]);
  return result.ok ? { ...result, effects: result.effects[0] ?? [] } : result;
}

/**
 * Several commands as one step (e.g. the first caseworker to act takes the case, then acts):
 * all are decided before anything is written, so either every event is stored or none.
 * `effects[i]` are the effects of `commands[i]`.
 */
export async function applyCommands(
  tx: Tx,
  caseId: string,
  expectedVersion: number | null,
  commands: CaseCommand[],
): Promise<
  | { ok: true; snapshot: PersistedCase; effects: Effect[][]; version: number; seqs: number[] }
  | { ok: false; refusal: RefusalCode | "stale" | "notFound" }
> {
  const [row] = await tx
    .select({ snapshot: cases.snapshot, version: cases.version })
    .from(cases)
    .where(eq(cases.id, caseId))
    .for("update");
  if (!row) return { ok: false, refusal: "notFound" };
  if (expectedVersion !== null && row.version !== expectedVersion) return { ok: false, refusal: "stale" };
  // A snapshot of an earlier machine version that today's reads alike (see upgradeSnapshot).
  const current = upgradeSnapshot(row.snapshot as PersistedCase);
  if (current.machineVersion !== CASE_MACHINE_VERSION) {
    throw new Error(`case ${caseId} has machine version ${current.machineVersion}; migrate it first`);
  }
  let snapshot = current;
  const effects: Effect[][] = [];
  for (const command of commands) {
    const result = decide(snapshot, command);
    if (!result.ok) return result;
    snapshot = result.snapshot;
    effects.push(result.effects);
  }
  await noteChangeStart(tx, caseId);

  const [last] = await tx
    .select({ seq: caseEvents.seq, hash: caseEvents.hash })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(desc(caseEvents.seq))
    .limit(1);
  if (!last || last.seq !== row.version) {
    throw new Error(`case ${caseId}: version ${row.version} does not match its last event`);
  }
  let seq = row.version;
  let prevHash = last.hash;
  const seqs: number[] = [];
  for (const command of commands) {
    seq += 1;
    prevHash = await appendEvent(tx, caseId, seq, prevHash, command);
    seqs.push(seq);
  }
  const lastCommand = commands[commands.length - 1]!;
  const closing = isClosed(snapshot);
  const updated = await tx
    .update(cases)
    .set({
      ...caseColumns(snapshot),
      version: seq,
      updatedAt: new Date(lastCommand.at),
      // When the case closed (a feedback sent later does not move it).
      closedAt: closing ? new Date(snapshot.context.closedAt ?? lastCommand.at) : null,
    })
    .where(and(eq(cases.id, caseId), eq(cases.version, row.version)))
    .returning({ id: cases.id });
  if (updated.length !== 1) return { ok: false, refusal: "stale" };
  return { ok: true, snapshot, effects, version: seq, seqs };
}

/** The next reference number (diarienummer) for a case received in `year`. */
export async function nextReferenceNumber(tx: Tx, year: string): Promise<string> {
  const result = await tx.execute(sql`select nextval('case_reference_seq')::text as n`);
  const [row] = rowsOf<{ n: string }>(result);
  return `VRN-${year}-${row!.n.padStart(5, "0")}`;
}

/** drizzle's execute() returns rows as an array (postgres.js) or under .rows (PGlite). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
