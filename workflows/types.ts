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
  /**
   * The unit's deputy approver (ställföreträdare), set by the server from the unit's
   * settings: may approve besides the team leads, so one team lead is never stuck.
   */
  deputyApprover?: boolean;
}

/** The kinds of violence that make a case violence-flagged (same words as the intake form). */
export const VIOLENCE_KINDS = ["familyViolence", "sexualAbuse", "honourViolence"] as const;
export type ViolenceKind = (typeof VIOLENCE_KINDS)[number];

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
  /** Which kinds of violence the reporter named, when they named any. */
  violenceKinds?: string[];
}

/**
 * A report as the case keeps it: each one gets its own protection assessment (same day,
 * or the next for one received at or after 16:00) and its own 14-day decision.
 */
export interface CaseReport extends ReportRef {
  violenceKinds: string[];
  protectionDue: string;
  decisionDue: string;
  protection: { needsProtection: boolean; assessment: string; at: string; by: Actor } | null;
  /** When a decision (or an ongoing investigation) took this report into account. */
  decidedAt: string | null;
}

/** A guardian as staff know them (the reports' guardians are only suggestions). */
export interface CaseGuardian {
  id: string;
  name: string;
  /** Postal address, lines separated by "\n"; null when unknown. */
  address: string | null;
  /** Has custody (vårdnad): gets the decision letter and the notice. */
  custody: boolean;
  /** Checked by staff (e.g. against the population register); letters go to confirmed guardians only. */
  confirmed: boolean;
  /** Suspected of the violence: never invited or sent the notice while suspected. */
  suspected: boolean;
  protectedIdentity: boolean;
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
  /**
   * The child record the case is opened for (cases.child_id), so the hash chain seals which
   * child the case is about. Absent in cases opened before 2026-12-06; a CHILD_LINKED event
   * can move the case to another record later.
   */
  childId?: string;
  child: { name: string; protectedIdentity: boolean; birthDate?: string | null };
  report: ReportRef;
}

/** Who and why: every change of the case's facts carries a reason. */
type FactChange = { reason: string };
type GuardianFields = { name: string; address: string | null; custody: boolean };

