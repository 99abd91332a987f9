/**
 * The guards of the case machine, written once as plain functions so that the
 * machine (which only needs yes/no) and `decide` (which must say *why*) agree.
 *
 * `precondition` looks only at the state, the context and who is acting: it
 * decides which buttons the case page shows. `refusal` adds the checks on the
 * event's own payload (texts, dates, choices).
 */
import { isIsoDate, isIsoInstant, stockholmDate } from "./deadlines";
import {
  ACTOR_ROLES,
  type Actor,
  type CaseCommand,
  type CaseContext,
  COMMAND_TYPES,
  type CommandType,
  DECISION_OUTCOMES,
  type RefusalCode,
  type StateName,
  SUPPORT_MEASURES,
} from "./types";

const TEAM_LEAD_ONLY: ReadonlySet<CommandType> = new Set([
  "ASSIGNED",
  "DECISION_APPROVED",
  "DECISION_RETURNED",
]);
// A new report joins the case from intake, whoever submitted it; everything else is staff work.
const OPEN_TO_ANYONE: ReadonlySet<CommandType> = new Set(["REPORT_ADDED", "REPORT_SUPPLEMENTED"]);

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value.trim().length > 0;
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === "string";
}

function nonEmptyList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every(nonEmpty);
}

function isActor(value: unknown): value is Actor {
  return (
    isRecord(value) &&
    nonEmpty(value.id) &&
    typeof value.name === "string" &&
    (ACTOR_ROLES as readonly unknown[]).includes(value.role)
  );
}

function supportCheck(value: unknown): RefusalCode | null {
  if (!Array.isArray(value)) return "invalidEvent";
  return value.every((m) => (SUPPORT_MEASURES as readonly unknown[]).includes(m))
    ? null
    : "unknownSupportMeasure";
}

export function isStaff(actor: Actor): boolean {
  return actor.role === "caseworker" || actor.role === "teamLead";
}

/**
 * Whether `actor` may give a command of this type now, judged without its payload.
 * The caller has already established that the state takes the command at all.
 */
export function precondition(
  state: StateName,
  context: CaseContext,
  type: CommandType,
  actor: Actor,
): RefusalCode | null {
  if (TEAM_LEAD_ONLY.has(type) && actor.role !== "teamLead") return "teamLeadOnly";
  if (!OPEN_TO_ANYONE.has(type) && !isStaff(actor)) return "staffOnly";
  // Adding to a report is the reporter's own act; staff write notes instead.
  if (type === "REPORT_SUPPLEMENTED" && isStaff(actor)) return "notAllowedInState";

  switch (type) {
    case "INVITATION_SENT":
      // Guardians must not learn of a violence report before social services decide how.
      return context.flags.violence ? "violenceNoInvitation" : null;
    case "DECISION_PROPOSED":
      return state === "received" && !context.flags.violence
        ? "protectionAssessmentRequired"
        : null;
    case "DECISION_APPROVED":
    case "DECISION_RETURNED": {
      const proposal = context.proposal;
      if (!proposal) return "notAllowedInState";
      if (type === "DECISION_RETURNED") return null;
      // Four eyes: the approver is never the proposer.
      if (proposal.proposedBy.id === actor.id) return "proposerCannotApprove";
      // A violence report may have joined after the proposal was made.
      if (context.flags.violence && proposal.outcome !== "openInvestigation") {
        return "onlyInvestigationForViolence";
      }
      return null;
    }
    case "INVESTIGATION_NOTICE_SENT":
      return context.investigationNotice ? "noticeAlreadySent" : null;
    case "DEADLINE_EXTENDED": {
      // Which deadline is payload; whether any is still running is not.
      const { decision, investigation } = context.deadlines;
      return !decision.metAt || (investigation && !investigation.concludedAt)
        ? null
        : "deadlineAlreadyMet";
    }
    default:
      return null;
  }
}

