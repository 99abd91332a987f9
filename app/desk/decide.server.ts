/**
 * Answering a waiting proposal from the desk: "Godkänn" (DECISION_APPROVED) or "Returnera" with
 * a comment (DECISION_RETURNED), exactly the commands of the case page, through
 * runCaseCommand: the statechart decides (four eyes: never one's own proposal; a team lead or the
 * unit's deputy approver), and the event, its letters, the feedback to mandated reporters and the
 * seal are written in one transaction or not at all. `version` is the case as the desk showed it.
 */
import { eq } from "drizzle-orm";

import type { Db } from "../../db/client";
import { cases } from "../../db/schema";
import type { SessionUser } from "../auth/session.server";
import { isProposalAnswer, parseProposalAnswer } from "../cases/command-schemas";
import { runCaseCommand, type CommandInput } from "../cases/commands.server";
import { isUuid } from "../cases/inbox-filters";

export type DecideOutcome =
  | { ok: true; done: "approved" | "returned"; referenceNumber: string }
  | { ok: false; status: 400 | 404 | 409; message: string; caseId: string | null; form: "decide" | "return" };

export async function decideFromDesk(db: Db, user: SessionUser, form: FormData, now: Date = new Date()): Promise<DecideOutcome> {
  const intent = form.get("intent");
  const caseId = form.get("caseId");
  const which = intent === "DECISION_RETURNED" ? "return" : "decide";
  if (!isProposalAnswer(intent) || !isUuid(caseId)) {
    return { ok: false, status: 400, message: "desk.assign.noCase", caseId: null, form: which };
  }
  const versionField = form.get("version");
  const version = typeof versionField === "string" && /^\d{1,9}$/.test(versionField) ? Number(versionField) : null;
  if (version === null) return { ok: false, status: 400, message: "form.stale", caseId, form: which };

  const submission = parseProposalAnswer(form, intent);
  if (submission.status !== "success") {
    const message = Object.values(submission.error ?? {}).flat()[0] ?? "refusal.invalidEvent";
    return { ok: false, status: 400, message, caseId, form: which };
  }
  const result = await runCaseCommand(
    db,
    { caseId, expectedVersion: version, user, command: submission.value as CommandInput },
    now,
  );
  if (!result.ok) {
    if (result.refusal === "notFound") return { ok: false, status: 404, message: "desk.assign.noCase", caseId, form: which };
    return { ok: false, status: 409, message: `refusal.${result.refusal}`, caseId, form: which };
  }
  const [row] = await db.select({ referenceNumber: cases.referenceNumber }).from(cases).where(eq(cases.id, caseId));
  return { ok: true, done: intent === "DECISION_APPROVED" ? "approved" : "returned", referenceNumber: row!.referenceNumber };
}
