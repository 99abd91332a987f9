import { and, asc, eq, inArray, sql } from "drizzle-orm";

import { builtOnce, type Db, type Queryable } from "../../db/client";
import { cases, children, units, users } from "../../db/schema";
import type { Actor, CaseCommand, RefusalCode } from "../../workflows";
import type { SessionUser } from "../auth/session.server";
import { sealCase } from "../audit/seal.server";
import { performEffects } from "./case-letters.server";
import { applyCommands } from "./store.server";

/** A command as the case page sends it: everything but who and when, which the server adds. */
export type CommandInput = CaseCommand extends infer C
  ? C extends CaseCommand
    ? Omit<C, "at" | "actor">
    : never
  : never;

export type CommandResult =
  | { ok: true; version: number }
  | { ok: false; refusal: RefusalCode | "stale" | "notFound" | "forbidden" };

export function actorOf(user: SessionUser, deputyApproverId: string | null = null): Actor {
  if (user.role !== "caseworker" && user.role !== "teamLead") {
    throw new Error("Only caseworkers and team leads act on cases");
  }
  const actor: Actor = { id: user.id, name: user.name, role: user.role };
  // The unit's deputy approver may approve besides the team leads (four eyes, never stuck).
  if (deputyApproverId !== null && deputyApproverId === user.id) actor.deputyApprover = true;
  return actor;
}

/** The user as the statechart sees them, with the unit's deputy-approver setting. */
export async function actorFor(db: Queryable, user: SessionUser): Promise<Actor> {
  if (!user.unitId) return actorOf(user);
  const [unit] = await db
    .select({ deputy: units.deputyApproverId })
    .from(units)
    .where(eq(units.id, user.unitId))
    .limit(1);
  return actorOf(user, unit?.deputy ?? null);
}

/**
 * Applies one command to a case: the statechart decides; the event, the new snapshot and the
 * letters it asks for are written in one transaction, or nothing is.
 * `expectedVersion` is the version the user's page showed; if someone acted since, the
 * command is refused as stale rather than applied to a case the user has not seen.
 * The first caseworker to act on an unassigned case becomes its assignee: an ASSIGNED event
 * goes before the command, in the same transaction.
 */
export async function runCaseCommand(
  db: Db,
  input: { caseId: string; expectedVersion: number; user: SessionUser; command: CommandInput },
  now: Date = new Date(),
): Promise<CommandResult> {
  const { user } = input;
  if (user.role !== "caseworker" && user.role !== "teamLead") return { ok: false, refusal: "forbidden" };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ unitId: cases.unitId, assigneeId: cases.assigneeId, childAddress: children.address })
      .from(cases)
      .innerJoin(children, eq(children.id, cases.childId))
      .where(eq(cases.id, input.caseId));
    // A caseworker of another unit sees nothing, and so cannot act either.
    if (!row || row.unitId !== user.unitId) return { ok: false, refusal: "notFound" } as const;
    const actor = await actorFor(tx, user);
    const at = now.toISOString();
    const command = { ...input.command, at, actor } as CaseCommand;
    const takes =
      user.role === "caseworker" && row.assigneeId === null && command.type !== "ASSIGNED"
        ? [{ type: "ASSIGNED", at, actor, assignee: { id: user.id, name: user.name } } as CaseCommand]
        : [];
    const result = await applyCommands(tx, input.caseId, input.expectedVersion, [...takes, command]);
    if (!result.ok) {
      // Nothing was written; roll back the row lock and leave.
      return result;
    }
    const effects = result.effects[result.effects.length - 1] ?? [];
    await performEffects(tx, input.caseId, result.version, result.snapshot, effects, command, row.childAddress);
    await sealCase(tx, input.caseId, now);
    return { ok: true, version: result.version } as const;
  });
}

export async function staffOfUnit(db: Db, unitId: string) {
  return activeStaffOfUnit(db).execute({ unit: unitId });
}

/** The inbox and the desk ask on every page: built once. */
const activeStaffOfUnit = builtOnce((db) =>
  db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.unitId, sql.placeholder("unit")), inArray(users.role, ["caseworker", "teamLead"]), eq(users.active, true)))
    .orderBy(asc(users.name))
    .prepare("staff_of_unit"),
);
