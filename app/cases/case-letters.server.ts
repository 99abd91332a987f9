/**
 * The letters a step of the workflow asks for (the machine's effects), written in the
 * step's transaction. Recipients come from the case's facts as staff confirmed them —
 * never from what a report said: a guardian gets a letter only when confirmed, with
 * custody and not suspected of the violence; no address is printed for a person with
 * protected identity.
 */
import { asc, eq } from "drizzle-orm";

import type { Tx } from "../../db/client";
import { reports, users } from "../../db/schema";
import {
  childLetterAddress,
  guardianLetterAddress,
  hasOwnVoice,
  letterGuardians,
  type CaseCommand,
  type CaseContext,
  type Effect,
  type PersistedCase,
  type SupportMeasure,
} from "../../workflows";
import { senderOfCase, storeLetter } from "../letters/archive.server";
import type { Caseworker, Municipality, Recipient } from "../letters/render.server";
import { supportMeasureNames } from "./support";

/** The child's first name: a letter to the child speaks to them by it. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/**
 * The caseworker a letter names: the assignee, else the member of staff who took the step —
 * always a real person; their own phone, or the unit's number when they have none.
 */
async function responsible(tx: Tx, context: CaseContext, command: CaseCommand, sender: Municipality): Promise<Caseworker> {
  const id = context.assignee?.id ?? command.actor.id;
  const [u] = /^[0-9a-f-]{36}$/.test(id)
    ? await tx.select({ name: users.name, phone: users.phone }).from(users).where(eq(users.id, id))
    : [];
  const name = u?.name ?? context.assignee?.name ?? command.actor.name;
  return { name, phone: u?.phone ?? sender.phone };
}

function guardianRecipients(context: CaseContext): Recipient[] {
  return letterGuardians(context).map((g) => ({ name: g.name, address: guardianLetterAddress(context, g) }));
}

export async function performEffects(
  tx: Tx,
  caseId: string,
  seq: number,
  snapshot: PersistedCase,
  effects: Effect[],
  command: CaseCommand,
  /** The child's record's address; the case's own (CHILD_ADDRESS_CORRECTED) wins, see caseChildAddress. */
  recordAddress: string | null,
) {
  if (effects.length === 0) return;
  const context = snapshot.context;
  const municipality = await senderOfCase(tx, caseId);
  const caseworker = await responsible(tx, context, command, municipality);
  const reportRows = await tx
    .select({
      reportId: reports.id,
      receivedAt: reports.receivedAt,
      reporterKind: reports.reporterKind,
      anonymous: reports.anonymous,
      reporterName: reports.reporterName,
      reporterOrganisation: reports.reporterOrganisation,
      interpreterLanguage: reports.interpreterLanguage,
    })
    .from(reports)
    .where(eq(reports.caseId, caseId))
    .orderBy(asc(reports.receivedAt));
  const common = { referenceNumber: context.referenceNumber, createdAt: command.at };
  const store = (recipientName: string, reportId: string | null, letter: Parameters<typeof storeLetter>[1]["letter"]) =>
    storeLetter(tx, { caseId, reportId, eventSeq: seq, recipientName, letter, municipality });
  const child: Recipient = { name: firstName(context.child.name), address: childLetterAddress(context, recordAddress) };
  const childHasOwnLetters = hasOwnVoice(context, command.at);
  const interpreterLanguage = [...reportRows].reverse().find((r) => r.interpreterLanguage)?.interpreterLanguage ?? null;

  for (const effect of effects) {
    if (effect.type === "sendFeedback") {
      // Mandated reporters only, never an anonymous one.
      const answered = reportRows.filter(
        (r) => effect.params.reportIds.includes(r.reportId) && r.reporterKind === "mandated" && !r.anonymous && r.reporterName,
      );
      for (const r of answered) {
        await store(r.reporterName!, r.reportId, {
          ...common,
          kind: "feedback",
          recipient: { name: r.reporterName!, organisation: r.reporterOrganisation ?? "" },
          outcome: effect.params.outcome,
          // A feedback withheld and sent later answers the decision, and carries its date.
          decidedAt: effect.params.decidedAt ?? command.at,
          reportReceivedAt: r.receivedAt.toISOString(),
        });
      }
      continue;
    }
    switch (effect.params.letter) {
      case "invitation": {
        const invitation = context.invitation!;
        const guardians = guardianRecipients(context);
        for (const name of invitation.invitees) {
          const isChild = name === context.child.name;
          if (isChild && !childHasOwnLetters) continue; // a younger child is invited through the guardians' letters
          const recipient = isChild ? child : guardians.find((g) => g.name === name);
          if (!recipient) continue; // not a confirmed guardian: the case page warned before the step
          await store(recipient.name, null, {
            ...common,
            kind: "invitation",
            recipient,
            recipientRole: isChild ? "child" : "guardian",
            childName: context.child.name,
            date: invitation.date,
            time: invitation.time,
            place: invitation.place,
            caseworker,
            interpreterLanguage,
          });
        }
        break;
      }
      case "decision": {
        const decision = context.decision!;
        const recipients: [Recipient, "guardian" | "child"][] = guardianRecipients(context).map((g) => [g, "guardian"]);
        if (childHasOwnLetters) recipients.push([child, "child"]);
        for (const [recipient, role] of recipients) {
          await store(recipient.name, null, {
            ...common,
            kind: "decision",
            recipient,
            recipientRole: role,
            childName: role === "child" ? firstName(context.child.name) : context.child.name,
            outcome: decision.outcome,
            reasoning: decision.reasoning,
            support: decision.support.map((m: SupportMeasure) => supportMeasureNames.sv[m]),
            decidedAt: decision.at,
            approvedBy: decision.approvedBy.name,
            caseworker,
          });
        }
        break;
      }
      case "investigationNotice": {
        for (const recipient of guardianRecipients(context)) {
          await store(recipient.name, null, {
            ...common,
            kind: "investigationNotice",
            recipient,
            childName: context.child.name,
            openedAt: context.deadlines.investigation?.openedAt ?? command.at,
            caseworker,
          });
        }
        break;
      }
    }
  }
}
