/**
 * The vocabulary of a case: its events (the only way a case changes), its context
 * (what the machine remembers), the refusals and the effects. Other modules code
 * against these shapes; change them only together with CASE_MACHINE_VERSION.
 *
 * Everything here is plain JSON: strings (ISO instants, 'YYYY-MM-DD' dates),
 * numbers, booleans, arrays and null. Never `undefined` in the context, so a
 * snapshot survives JSON.stringify/parse unchanged.
 */

export const ACTOR_ROLES = ["caseworker", "teamLead", "reporter", "public", "system"] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export interface Actor {
  id: string;
  name: string;
  role: ActorRole;
}

/** Frivilliga insatser offered without (or after) an investigation. */
export const SUPPORT_MEASURES = [
  "parentalSupport",
  "contactPerson",
  "supportConversations",
  "fieldTeam",
  "familyCounselling",
  "youthCentre",
] as const;
export type SupportMeasure = (typeof SUPPORT_MEASURES)[number];

/** A report (orosanmälan) on the case, as the workflow needs to know it. */
export interface ReportRef {
  id: string;
  receivedAt: string;
  /** Violence or abuse by a family member, sexual abuse, or honour-related violence. */
  violence: boolean;
  protectedIdentity: boolean;
  mandatedReporter: boolean;
}