export type CaseCommand =
  | (EventBase & {
      type: "PROTECTION_ASSESSED";
      /** The report assessed; each report on the case gets its own. */
      reportId: string;
      needsProtection: boolean;
      assessment: string;
    })
  | (EventBase & { type: "ASSIGNED"; assignee: { id: string; name: string } })
  | (EventBase & {
      type: "REPORT_ADDED";
      report: ReportRef;
      /**
       * Set when a caseworker confirmed a possible match: the report came from this case (a
       * child without personnummer), which was merged into this one (CASE_MERGED there).
       */
      joinedFrom?: { caseId: string; referenceNumber: string };
    })
  /**
   * A confirmed possible match: this new case (received, nothing done on it yet) is merged into
   * the earlier case of the same child; its reports move there. The case closes as "merged".
   */
  | (EventBase & {
      type: "CASE_MERGED";
      intoCaseId: string;
      intoReferenceNumber: string;
      /** Every report of this case: they now belong to the earlier case. */
      reportIds: string[];
      comment: string;
    })
  /**
   * A confirmed possible match with a case that is closed (nothing can join it): this case's
   * child is the child of that case. The case now points at that child's record (`childId`,
   * was `previousChildId`), so the child's earlier cases and reports show with it and count as
   * repeat reports; this case goes on as before.
   */
  | (EventBase & {
      type: "CHILD_LINKED";
      candidateCaseId: string;
      candidateReferenceNumber: string;
      childId: string;
      previousChildId: string;
      comment: string;
    })
  /** A possible match rejected: the candidate case is another child; the pair is never proposed again. */
  | (EventBase & { type: "MATCH_REJECTED"; candidateCaseId: string; candidateReferenceNumber: string; comment: string })
  | (EventBase & { type: "NOTE_ADDED"; text: string })
  /** A reporter adds to their own report after sending it (komplettering): by the report's one-time code, or from their account. */
  | (EventBase & {
      type: "REPORT_SUPPLEMENTED";
      reportId: string;
      text: string;
      via: "code" | "account";
      /** The form's own key: the same form posted again is recognised and not stored twice. */
      idempotencyKey?: string;
    })
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
      /**
       * Återkoppling withheld (SoL 14 kap. 1 b §: not suitable for the child's best interest,
       * or secrecy): why. Approval then makes no feedback; FEEDBACK_SENT sends it later.
       */
      feedbackWithheldReason?: string;
    })
  | (EventBase & { type: "DECISION_APPROVED" })
  | (EventBase & { type: "DECISION_RETURNED"; comment: string })
  | (EventBase & { type: "SUPPORT_ACCEPTED"; note?: string; childAnswer?: "accepted" | "declined" })
  | (EventBase & { type: "SUPPORT_DECLINED"; note?: string; childAnswer?: "accepted" | "declined" })
  | (EventBase & {
      type: "INVESTIGATION_CONCLUDED";
      outcome: "support" | "none";
      support: SupportMeasure[];
      summary: string;
    })
  | (EventBase & { type: "INVESTIGATION_NOTICE_SENT" })
  | (EventBase & FactChange & GuardianFields & { type: "GUARDIAN_ADDED"; guardianId: string; confirmed: boolean })
  /**
   * `address` left out: the address stays as it is. A protected person's address is never shown
   * to staff, so a correction of their name or custody cannot repeat it.
   */
  | (EventBase &
      FactChange &
      Omit<GuardianFields, "address"> & { type: "GUARDIAN_CORRECTED"; guardianId: string; address?: string | null })
  /**
   * The child's postal address as staff know it (lines separated by "\n"; null: not known).
   * Until the first of these, the child's record (what the first report gave) is used.
   */
  | (EventBase & FactChange & { type: "CHILD_ADDRESS_CORRECTED"; address: string | null })
  | (EventBase & FactChange & { type: "GUARDIAN_CONFIRMED"; guardianId: string })
  | (EventBase & FactChange & { type: "GUARDIAN_REMOVED"; guardianId: string })
  | (EventBase & FactChange & { type: "GUARDIAN_SUSPECTED"; guardianId: string; suspected: boolean })
  | (EventBase & FactChange & { type: "VIOLENCE_FLAG_SET"; kinds: string[] })
  | (EventBase & FactChange & { type: "VIOLENCE_FLAG_CLEARED" })
  | (EventBase & FactChange & {
      type: "PROTECTED_IDENTITY_SET";
      /** "child", or a guardian's id */
      person: string;
      protectedIdentity: boolean;
    })
  | (EventBase & {
      type: "INVESTIGATION_EXTENSION_PROPOSED";
      /** 'YYYY-MM-DD' */
      until: string;
      /** Särskilda skäl */
      reason: string;
    })
  | (EventBase & { type: "INVESTIGATION_EXTENSION_APPROVED" })
  /** A withheld feedback is sent after all (the reason has passed); taken also in a closed case. */
  | (EventBase & { type: "FEEDBACK_SENT"; reportId: string });

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
  "INVESTIGATION_EXTENSION_PROPOSED",
  "INVESTIGATION_EXTENSION_APPROVED",
  "GUARDIAN_ADDED",
  "GUARDIAN_CORRECTED",
  "GUARDIAN_CONFIRMED",
  "GUARDIAN_REMOVED",
  "GUARDIAN_SUSPECTED",
  "CHILD_ADDRESS_CORRECTED",
  "VIOLENCE_FLAG_SET",
  "VIOLENCE_FLAG_CLEARED",
  "PROTECTED_IDENTITY_SET",
  "REPORT_SUPPLEMENTED",
  "FEEDBACK_SENT",
  "CASE_MERGED",
  "CHILD_LINKED",
  "MATCH_REJECTED",
] as const satisfies readonly CommandType[];

