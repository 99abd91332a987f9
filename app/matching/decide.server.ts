/**
 * The caseworker's answer to a possible match. Confirming a match with an OPEN earlier case
 * merges the new case into it through the statechart, both cases in one transaction:
 * CASE_MERGED closes the new case, its reports move to the earlier case (REPORT_ADDED, each
 * with its own protection assessment and 14 days from its arrival, as if it had joined at
 * intake), both are sealed. Confirming a match with a CLOSED earlier case cannot merge (nothing
 * joins a closed case): CHILD_LINKED on the new case records that its child is that case's
 * child, and the new case points at the earlier child record from then on (its earlier cases
 * and reports show with it and count as repeat reports); the new case goes on, sealed in the
 * same transaction. Rejecting records MATCH_REJECTED on the new case; the pair stays rejected
 * for good.
 */
import { and, eq, sql } from "drizzle-orm";

import type { Db, Tx } from "../../db/client";
import { cases, children, possibleMatches, reports } from "../../db/schema";
import type { Actor, CaseCommand, PersistedCase } from "../../workflows";
import { sealCase } from "../audit/seal.server";
import type { SessionUser } from "../auth/session.server";
import { actorFor } from "../cases/commands.server";
import { applyCommands } from "../cases/store.server";

export type MatchRefusal =
  | "notFound"
  | "forbidden"
  | "stale"
  | "decided"
  | "commentRequired"
  /** The new case's protection assessment (or more) was made: it can no longer be merged. */
  | "alreadyAssessed"
  /** The new case is closed: its child can no longer be linked. */
  | "caseClosed"
  /** The earlier case was itself merged into another: compare with that one. */
  | "candidateMerged"
  /** The new case's child was already confirmed as another case's child. */
  | "alreadyLinked";

export type MatchAnswer = {
  matchId: string;
  /** The new case (the page the caseworker answers on) and the version that page showed. */
  caseId: string;
  expectedVersion: number;
  user: SessionUser;
  comment: string;
};

class Refused extends Error {
  constructor(readonly refusal: MatchRefusal) {
    super(refusal);
  }
}

/** The pending match on this case, locked; refuses anything else. */
async function lockPending(tx: Tx, answer: MatchAnswer) {
  const [match] = await tx
    .select({
      id: possibleMatches.id,
      status: possibleMatches.status,
      candidateCaseId: possibleMatches.candidateCaseId,
      unitId: cases.unitId,
    })
    .from(possibleMatches)
    .innerJoin(cases, eq(cases.id, possibleMatches.caseId))
    .where(and(eq(possibleMatches.id, answer.matchId), eq(possibleMatches.caseId, answer.caseId)))
    .for("update", { of: possibleMatches });
  if (!match || match.unitId !== answer.user.unitId) throw new Refused("notFound");
  if (match.status !== "pending") throw new Refused("decided");
  return match;
}

async function answered(tx: Tx, answer: MatchAnswer, status: "confirmed" | "rejected", now: Date) {
  await tx
    .update(possibleMatches)
    .set({ status, decidedById: answer.user.id, decidedByName: answer.user.name, decidedAt: now, comment: answer.comment.trim() })
    .where(eq(possibleMatches.id, answer.matchId));
}

function refusalOfApply(refusal: string): MatchRefusal {
  if (refusal === "stale" || refusal === "notFound") return refusal;
  if (refusal === "closed" || refusal === "notAllowedInState") return "alreadyAssessed";
  throw new Error(`possible match: the statechart refused with ${refusal}`);
}

/** What a confirmed match did: merged into an open case, or linked to a closed case's child. */
export type MatchDone = { intoCaseId?: string; linkedTo?: string };

async function answer(
  db: Db,
  input: MatchAnswer,
  work: (tx: Tx, match: Awaited<ReturnType<typeof lockPending>>, actor: Actor) => Promise<MatchDone>,
): Promise<({ ok: true } & MatchDone) | { ok: false; refusal: MatchRefusal }> {
  const { user } = input;
  if (user.role !== "caseworker" && user.role !== "teamLead") return { ok: false, refusal: "forbidden" };
  if (input.comment.trim().length === 0) return { ok: false, refusal: "commentRequired" };
  try {
    return await db.transaction(async (tx) => {
      const match = await lockPending(tx, input);
      const done = await work(tx, match, await actorFor(tx, user));
      return { ok: true as const, ...done };
    });
  } catch (error) {
    // Everything written before the refusal is rolled back with the transaction.
    if (error instanceof Refused) return { ok: false, refusal: error.refusal };
    throw error;
  }
}

export function confirmMatch(db: Db, input: MatchAnswer, now: Date = new Date()) {
  return answer(db, input, async (tx, match, actor) => {
    const [into] = await tx
      .select({
        id: cases.id,
        referenceNumber: cases.referenceNumber,
        open: cases.open,
        childId: cases.childId,
        outcome: sql<string | null>`${cases.snapshot}->'context'->>'outcome'`,
      })
      .from(cases)
      .where(and(eq(cases.id, match.candidateCaseId), eq(cases.unitId, match.unitId)));
    if (!into) throw new Refused("notFound");
    // One child: once confirmed as one earlier child's, the case is not merged or linked elsewhere.
    const [confirmed] = await tx
      .select({ id: possibleMatches.id })
      .from(possibleMatches)
      .where(and(eq(possibleMatches.caseId, input.caseId), eq(possibleMatches.status, "confirmed")))
      .limit(1);
    if (confirmed) throw new Refused("alreadyLinked");
    return into.open ? merge(tx, input, actor, into, now) : link(tx, input, actor, into, now);
  });
}