export const DECISION_OUTCOMES = [
  "noInvestigation",
  "openInvestigation",
  "alreadyInvestigated",
  "transfer",
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

interface EventBase {
  /** When it happened (ISO instant with offset). The machine never reads a clock. */
  at: string;
  actor: Actor;
}

/** The first event of every case; also the machine's input. */
export interface CaseOpenedEvent extends EventBase {
  type: "CASE_OPENED";
  caseId: string;
  referenceNumber: string;
  child: { name: string; protectedIdentity: boolean };
  report: ReportRef;
}

export type CaseCommand =
  | (EventBase & { type: "PROTECTION_ASSESSED"; needsProtection: boolean; assessment: string })
  | (EventBase & { type: "ASSIGNED"; assignee: { id: string; name: string } })
  | (EventBase & { type: "REPORT_ADDED"; report: ReportRef })
  | (EventBase & { type: "NOTE_ADDED"; text: string })
  /** A reporter adds to their own report after sending it (komplettering): by the report's one-time code, or from their account. */
  | (EventBase & { type: "REPORT_SUPPLEMENTED"; reportId: string; text: string; via: "code" | "account" })
  | (EventBase & {
      type: "DEADLINE_EXTENDED";
      deadline: "decision" | "investigation";
      /** 'YYYY-MM-DD' */
      until: string;
      reason: string;
    })
  | (EventBase & {
      type: "INVITATION_SENT";
      /** 'YYYY-MM-DD' */
      date: string;
      /** 'HH:MM' */
      time: string;
      place: string;
      invitees: string[];
    })
  | (EventBase & { type: "CONVERSATION_HELD"; participants: string[]; notes: string })
  | (EventBase & { type: "NO_SHOW"; note?: string })
  | (EventBase & {
      type: "DECISION_PROPOSED";
      outcome: DecisionOutcome;
      reasoning: string;
      support: SupportMeasure[];
      childNotHeardReason?: string;
      transferTo?: string;
    })
  | (EventBase & { type: "DECISION_APPROVED" })
  | (EventBase & { type: "DECISION_RETURNED"; comment: string })
  | (EventBase & { type: "SUPPORT_ACCEPTED"; note?: string })
  | (EventBase & { type: "SUPPORT_DECLINED"; note?: string })
  | (EventBase & {
      type: "INVESTIGATION_CONCLUDED";
      outcome: "support" | "none";
      support: SupportMeasure[];
      summary: string;
    })
  | (EventBase & { type: "INVESTIGATION_NOTICE_SENT" });

export type CaseEvent = CaseOpenedEvent | CaseCommand;
export type CommandType = CaseCommand["type"];
export type CommandOf<T extends CommandType> = Extract<CaseCommand, { type: T }>;

/** Every command type, in the order the case page lists them. */
export const COMMAND_TYPES = [
  "PROTECTION_ASSESSED",
  "INVITATION_SENT",
  "CONVERSATION_HELD",
  "NO_SHOW",
  "DECISION_PROPOSED",
  "DECISION_APPROVED",
  "DECISION_RETURNED",
  "SUPPORT_ACCEPTED",
  "SUPPORT_DECLINED",
  "INVESTIGATION_NOTICE_SENT",
  "INVESTIGATION_CONCLUDED",
  "ASSIGNED",
  "REPORT_ADDED",
  "NOTE_ADDED",
  "DEADLINE_EXTENDED",
  "REPORT_SUPPLEMENTED",
] as const satisfies readonly CommandType[];

/** Flattened state names, as `stateName()` returns them. */
export const STATE_NAMES = [
  "received",
  "preliminaryAssessment.planning",
  "preliminaryAssessment.invited",
  "preliminaryAssessment.conversationHeld",
  "awaitingApproval",
  "investigation",
  "supportOffered",
  "closed",
] as const;
export type StateName = (typeof STATE_NAMES)[number];

/** Where a decision can be proposed from; DECISION_RETURNED goes back there. */
export type ProposalOrigin =
  | "received"
  | "preliminaryAssessment.planning"
  | "preliminaryAssessment.invited"
  | "preliminaryAssessment.conversationHeld";

export interface Extension {
  until: string;
  reason: string;
  at: string;
  by: Actor;
}

export interface Proposal {
  outcome: DecisionOutcome;
  reasoning: string;
  support: SupportMeasure[];
  childNotHeardReason: string | null;
  transferTo: string | null;
  proposedBy: Actor;
  proposedAt: string;
  proposedFrom: ProposalOrigin;
}

/** How a closed case ended. */
export type CaseOutcome =
  | "noInvestigation"
  | "supportAccepted"
  | "supportDeclined"
  | "transferred"
  | "alreadyInvestigated"
  | "investigationConcluded";

export interface CaseContext {
  caseId: string;
  referenceNumber: string;
  child: { name: string; protectedIdentity: boolean };
  /** Every report on the case, oldest first. */
  reports: ReportRef[];
  flags: { violence: boolean; protectedIdentity: boolean; urgent: boolean };
  assignee: { id: string; name: string } | null;
  deadlines: {
    protectionAssessment: { due: string; metAt: string | null };
    decision: { due: string; originalDue: string; extensions: Extension[]; metAt: string | null };
    investigation: {
      due: string;
      originalDue: string;
      extensions: Extension[];
      openedAt: string;
      concludedAt: string | null;
    } | null;
  };
  protection: { needsProtection: boolean; assessment: string; at: string; by: Actor } | null;
  invitation: {
    date: string;
    time: string;
    place: string;
    invitees: string[];
    sentAt: string;
    sentBy: Actor;
  } | null;
  conversation: { participants: string[]; notes: string; heldAt: string; recordedBy: Actor } | null;
  noShows: number;
  /** The decision waiting for approval; null otherwise. */
  proposal: Proposal | null;
  /** The approved decision (beslut). */
  decision: (Proposal & { approvedBy: Actor; at: string }) | null;
  /** The team lead's latest return of a proposal, kept after a new proposal. */
  returnComment: { comment: string; at: string; by: Actor; proposal: Proposal } | null;
  /** Underrättelse om utredning: when the guardians were sent the notice. */
  investigationNotice: { sentAt: string; by: Actor } | null;
  conclusion: { outcome: "support" | "none"; support: SupportMeasure[]; summary: string; at: string; by: Actor } | null;
  /** The support measures the guardians are (or were) asked to accept. */
  supportOffered: SupportMeasure[];
  supportAnswer: { answer: "accepted" | "declined"; note: string | null; at: string; by: Actor } | null;
  notes: { text: string; at: string; by: Actor }[];
  closedAt: string | null;
  outcome: CaseOutcome | null;
}

/**
 * Why a command was refused. The app maps each code to a Swedish message.
 */
export const REFUSAL_CODES = [
  /** The stored snapshot was made by another machine version: rebuild it with replay(). */
  "unsupportedMachineVersion",
  /** The case is closed; a new report opens a new case. */
  "closed",
  /** The current state does not take this command. */
  "notAllowedInState",
  /** The event is malformed (unknown type, missing fields). */
  "invalidEvent",
  /** `at` (or a report's receivedAt) is not an ISO instant with offset. */
  "invalidTimestamp",
  /** A 'YYYY-MM-DD' date or 'HH:MM' time is malformed. */
  "invalidDate",
  /** Only a caseworker or team lead may change a case (REPORT_ADDED excepted). */
  "staffOnly",
  "teamLeadOnly",
  "assessmentRequired",
  "assigneeRequired",
  "reportAlreadyOnCase",
  "textRequired",
  "extensionReasonRequired",
  "extensionNotLater",
  /** The investigation deadline cannot be extended before an investigation is opened. */
  "investigationNotOpened",
  /** The deadline was already met (decision taken, investigation concluded). */
  "deadlineAlreadyMet",
  /** Violence-flagged case: guardians must not be invited. */
  "violenceNoInvitation",
  "invitationDetailsRequired",
  "invitationDateInPast",
  "participantsRequired",
  "notesRequired",
  /** A decision from `received` is only for violence-flagged cases. */
  "protectionAssessmentRequired",
  /** Violence-flagged case: the only decision is to open an investigation. */
  "onlyInvestigationForViolence",
  "reasoningRequired",
  "childNotHeardReasonRequired",
  "transferToRequired",
  "supportOnlyWithoutInvestigation",
  "unknownSupportMeasure",
  "proposerCannotApprove",
  "commentRequired",
  /** INVESTIGATION_CONCLUDED with outcome 'support' needs measures. */
  "supportRequired",
  /** INVESTIGATION_CONCLUDED with outcome 'none' must not list measures. */
  "supportNotExpected",
  "summaryRequired",
  "noticeAlreadySent",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/**
 * Effects: what the server must do after storing the new snapshot, in the same
 * transaction. The machine only asks; it never performs them.
 *
 * - sendLetter 'invitation'          on INVITATION_SENT (kallelse to the invitees).
 * - sendLetter 'decision'            on DECISION_APPROVED with outcome noInvestigation
 *                                    (with or without voluntary support; beslut to the guardians).
 * - sendLetter 'investigationNotice' when an investigation is opened (DECISION_APPROVED
 *                                    openInvestigation, or PROTECTION_ASSESSED needsProtection),
 *                                    unless the case is violence-flagged; then on
 *                                    INVESTIGATION_NOTICE_SENT, when the caseworker decides.
 * - sendFeedback                     återkoppling to the mandated reporters (reportIds) on
 *                                    DECISION_APPROVED (openInvestigation → 'investigationOpened',
 *                                    noInvestigation → 'notOpened', alreadyInvestigated →
 *                                    'alreadyUnderway'; none for transfer) and on an urgent opening.
 *                                    Not emitted when no report on the case is from a mandated reporter.
 */
export type LetterKind = "invitation" | "decision" | "investigationNotice";
export type FeedbackOutcome = "investigationOpened" | "notOpened" | "alreadyUnderway";
export type Effect =
  | { type: "sendLetter"; params: { letter: LetterKind } }
  | { type: "sendFeedback"; params: { outcome: FeedbackOutcome; reportIds: string[] } };
export const EFFECT_TYPES = ["sendLetter", "sendFeedback"] as const satisfies readonly Effect["type"][];
