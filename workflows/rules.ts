/**
 * The guards of the case machine, written once as plain functions so that the
 * machine (which only needs yes/no) and `decide` (which must say *why*) agree.
 *
 * `precondition` looks only at the state, the context and who is acting: it
 * decides which buttons the case page shows. `refusal` adds the checks on the
 * event's own payload (texts, dates, choices).
 */
import { feedbackWaiting, hasOwnVoice, unassessedReports } from "./case-context";
import { isIsoDate, isIsoInstant, stockholmDate, stockholmInstant } from "./deadlines";
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
  VIOLENCE_KINDS,
} from "./types";

/** Approving (or returning) a decision: a team lead, or the unit's deputy approver. */
const APPROVER_ONLY: ReadonlySet<CommandType> = new Set([
  "DECISION_APPROVED",
  "DECISION_RETURNED",
  "INVESTIGATION_EXTENSION_APPROVED",
]);
/** Särskilda skäl are written out, not a dot: at least this many characters. */
export const SPECIAL_REASONS_MIN = 20;
/** Steps that decide or close: refused while a report on the case is not yet assessed. */
const NEEDS_EVERY_REPORT_ASSESSED: ReadonlySet<CommandType> = new Set([
  "DECISION_PROPOSED",
  "DECISION_APPROVED",
  "SUPPORT_ACCEPTED",
  "SUPPORT_DECLINED",
  "INVESTIGATION_CONCLUDED",
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

export function isApprover(actor: Actor): boolean {
  return actor.role === "teamLead" || (isStaff(actor) && actor.deputyApprover === true);
}

function guardianCheck(context: CaseContext, id: unknown): RefusalCode | null {
  return context.guardians.some((g) => g.id === id) ? null : "guardianNotFound";
}

/** The child took part in the conversation on record (not merely: a conversation was held). */
export function childHeard(context: CaseContext): boolean {
  return context.conversation?.participants.includes(context.child.name) ?? false;
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
  if (APPROVER_ONLY.has(type) && !isApprover(actor)) return "teamLeadOnly";
  if (!OPEN_TO_ANYONE.has(type) && !isStaff(actor)) return "staffOnly";
  // Adding to a report is the reporter's own act; staff write notes instead.
  if (type === "REPORT_SUPPLEMENTED" && isStaff(actor)) return "notAllowedInState";
  // Every report is assessed before anything is decided or closed.
  if (NEEDS_EVERY_REPORT_ASSESSED.has(type) && unassessedReports(context).length > 0) {
    return type === "DECISION_PROPOSED" ? "protectionAssessmentRequired" : "reportUnassessed";
  }

  switch (type) {
    case "ASSIGNED":
      // A caseworker may take an unassigned case; giving a case to someone is the team lead's.
      return actor.role === "teamLead" || context.assignee === null ? null : "teamLeadOnly";
    case "PROTECTION_ASSESSED":
      return unassessedReports(context).length > 0 ? null : "reportAlreadyAssessed";
    case "INVITATION_SENT":
      // Guardians must not learn of a violence report before social services decide how.
      return context.flags.violence ? "violenceNoInvitation" : null;
    case "INVESTIGATION_EXTENSION_PROPOSED":
      return context.deadlines.investigation && !context.deadlines.investigation.concludedAt
        ? null
        : "investigationNotOpened";
    case "INVESTIGATION_EXTENSION_APPROVED": {
      const proposal = context.extensionProposal;
      if (!proposal) return "noExtensionProposed";
      return proposal.by.id === actor.id ? "proposerCannotApprove" : null;
    }
    case "GUARDIAN_CONFIRMED":
    case "GUARDIAN_CORRECTED":
    case "GUARDIAN_REMOVED":
    case "GUARDIAN_SUSPECTED":
      // Acts on a guardian staff have entered: with none, only adding one makes sense.
      return context.guardians.length > 0 ? null : "guardianNotFound";
    case "VIOLENCE_FLAG_CLEARED":
      return context.flags.violence ? null : "violenceNotFlagged";
    case "DECISION_APPROVED":
    case "DECISION_RETURNED": {
      const proposal = context.proposal;
      if (!proposal) return "notAllowedInState";
      if (type === "DECISION_RETURNED") return null;
      // Four eyes: the approver is never the proposer (also when the proposer is a team lead).
      if (proposal.proposedBy.id === actor.id) return "proposerCannotApprove";
      // A violence report may have joined after the proposal was made.
      if (context.flags.violence && proposal.outcome !== "openInvestigation") {
        return "onlyInvestigationForViolence";
      }
      return null;
    }
    case "INVESTIGATION_NOTICE_SENT":
      return context.investigationNotice ? "noticeAlreadySent" : null;
    case "DEADLINE_EXTENDED":
      // Only the 14 days; the 4 months are extended by an approved decision.
      return context.deadlines.decision.metAt ? "deadlineAlreadyMet" : null;
    case "FEEDBACK_SENT":
      return feedbackWaiting(context).length > 0 ? null : "feedbackNotWithheld";
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
    case "PROTECTION_ASSESSED": {
      if (typeof event.needsProtection !== "boolean") return "invalidEvent";
      const report = context.reports.find((r) => r.id === event.reportId);
      if (!report) return "reportNotOnCase";
      if (report.protection) return "reportAlreadyAssessed";
      return nonEmpty(event.assessment) ? null : "assessmentRequired";
    }

    case "ASSIGNED":
      if (!isRecord(event.assignee) || !nonEmpty(event.assignee.id) || !nonEmpty(event.assignee.name)) {
        return "assigneeRequired";
      }
      return event.actor.role === "teamLead" || event.assignee.id === event.actor.id ? null : "selfAssignOnly";

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
      if (event.joinedFrom !== undefined) {
        // Moved here by a caseworker confirming a possible match; never from the public form.
        if (!isStaff(event.actor)) return "staffOnly";
        const from: unknown = event.joinedFrom;
        if (!isRecord(from) || !nonEmpty(from.caseId) || !nonEmpty(from.referenceNumber) || from.caseId === context.caseId) {
          return "invalidEvent";
        }
      }
      return context.reports.some((known) => known.id === r.id) ? "reportAlreadyOnCase" : null;
    }

    case "CASE_MERGED": {
      if (!nonEmpty(event.intoCaseId) || !nonEmpty(event.intoReferenceNumber) || event.intoCaseId === context.caseId) {
        return "invalidEvent";
      }
      // Every report moves, and only this case's reports: the event names exactly what went.
      const ids = Array.isArray(event.reportIds) ? event.reportIds : [];
      const own = context.reports.map((r) => r.id);
      if (ids.length !== own.length || !own.every((id) => ids.includes(id))) return "invalidEvent";
      return nonEmpty(event.comment) ? null : "commentRequired";
    }

    case "CHILD_LINKED":
      if (
        !nonEmpty(event.candidateCaseId) ||
        !nonEmpty(event.candidateReferenceNumber) ||
        event.candidateCaseId === context.caseId ||
        !nonEmpty(event.childId) ||
        !nonEmpty(event.previousChildId) ||
        event.childId === event.previousChildId
      ) {
        return "invalidEvent";
      }
      return nonEmpty(event.comment) ? null : "commentRequired";

    case "MATCH_REJECTED":
      if (!nonEmpty(event.candidateCaseId) || !nonEmpty(event.candidateReferenceNumber)) return "invalidEvent";
      return nonEmpty(event.comment) ? null : "commentRequired";

    case "NOTE_ADDED":
      return nonEmpty(event.text) ? null : "textRequired";

    case "REPORT_SUPPLEMENTED":
      if (!nonEmpty(event.reportId) || (event.via !== "code" && event.via !== "account")) return "invalidEvent";
      if (!optionalString(event.idempotencyKey)) return "invalidEvent";
      // Only a report that is on this case can be added to.
      if (!context.reports.some((r) => r.id === event.reportId)) return "invalidEvent";
      return nonEmpty(event.text) ? null : "textRequired";

    case "DEADLINE_EXTENDED": {
      if (event.deadline === "investigation") return "investigationExtensionNeedsApproval";
      if (event.deadline !== "decision") return "invalidEvent";
      // Synnerliga skäl: an extension without a recorded reason is not an extension.
      if (!nonEmpty(event.reason)) return "extensionReasonRequired";
      if (context.deadlines.decision.metAt) return "deadlineAlreadyMet";
      if (!isIsoDate(event.until)) return "invalidDate";
      return event.until > context.deadlines.decision.due ? null : "extensionNotLater";
    }

    case "INVESTIGATION_EXTENSION_PROPOSED": {
      if (typeof event.reason !== "string" || event.reason.trim().length < SPECIAL_REASONS_MIN) {
        return "specialReasonsTooShort";
      }
      if (!isIsoDate(event.until)) return "invalidDate";
      const due = context.deadlines.investigation?.due ?? "";
      return event.until > due ? null : "extensionNotLater";
    }

    case "GUARDIAN_ADDED":
    case "GUARDIAN_CORRECTED": {
      const keepsAddress = event.type === "GUARDIAN_CORRECTED" && event.address === undefined;
      if (typeof event.custody !== "boolean" || !(keepsAddress || event.address === null || typeof event.address === "string")) {
        return "invalidEvent";
      }
      if (event.type === "GUARDIAN_ADDED" && typeof event.confirmed !== "boolean") return "invalidEvent";
      if (!nonEmpty(event.guardianId)) return "invalidEvent";
      if (event.type === "GUARDIAN_ADDED") {
        if (context.guardians.some((g) => g.id === event.guardianId)) return "guardianAlreadyOnCase";
      } else {
        const missing = guardianCheck(context, event.guardianId);
        if (missing) return missing;
      }
      if (!nonEmpty(event.name)) return "nameRequired";
      return nonEmpty(event.reason) ? null : "reasonRequired";
    }
    case "CHILD_ADDRESS_CORRECTED":
      if (!(event.address === null || typeof event.address === "string")) return "invalidEvent";
      return nonEmpty(event.reason) ? null : "reasonRequired";
    case "GUARDIAN_CONFIRMED":
    case "GUARDIAN_REMOVED":
    case "GUARDIAN_SUSPECTED": {
      if (event.type === "GUARDIAN_SUSPECTED" && typeof event.suspected !== "boolean") return "invalidEvent";
      return guardianCheck(context, event.guardianId) ?? (nonEmpty(event.reason) ? null : "reasonRequired");
    }
    case "VIOLENCE_FLAG_SET":
      if (
        !Array.isArray(event.kinds) ||
        event.kinds.length === 0 ||
        !event.kinds.every((k) => (VIOLENCE_KINDS as readonly unknown[]).includes(k))
      ) {
        return "violenceKindRequired";
      }
      return nonEmpty(event.reason) ? null : "reasonRequired";
    case "VIOLENCE_FLAG_CLEARED":
      return nonEmpty(event.reason) ? null : "reasonRequired";
    case "PROTECTED_IDENTITY_SET":
      if (typeof event.protectedIdentity !== "boolean") return "invalidEvent";
      if (event.person !== "child") {
        const missing = guardianCheck(context, event.person);
        if (missing) return missing;
      }
      return nonEmpty(event.reason) ? null : "reasonRequired";

    case "INVITATION_SENT":
      if (!isIsoDate(event.date) || typeof event.time !== "string" || !TIME.test(event.time)) {
        return "invalidDate";
      }
      if (!nonEmpty(event.place) || !nonEmptyList(event.invitees)) {
        return "invitationDetailsRequired";
      }
      // A guardian suspected of the violence is never invited.
      if (event.invitees.some((name) => context.guardians.some((g) => g.suspected && g.name === name))) {
        return "suspectedGuardianInvited";
      }
      return event.date < stockholmDate(event.at) ? "invitationDateInPast" : null;

    case "CONVERSATION_HELD": {
      if (!nonEmptyList(event.participants)) return "participantsRequired";
      if (!nonEmpty(event.notes)) return "notesRequired";
      const booked = context.invitation;
      // A conversation is not held before the time it was booked for.
      if (booked && Date.parse(event.at) < stockholmInstant(booked.date, booked.time).getTime()) {
        return "conversationBeforeBooking";
      }
      return null;
    }

    case "NO_SHOW":
      return optionalString(event.note) ? null : "invalidEvent";
    case "SUPPORT_ACCEPTED":
    case "SUPPORT_DECLINED":
      if (!optionalString(event.note)) return "invalidEvent";
      if (event.childAnswer !== undefined && event.childAnswer !== "accepted" && event.childAnswer !== "declined") {
        return "invalidEvent";
      }
      // From 15 the child answers for themselves too.
      return hasOwnVoice(context, event.at) && event.childAnswer === undefined ? "childAnswerRequired" : null;

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
      // The child's view must be documented, or why it was not heard: judged from who took part.
      if (!childHeard(context) && !nonEmpty(event.childNotHeardReason)) {
        return "childNotHeardReasonRequired";
      }
      if (event.feedbackWithheldReason !== undefined) {
        if (!nonEmpty(event.feedbackWithheldReason)) return "feedbackReasonRequired";
        // Only a mandated reporter whose report this decision answers is owed feedback.
        if (!context.reports.some((r) => r.mandatedReporter && !r.decidedAt)) return "noFeedbackToWithhold";
      }
      return null;
    }

    case "FEEDBACK_SENT":
      return feedbackWaiting(context).some((w) => w.reportId === event.reportId) ? null : "feedbackNotWithheld";

    case "DECISION_RETURNED":
      return nonEmpty(event.comment) ? null : "commentRequired";

    case "INVESTIGATION_CONCLUDED": {
      if (event.outcome !== "support" && event.outcome !== "none") return "invalidEvent";
      const support = supportCheck(event.support);
      if (support) return support;
      if (event.outcome === "support" && event.support.length === 0) return "supportRequired";
      if (event.outcome === "none" && event.support.length > 0) return "supportNotExpected";
      if (!nonEmpty(event.summary)) return "summaryRequired";
      const opened = context.deadlines.investigation?.openedAt;
      return opened && Date.parse(event.at) < Date.parse(opened) ? "conclusionBeforeOpening" : null;
    }

    case "DECISION_APPROVED":
    case "INVESTIGATION_NOTICE_SENT":
    case "INVESTIGATION_EXTENSION_APPROVED":
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