type Candidate = { id: string; referenceNumber: string; childId: string; outcome: string | null };

/** Protection once known is never dropped (as at intake): the earlier child's record keeps it. */
async function keepProtection(tx: Tx, intoChildId: string, fromChildId: string) {
  await tx.execute(sql`
    update ${children} set protected_identity = true
     where id = ${intoChildId} and not protected_identity
       and exists (select 1 from ${children} c where c.id = ${fromChildId} and c.protected_identity)`);
}

/** The earlier case is open: the new case (still `received`) is merged into it. */
async function merge(tx: Tx, input: MatchAnswer, actor: Actor, into: Candidate, now: Date): Promise<MatchDone> {
  const at = now.toISOString();
  const comment = input.comment.trim();
  const [from] = await tx
    .select({ snapshot: cases.snapshot, referenceNumber: cases.referenceNumber, childId: cases.childId })
    .from(cases)
    .where(eq(cases.id, input.caseId));
  const moving = (from!.snapshot as PersistedCase).context.reports;

  // The new case first (its row is locked and its version checked), then the earlier one.
  const merged = await applyCommands(tx, input.caseId, input.expectedVersion, [
    {
      type: "CASE_MERGED",
      at,
      actor,
      intoCaseId: into.id,
      intoReferenceNumber: into.referenceNumber,
      reportIds: moving.map((r) => r.id),
      comment,
    },
  ]);
  if (!merged.ok) throw new Refused(refusalOfApply(merged.refusal));

  await tx.update(reports).set({ caseId: into.id }).where(eq(reports.caseId, input.caseId));
  const joinedFrom = { caseId: input.caseId, referenceNumber: from!.referenceNumber };
  const added = await applyCommands(
    tx,
    into.id,
    null,
    moving.map(
      (r): CaseCommand => ({
        type: "REPORT_ADDED",
        at,
        actor,
        report: {
          id: r.id,
          receivedAt: r.receivedAt,
          violence: r.violence,
          protectedIdentity: r.protectedIdentity,
          mandatedReporter: r.mandatedReporter,
          violenceKinds: [...r.violenceKinds],
        },
        joinedFrom,
      }),
    ),
  );
  // Read open without its lock; closed since, it takes nothing: the page is out of date.
  if (!added.ok) throw new Refused(added.refusal === "closed" ? "stale" : refusalOfApply(added.refusal));

  await keepProtection(tx, into.childId, from!.childId);
  await answered(tx, input, "confirmed", now);
  await sealCase(tx, input.caseId, now);
  await sealCase(tx, into.id, now);
  return { intoCaseId: into.id };
}

/**
 * The earlier case is closed: nothing can join it, so the new case keeps its reports and goes
 * on, and its child becomes the earlier case's child — CHILD_LINKED names both child records,
 * and cases.child_id follows it in the same transaction (audit:verify holds the two together).
 */
async function link(tx: Tx, input: MatchAnswer, actor: Actor, into: Candidate, now: Date): Promise<MatchDone> {
  if (into.outcome === "merged") throw new Refused("candidateMerged");
  const [from] = await tx.select({ childId: cases.childId }).from(cases).where(eq(cases.id, input.caseId));
  const linked = await applyCommands(tx, input.caseId, input.expectedVersion, [
    {
      type: "CHILD_LINKED",
      at: now.toISOString(),
      actor,
      candidateCaseId: into.id,
      candidateReferenceNumber: into.referenceNumber,
      childId: into.childId,
      previousChildId: from!.childId,
      comment: input.comment.trim(),
    },
  ]);
  if (!linked.ok) throw new Refused(linked.refusal === "closed" ? "caseClosed" : refusalOfApply(linked.refusal));
  // The statistics' triggers recompute both children's repeat reports (…_statistics_counters.sql).
  await tx.update(cases).set({ childId: into.childId }).where(eq(cases.id, input.caseId));
  await keepProtection(tx, into.childId, from!.childId);
  await answered(tx, input, "confirmed", now);
  await sealCase(tx, input.caseId, now);
  return { linkedTo: into.id };
}

export function rejectMatch(db: Db, input: MatchAnswer, now: Date = new Date()) {
  return answer(db, input, async (tx, match, actor) => {
    const [candidate] = await tx
      .select({ referenceNumber: cases.referenceNumber })
      .from(cases)
      .where(eq(cases.id, match.candidateCaseId));
    const result = await applyCommands(tx, input.caseId, input.expectedVersion, [
      {
        type: "MATCH_REJECTED",
        at: now.toISOString(),
        actor,
        candidateCaseId: match.candidateCaseId,
        candidateReferenceNumber: candidate!.referenceNumber,
        comment: input.comment.trim(),
      },
    ]);
    if (!result.ok) throw new Refused(refusalOfApply(result.refusal));
    await answered(tx, input, "rejected", now);
    await sealCase(tx, input.caseId, now);
    return {};
  });
}