/** Commands that change the case's facts (who, where, which flags), in every open state. */
export const FACT_COMMANDS = [
  "GUARDIAN_ADDED",
  "GUARDIAN_CORRECTED",
  "GUARDIAN_CONFIRMED",
  "GUARDIAN_REMOVED",
  "GUARDIAN_SUSPECTED",
  "CHILD_ADDRESS_CORRECTED",
  "VIOLENCE_FLAG_SET",
  "VIOLENCE_FLAG_CLEARED",
  "PROTECTED_IDENTITY_SET",
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
  | "preliminaryAssessment.planning"
  | "preliminaryAssessment.invited"
  | "preliminaryAssessment.conversationHeld";

export interface Extension {
  until: string;
  reason: string;
  at: string;
  by: Actor;
  /** The 4-month extension is a decision: who approved it (null for the 14 days). */
  approvedBy: Actor | null;
}

export interface Proposal {
  outcome: DecisionOutcome;
  reasoning: string;
  support: SupportMeasure[];
  childNotHeardReason: string | null;
  transferTo: string | null;
  /** Why the mandated reporters' feedback is withheld; null when it goes at once. */
  feedbackWithheldReason: string | null;
  proposedBy: Actor;
  proposedAt: string;
  proposedFrom: ProposalOrigin;
}

/** A mandated reporter's återkoppling that an approved decision withheld, with why. */
export interface WithheldFeedback {
  reportId: string;
  outcome: FeedbackOutcome;
  reason: string;
  /** When the decision was approved: the letter, sent later, answers that decision. */
  decidedAt: string;
  /** Who wrote the reason (the proposer). */
  recordedBy: Actor;
  /** When FEEDBACK_SENT sent it after all; null while it waits. The reason stays on record. */
  sentAt: string | null;
}

/** How a closed case ended. */
export type CaseOutcome =
  | "noInvestigation"
  | "supportAccepted"
  | "supportDeclined"
  | "transferred"
  | "alreadyInvestigated"
  | "investigationConcluded"
  /** Merged into the earlier case of the same child (a confirmed possible match). */
  | "merged";

export interface CaseContext {
  caseId: string;
  referenceNumber: string;
  child: {
    name: string;
    protectedIdentity: boolean;
    birthDate: string | null;
    /** The address staff gave (CHILD_ADDRESS_CORRECTED); null: not known. Only when `addressCorrected`. */
    address: string | null;
    /** False until staff give the child's address: the child's record (the first report's) stands. */
    addressCorrected: boolean;
  };
  /** Every report on the case, oldest first, each with its own assessment. */
  reports: CaseReport[];
  /** The guardians as staff have entered them; letters go only to confirmed ones. */
  guardians: CaseGuardian[];
  flags: { violence: boolean; violenceKinds: string[]; protectedIdentity: boolean; urgent: boolean };
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
  /** A proposed extension of the investigation (särskilda skäl), waiting for a team lead. */
  extensionProposal: { until: string; reason: string; at: string; by: Actor } | null;
  /** Underrättelse om utredning: when the guardians were sent the notice. */
  investigationNotice: { sentAt: string; by: Actor } | null;
  conclusion: { outcome: "support" | "none"; support: SupportMeasure[]; summary: string; at: string; by: Actor } | null;
  /** The support measures the guardians are (or were) asked to accept. */
  supportOffered: SupportMeasure[];
  supportAnswer: {
    answer: "accepted" | "declined";
    /** The child's own answer, from 15 years. */
    childAnswer: "accepted" | "declined" | null;
    note: string | null;
    at: string;
    by: Actor;
  } | null;
  notes: { text: string; at: string; by: Actor }[];
  /** Mandated reporters' feedback a decision withheld, with why; waiting until FEEDBACK_SENT (sentAt). */
  feedbackWithheld: WithheldFeedback[];
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
  /** A report on the case still awaits its protection assessment (or a decision). */
  "reportUnassessed",
  "reportNotOnCase",
  "reportAlreadyAssessed",
  "suspectedGuardianInvited",
  "conversationBeforeBooking",
  "conclusionBeforeOpening",
  /** The 4-month investigation is extended by a decision a team lead approves. */
  "investigationExtensionNeedsApproval",
  "specialReasonsTooShort",
  "noExtensionProposed",
  "guardianNotFound",
  "guardianAlreadyOnCase",
  "reasonRequired",
  "nameRequired",
  "violenceKindRequired",
  "violenceNotFlagged",
  "childAnswerRequired",
  /** A caseworker may take an unassigned case, not give a case to someone else. */
  "selfAssignOnly",
  /** Withholding a mandated reporter's feedback needs the reason written out. */
  "feedbackReasonRequired",
  /** No mandated reporter's report for this decision to answer: nothing to withhold. */
  "noFeedbackToWithhold",
  /** FEEDBACK_SENT for a report whose feedback was not withheld (or was already sent). */
  "feedbackNotWithheld",
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
 *                                    'alreadyUnderway', transfer → 'transferred') and on an urgent
 *                                    opening, each time for the reports that decision covers; and
 *                                    'alreadyUnderway' for a report assessed during an investigation.
 *                                    Not emitted when none of those reports is from a mandated reporter,
 *                                    nor when the proposal withheld it (feedbackWithheldReason); then
 *                                    on FEEDBACK_SENT, with the decision's own date (decidedAt).
 */
export type LetterKind = "invitation" | "decision" | "investigationNotice";
export type FeedbackOutcome = "investigationOpened" | "notOpened" | "alreadyUnderway" | "transferred";
export type Effect =
  | { type: "sendLetter"; params: { letter: LetterKind } }
  | { type: "sendFeedback"; params: { outcome: FeedbackOutcome; reportIds: string[]; decidedAt?: string } };
export const EFFECT_TYPES = ["sendLetter", "sendFeedback"] as const satisfies readonly Effect["type"][];
