import { and, asc, eq, inArray } from "drizzle-orm";

import type { Db, Tx } from "../../db/client";
import { cases, children, reports, users } from "../../db/schema";
import type { Actor, CaseCommand, Effect, PersistedCase, RefusalCode, SupportMeasure } from "../../workflows";
import type { SessionUser } from "../auth/session.server";
import { sealCase } from "../audit/seal.server";
import { storeLetter } from "../letters/archive.server";
import type { Caseworker, Recipient } from "../letters/render.server";
import { applyToCase } from "./store.server";
import { supportMeasureNames } from "./support";

/** A command as the case page sends it: everything but who and when, which the server adds. */
export type CommandInput = CaseCommand extends infer C
  ? C extends CaseCommand
    ? Omit<C, "at" | "actor">
    : never
  : never;

export type CommandResult =
  | { ok: true; version: number }
  | { ok: false; refusal: RefusalCode | "stale" | "notFound" | "forbidden" };

export function actorOf(user: SessionUser): Actor {
  if (user.role !== "caseworker" && user.role !== "teamLead") {
    throw new Error("Only caseworkers and team leads act on cases");
  }
  return { id: user.id, name: user.name, role: user.role };
}

/**
 * Applies one command to a case: the statechart decides; the event, the new snapshot and the
 * letters it asks for are written in one transaction, or nothing is.
 * `expectedVersion` is the version the user's page showed; if someone acted since, the
 * command is refused as stale rather than applied to a case the user has not seen.
 */
export async function runCaseCommand(
  db: Db,
  input: { caseId: string; expectedVersion: number; user: SessionUser; command: CommandInput },
  now: Date = new Date(),
): Promise<CommandResult> {
  const { user } = input;
  if (user.role !== "caseworker" && user.role !== "teamLead") return { ok: false, refusal: "forbidden" };
  const command = { ...input.command, at: now.toISOString(), actor: actorOf(user) } as CaseCommand;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ unitId: cases.unitId })
      .from(cases)
      .where(eq(cases.id, input.caseId));
    // A caseworker of another unit sees nothing, and so cannot act either.
    if (!row || row.unitId !== user.unitId) return { ok: false, refusal: "notFound" } as const;
    const result = await applyToCase(tx, input.caseId, input.expectedVersion, command);
    if (!result.ok) {
      // Nothing was written; roll back the row lock and leave.
      return result;
    }
    await performEffects(tx, input.caseId, result.version, result.snapshot, result.effects, command);
    await sealCase(tx, input.caseId, now);
    return { ok: true, version: result.version } as const;
  });
}

async function performEffects(
  tx: Tx,
  caseId: string,
  seq: number,
  snapshot: PersistedCase,
  effects: Effect[],
  command: CaseCommand,
) {
  if (effects.length === 0) return;
  const context = snapshot.context;
  const parties = await caseParties(tx, caseId, snapshot);
  const common = { referenceNumber: context.referenceNumber, createdAt: command.at };
  for (const effect of effects) {
    if (effect.type === "sendFeedback") {
      for (const reporter of parties.mandatedReporters.filter((r) => effect.params.reportIds.includes(r.reportId))) {
        await storeLetter(tx, {
          caseId,
          reportId: reporter.reportId,
          eventSeq: seq,
          recipientName: reporter.name,
          letter: {
            ...common,
            kind: "feedback",
            recipient: { name: reporter.name, organisation: reporter.organisation },
            outcome: effect.params.outcome,
            decidedAt: command.at,
          },
        });
      }
      continue;
    }
    switch (effect.params.letter) {
      case "invitation": {
        const invitation = context.invitation!;
        for (const name of invitation.invitees) {
          const isChild = name === context.child.name;
          const recipient: Recipient = isChild
            ? { name, address: parties.childAddress }
            : (parties.guardians.find((g) => g.name === name) ?? { name, address: null });
          await storeLetter(tx, {
            caseId,
            reportId: null,
            eventSeq: seq,
            recipientName: name,
            letter: {
              ...common,
              kind: "invitation",
              recipient,
              recipientRole: isChild ? "child" : "guardian",
              childName: context.child.name,
              date: invitation.date,
              time: invitation.time,
              place: invitation.place,
              caseworker: parties.caseworker,
            },
          });
        }
        break;
      }
      case "decision": {
        const decision = context.decision!;
        for (const recipient of parties.guardians) {
          await storeLetter(tx, {
            caseId,
            reportId: null,
            eventSeq: seq,
            recipientName: recipient.name,
            letter: {
              ...common,
              kind: "decision",
              recipient,
              childName: context.child.name,
              outcome: decision.outcome,
              reasoning: decision.reasoning,
              support: decision.support.map((m: SupportMeasure) => supportMeasureNames.sv[m]),
              decidedAt: decision.at,
              approvedBy: decision.approvedBy.name,
              caseworker: parties.caseworker,
            },
          });
        }
        break;
      }
      case "investigationNotice": {
        for (const recipient of parties.guardians) {
          await storeLetter(tx, {
            caseId,
            reportId: null,
            eventSeq: seq,
            recipientName: recipient.name,
            letter: {
              ...common,
              kind: "investigationNotice",
              recipient,
              childName: context.child.name,
              openedAt: context.deadlines.investigation?.openedAt ?? command.at,
              caseworker: parties.caseworker,
            },
          });
        }
        break;
      }
    }
  }
}

/**
 * Who the letters of a case go to: the guardians named in its reports (the newest details
 * win), the mandated reporters, and the caseworker responsible. An address is left out
 * whenever the child has protected personal data: a letter must never reach the wrong home.
 */
async function caseParties(tx: Tx, caseId: string, snapshot: PersistedCase) {
  const rows = await tx
    .select({
      reportId: reports.id,
      guardians: reports.guardians,
      reporterKind: reports.reporterKind,
      reporterName: reports.reporterName,
      reporterOrganisation: reports.reporterOrganisation,
      childAddress: children.address,
      childProtected: children.protectedIdentity,
    })
    .from(reports)
    .innerJoin(cases, eq(cases.id, reports.caseId))
    .innerJoin(children, eq(children.id, cases.childId))
    .where(eq(reports.caseId, caseId))
    .orderBy(asc(reports.receivedAt));
  const protectedIdentity =
    snapshot.context.flags.protectedIdentity || rows.some((r) => r.childProtected);
  const guardians = new Map<string, Recipient>();
  for (const r of rows) {
    for (const g of r.guardians) {
      guardians.set(g.name, { name: g.name, address: protectedIdentity ? null : g.address });
    }
  }
  const mandatedReporters = rows
    .filter((r) => r.reporterKind === "mandated" && r.reporterName)
    .map((r) => ({ reportId: r.reportId, name: r.reporterName!, organisation: r.reporterOrganisation ?? "" }));

  const assigneeId = snapshot.context.assignee?.id;
  let caseworker: Caseworker = { name: "Socialtjänsten – Barn och unga", phone: "0523-61 30 00" };
  if (assigneeId) {
    const [u] = await tx.select({ name: users.name, phone: users.phone }).from(users).where(eq(users.id, assigneeId));
    if (u) caseworker = { name: u.name, phone: u.phone ?? "0523-61 30 00" };
  }
  return {
    guardians: [...guardians.values()],
    childAddress: protectedIdentity ? null : (rows[0]?.childAddress ?? null),
    mandatedReporters,
    caseworker,
  };
}

export async function staffOfUnit(db: Db, unitId: string) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.unitId, unitId), inArray(users.role, ["caseworker", "teamLead"]), eq(users.active, true)))
    .orderBy(asc(users.name));
}
