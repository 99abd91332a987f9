/**
 * The caseworker's answer to a possible match. Confirming merges the new case into the earlier
 * one through the statechart, both cases in one transaction: CASE_MERGED closes the new case,
 * its reports move to the earlier case (REPORT_ADDED, each with its own protection assessment
 * and 14 days from its arrival, as if it had joined at intake), both are sealed. Rejecting
 * records MATCH_REJECTED on the new case; the pair stays rejected for good.
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
  /** The earlier case closed meanwhile: the report cannot join it. */
  | "candidateClosed"
  /** The new case's protection assessment (or more) was made: it can no longer be merged. */
  | "alreadyAssessed";

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

async function answered(tx: Tx, matchId: string, status: "confirmed" | "rejected", answer: MatchAnswer, now: Date) {
  await tx
    .update(possibleMatches)
    .set({ status, decidedById: answer.user.id, decidedByName: answer.user.name, decidedAt: now, comment: answer.comment.trim() })
    .where(eq(possibleMatches.id, matchId));
}

function refusalOfApply(refusal: string): MatchRefusal {
  if (refusal === "stale" || refusal === "notFound") return refusal;
  if (refusal === "closed" || refusal === "notAllowedInState") return "alreadyAssessed";
  throw new Error(`possible match: the statechart refused with ${refusal}`);
}

async function answer(
  db: Db,
  input: MatchAnswer,
  work: (tx: Tx, match: Awaited<ReturnType<typeof lockPending>>, actor: Actor) => Promise<string | undefined>,
): Promise<{ ok: true; intoCaseId?: string } | { ok: false; refusal: MatchRefusal }> {
  const { user } = input;
  if (user.role !== "caseworker" && user.role !== "teamLead") return { ok: false, refusal: "forbidden" };
  if (input.comment.trim().length === 0) return { ok: false, refusal: "commentRequired" };
  try {
    return await db.transaction(async (tx) => {
      const match = await lockPending(tx, input);
      const intoCaseId = await work(tx, match, await actorFor(tx, user));
      return intoCaseId ? { ok: true as const, intoCaseId } : { ok: true as const };
    });
  } catch (error) {
    // Everything written before the refusal is rolled back with the transaction.
    if (error instanceof Refused) return { ok: false, refusal: error.refusal };
    throw error;
  }
}

export function confirmMatch(db: Db, input: MatchAnswer, now: Date = new Date()) {
  return answer(db, input, async (tx, match, actor) => {
    const at = now.toISOString();
    const comment = input.comment.trim();
    const [into] = await tx
      .select({ id: cases.id, referenceNumber: cases.referenceNumber, open: cases.open, childId: cases.childId })
      .from(cases)
      .where(and(eq(cases.id, match.candidateCaseId), eq(cases.unitId, match.unitId)));
    if (!into) throw new Refused("notFound");
    if (!into.open) throw new Refused("candidateClosed");
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
    if (!added.ok) throw new Refused(added.refusal === "closed" ? "candidateClosed" : refusalOfApply(added.refusal));

    // Protection once known is never dropped (as at intake): the earlier child's record keeps it.
    await tx.execute(sql`
      update ${children} set protected_identity = true
       where id = ${into.childId} and not protected_identity
         and exists (select 1 from ${children} c where c.id = ${from!.childId} and c.protected_identity)`);
    await answered(tx, match.id, "confirmed", input, now);
    await sealCase(tx, input.caseId, now);
    await sealCase(tx, into.id, now);
    return into.id;
  });
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
    await answered(tx, match.id, "rejected", input, now);
    await sealCase(tx, input.caseId, now);
    return undefined;
  });
}