function payloadRefusal(
  state: StateName,
  context: CaseContext,
  event: CaseCommand,
): RefusalCode | null {
  switch (event.type) {
    case "PROTECTION_ASSESSED":
      if (typeof event.needsProtection !== "boolean") return "invalidEvent";
      return nonEmpty(event.assessment) ? null : "assessmentRequired";

    case "ASSIGNED":
      return isRecord(event.assignee) && nonEmpty(event.assignee.id) && nonEmpty(event.assignee.name)
        ? null
        : "assigneeRequired";

    case "REPORT_ADDED": {
      const r: unknown = event.report;
      if (
        !isRecord(r) ||
        !nonEmpty(r.id) ||
        typeof r.violence !== "boolean" ||
        typeof r.protectedIdentity !== "boolean" ||
        typeof r.mandatedReporter !== "boolean"
      ) {
        return "invalidEvent";
      }
      if (!isIsoInstant(r.receivedAt)) return "invalidTimestamp";
      return context.reports.some((known) => known.id === r.id) ? "reportAlreadyOnCase" : null;
    }

    case "NOTE_ADDED":
      return nonEmpty(event.text) ? null : "textRequired";

    case "REPORT_SUPPLEMENTED":
      if (!nonEmpty(event.reportId) || (event.via !== "code" && event.via !== "account")) return "invalidEvent";
      // Only a report that is on this case can be added to.
      if (!context.reports.some((r) => r.id === event.reportId)) return "invalidEvent";
      return nonEmpty(event.text) ? null : "textRequired";

    case "DEADLINE_EXTENDED": {
      if (event.deadline !== "decision" && event.deadline !== "investigation") return "invalidEvent";
      // Synnerliga skäl: an extension without a recorded reason is not an extension.
      if (!nonEmpty(event.reason)) return "extensionReasonRequired";
      let due: string;
      if (event.deadline === "decision") {
        if (context.deadlines.decision.metAt) return "deadlineAlreadyMet";
        due = context.deadlines.decision.due;
      } else {
        const investigation = context.deadlines.investigation;
        if (!investigation) return "investigationNotOpened";
        if (investigation.concludedAt) return "deadlineAlreadyMet";
        due = investigation.due;
      }
      if (!isIsoDate(event.until)) return "invalidDate";
      return event.until > due ? null : "extensionNotLater";
    }

    case "INVITATION_SENT":
      if (!isIsoDate(event.date) || typeof event.time !== "string" || !TIME.test(event.time)) {
        return "invalidDate";
      }
      if (!nonEmpty(event.place) || !nonEmptyList(event.invitees)) {
        return "invitationDetailsRequired";
      }
      return event.date < stockholmDate(event.at) ? "invitationDateInPast" : null;

    case "CONVERSATION_HELD":
      if (!nonEmptyList(event.participants)) return "participantsRequired";
      return nonEmpty(event.notes) ? null : "notesRequired";

    case "NO_SHOW":
    case "SUPPORT_ACCEPTED":
    case "SUPPORT_DECLINED":
      return optionalString(event.note) ? null : "invalidEvent";

    case "DECISION_PROPOSED": {
      if (!(DECISION_OUTCOMES as readonly unknown[]).includes(event.outcome)) return "invalidEvent";
      if (
        typeof event.reasoning !== "string" ||
        !optionalString(event.childNotHeardReason) ||
        !optionalString(event.transferTo)
      ) {
        return "invalidEvent";
      }
      const support = supportCheck(event.support);
      if (support) return support;
      if (context.flags.violence && event.outcome !== "openInvestigation") {
        return "onlyInvestigationForViolence";
      }
      if (event.support.length > 0 && event.outcome !== "noInvestigation") {
        return "supportOnlyWithoutInvestigation";
      }
      if (event.outcome === "noInvestigation" && !nonEmpty(event.reasoning)) {
        return "reasoningRequired";
      }
      if (event.outcome === "transfer" && !nonEmpty(event.transferTo)) {
        return "transferToRequired";
      }
      // The child's view must be documented, or why it was not heard.
      if (
        state !== "preliminaryAssessment.conversationHeld" &&
        !nonEmpty(event.childNotHeardReason)
      ) {
        return "childNotHeardReasonRequired";
      }
      return null;
    }

    case "DECISION_RETURNED":
      return nonEmpty(event.comment) ? null : "commentRequired";

    case "INVESTIGATION_CONCLUDED": {
      if (event.outcome !== "support" && event.outcome !== "none") return "invalidEvent";
      const support = supportCheck(event.support);
      if (support) return support;
      if (event.outcome === "support" && event.support.length === 0) return "supportRequired";
      if (event.outcome === "none" && event.support.length > 0) return "supportNotExpected";
      return nonEmpty(event.summary) ? null : "summaryRequired";
    }

    case "DECISION_APPROVED":
    case "INVESTIGATION_NOTICE_SENT":
      return null;
  }
}

/**
 * Why `event` must be refused in `state`, or null when it is acceptable.
 * Assumes the state has a transition for the event's type; `decide` checks that first.
 */
export function refusal(
  state: StateName,
  context: CaseContext,
  event: CaseCommand,
): RefusalCode | null {
  if (!isRecord(event) || !(COMMAND_TYPES as readonly unknown[]).includes(event.type)) {
    return "invalidEvent";
  }
  if (!isActor(event.actor)) return "invalidEvent";
  if (!isIsoInstant(event.at)) return "invalidTimestamp";
  return (
    precondition(state, context, event.type, event.actor) ??
    payloadRefusal(state, context, event)
  );
}
