/**
 * What the case page shows, as data: its types, and the pure functions that turn the
 * stored case into them (deadlines, reports with their own assessment, the facts with the
 * reports' suggestions beside them, and the warnings before a step). No server imports.
 */
import { isReporterSector, type ReporterSector } from "../../db/reporter-category";
import { reportAnswers, type ReportAnswers } from "../intake/report-answers";
import {
  deadlineStatus,
  letterGuardians,
  nextDeadline,
  recipientsWithoutAddress,
  stateName,
  type CaseContext,
  type CaseEvent,
  type CaseGuardian,
  type CaseReport,
  type DeadlineKind,
  type DeadlineStatus,
  type LetterKind,
  type PersistedCase,
  type StateName,
} from "../../workflows";
import type { CommandFormContext, FormCommand } from "./command-schemas";

export type DeadlineView = {
  kind: DeadlineKind;
  due: string;
  originalDue: string | null;
  /** When the deadline was met (decision taken, investigation concluded); null while running. */
  metAt: string | null;
  /** Days left / overdue, while the deadline is running. */
  status: DeadlineStatus | null;
  /** The deadline that governs the case now. */
  governing: boolean;
  extensions: { until: string; reason: string; at: string; byName: string }[];
  openedAt: string | null;
};

export type ReportView = {
  id: string;
  receivedAt: string;
  reporterKind: "private" | "mandated";
  anonymous: boolean;
  reporterName: string | null;
  /** A mandated reporter's kind of organisation as they stated it; null before the form asked. */
  reporterSector: ReporterSector | null;
  reporterOrganisation: string | null;
  reporterTitle: string | null;
  reporterPhone: string | null;
  reporterEmail: string | null;
  childName: string;
  childPersonalNumber: string | null;
  childBirthDate: string | null;
  /** Null when not given, or hidden because of protected identity (see addressProtected). */
  childAddress: string | null;
  childSchool: string | null;
  childWhereabouts: string | null;
  guardians: { name: string; phone: string | null; email: string | null; address: string | null; knowsAboutReport: string }[];
  siblings: { name: string; age: number | null }[];
  concernWhat: string;
  concernWhen: string | null;
  concernDuration: string | null;
  concernIfNothing: string | null;
  childKnows: string;
  interpreterLanguage: string | null;
  violenceKinds: string[];
  /** This report's own protection assessment and decision. */
  assessment: Pick<CaseReport, "protectionDue" | "decisionDue" | "protection" | "decidedAt"> | null;
  answers: ReportAnswers;
};

/** A mandated reporter's återkoppling as the case page shows it. */
export type FeedbackView = {
  reportId: string;
  reporterName: string | null;
  reporterOrganisation: string | null;
  /** "missing": decided, yet no letter and nothing withheld (should not happen; shown as waiting). */
  status: "sent" | "withheld" | "notYet" | "missing";
  sentAt: string | null;
  decidedAt: string | null;
  /** Why it was withheld (kept after it is sent). */
  reason: string | null;
  recordedBy: string | null;
};

export type EventView = { seq: number; type: string; at: string; actorName: string; event: CaseEvent };
export type LetterView = {
  id: string;
  kind: string;
  recipientName: string | null;
  createdAt: string;
  fileName: string;
  /** It printed the address of someone protected now: kept, but not handed out to staff (see withheld-letters.server.ts). */
  withheld: boolean;
};

export type CasePageData = {
  case: {
    id: string;
    referenceNumber: string;
    version: number;
    state: StateName;
    open: boolean;
    receivedAt: string;
    previousCase: { id: string; referenceNumber: string } | null;
  };
  child: {
    name: string;
    personalNumber: string | null;
    birthDate: string | null;
    /** Never sent to the browser when the identity is protected. */
    address: string | null;
  };
  /**
   * The child's other cases in the unit, oldest first: by personnummer, or because a caseworker
   * confirmed the child is a closed case's child (CHILD_LINKED). Their reports are repeat reports.
   */
  childCases: { id: string; referenceNumber: string; receivedAt: string; state: StateName; open: boolean; reportCount: number }[];
  /** Skyddade personuppgifter: every address of the case is withheld. */
  addressProtected: boolean;
  flags: CaseContext["flags"];
  assignee: CaseContext["assignee"];
  deadlines: DeadlineView[];
  record: Pick<
    CaseContext,
    | "protection"
    | "invitation"
    | "conversation"
    | "noShows"
    | "proposal"
    | "decision"
    | "returnComment"
    | "investigationNotice"
    | "conclusion"
    | "supportOffered"
    | "supportAnswer"
    | "notes"
    | "extensionProposal"
  >;
  reports: ReportView[];
  /** Each mandated reporter's återkoppling. */
  feedback: FeedbackView[];
  facts: FactsView;
  /** Steps whose letter would reach no one, said before the step is taken. */
  warnings: Warning[];
  events: EventView[];
  letters: LetterView[];
  /** The forms to show: what the statechart says this user can do now. */
  commands: FormCommand[];
  formContext: CommandFormContext;
};


/** A guardian a report named, beside what the case knows: a suggestion for staff. */
export type GuardianSuggestion = {
  reportNumber: number;
  reportReceivedAt: string;
  name: string;
  /** Null when withheld (protected identity) or not given. */
  address: string | null;
  phone: string | null;
  /** "new": not on the case; "address": on the case with another address; "same": nothing new. */
  status: "new" | "address" | "same";
};

export type FactsView = {
  guardians: (Omit<CaseGuardian, "address"> & { address: string | null })[];
  suggestions: GuardianSuggestion[];
  /** Reports that give the child another address than the case's. */
  childAddressDiffers: { reportNumber: number; reportReceivedAt: string }[];
  violenceKinds: string[];
};

export type Warning =
  | { key: "noGuardianForLetters" }
  | { key: "noInvitee" }
  /** Letters would go out to these people with no address on them (none is known). */
  | { key: "recipientWithoutAddress"; names: string[] };

const norm = (text: string | null | undefined) => (text ?? "").toLowerCase().replace(/\s+/g, " ").trim();

/** The names of the case's guardians whose address is protected. */
export function protectedGuardianNames(context: CaseContext): string[] {
  return context.guardians.filter((g) => g.protectedIdentity).map((g) => g.name);
}

/**
 * An event as the page's history gets it: without the addresses it carried. The history says
 * who changed what and why; an address (perhaps a protected one, perhaps one protected since)
 * is not sent to the browser. The audit export keeps every event whole.
 */
export function historyEvent(event: CaseEvent): CaseEvent {
  if (event.type === "GUARDIAN_ADDED" || event.type === "CHILD_ADDRESS_CORRECTED") return { ...event, address: null };
  if (event.type === "GUARDIAN_CORRECTED") {
    const { address: _address, ...rest } = event;
    return rest;
  }
  return event;
}

type ReportGuardians = {
  receivedAt: Date;
  childAddress: string | null;
  guardians: { name: string; address: string | null; phone: string | null }[];
}[];

/**
 * The facts as staff hold them, and what the reports say beside them. A report never
 * changes the facts (item 1 of the hardening issue): a different address is only flagged.
 */
export function factsView(
  context: CaseContext,
  reportRows: ReportGuardians,
  childAddress: string | null,
  protectedIdentity: boolean,
): FactsView {
  const hide = (address: string | null) => (protectedIdentity ? null : address);
  const suggestions: GuardianSuggestion[] = [];
  const childAddressDiffers: FactsView["childAddressDiffers"] = [];
  reportRows.forEach((r, i) => {
    const reportNumber = i + 1;
    const reportReceivedAt = r.receivedAt.toISOString();
    if (childAddress && r.childAddress && norm(r.childAddress) !== norm(childAddress)) {
      childAddressDiffers.push({ reportNumber, reportReceivedAt });
    }
    for (const g of r.guardians) {
      const known = context.guardians.find((k) => norm(k.name) === norm(g.name));
      const status = !known ? "new" : g.address && norm(g.address) !== norm(known.address) ? "address" : "same";
      suggestions.push({
        reportNumber,
        reportReceivedAt,
        name: g.name,
        // What a report says of a guardian known to be protected may be their address.
        address: known?.protectedIdentity ? null : hide(g.address),
        phone: g.phone,
        status,
      });
    }
  });
  return {
    guardians: context.guardians.map((g) => ({ ...g, address: g.protectedIdentity ? null : hide(g.address) })),
    suggestions,
    childAddressDiffers,
    violenceKinds: context.flags.violenceKinds,
  };
}

/**
 * Before a step whose letter would have no recipient, or no address, the page says so.
 * `approvalLetters`: what approving the waiting proposal would send, as the statechart says
 * (lettersOnApproval), for whoever reads the page: the approver, or the proposer while it waits.
 */
export function warningsFor(
  snapshot: PersistedCase,
  commands: readonly FormCommand[],
  ctx: CommandFormContext,
  recordAddress: string | null,
  at: string,
  approvalLetters: readonly LetterKind[],
): Warning[] {
  const context = snapshot.context;
  const warnings: Warning[] = [];
  const lettersAhead =
    commands.includes("INVESTIGATION_NOTICE_SENT") ||
    approvalLetters.length > 0 ||
    commands.includes("DECISION_PROPOSED") ||
    commands.includes("INVITATION_SENT");
  if (lettersAhead) warnings.push(...letterWarnings(context, recordAddress, at));
  if (commands.includes("INVITATION_SENT") && ctx.invitees.every((i) => i.role === "child")) warnings.push({ key: "noInvitee" });
  return warnings;
}

/**
 * What the family's letters would lack, said before a step that sends them: anyone to go to, or
 * an address. `recordAddress`: the child's record's (see caseChildAddress).
 */
export function letterWarnings(context: CaseContext, recordAddress: string | null, at: string): Warning[] {
  const warnings: Warning[] = [];
  if (letterGuardians(context).length === 0) warnings.push({ key: "noGuardianForLetters" });
  const unaddressed = recipientsWithoutAddress(context, recordAddress, at);
  if (unaddressed.length > 0) warnings.push({ key: "recipientWithoutAddress", names: unaddressed });
  return warnings;
}

export function deadlineViews(snapshot: PersistedCase, now: Date): DeadlineView[] {
  const { deadlines } = snapshot.context;
  const governing = nextDeadline(snapshot)?.kind ?? null;
  const open = stateName(snapshot) !== "closed";
  const status = (due: string, metAt: string | null) => (metAt || !open ? null : deadlineStatus(due, now));
  const extensions = (list: CaseContext["deadlines"]["decision"]["extensions"]) =>
    list.map((e) => ({ until: e.until, reason: e.reason, at: e.at, byName: e.by.name }));
  const views: DeadlineView[] = [
    {
      kind: "protectionAssessment",
      due: deadlines.protectionAssessment.due,
      originalDue: null,
      metAt: deadlines.protectionAssessment.metAt,
      status: status(deadlines.protectionAssessment.due, deadlines.protectionAssessment.metAt),
      governing: governing === "protectionAssessment",
      extensions: [],
      openedAt: null,
    },
    {
      kind: "decision",
      due: deadlines.decision.due,
      originalDue: deadlines.decision.originalDue,
      metAt: deadlines.decision.metAt,
      status: status(deadlines.decision.due, deadlines.decision.metAt),
      governing: governing === "decision",
      extensions: extensions(deadlines.decision.extensions),
      openedAt: null,
    },
  ];
  if (deadlines.investigation) {
    const inv = deadlines.investigation;
    views.push({
      kind: "investigation",
      due: inv.due,
      originalDue: inv.originalDue,
      metAt: inv.concludedAt,
      status: status(inv.due, inv.concludedAt),
      governing: governing === "investigation",
      extensions: extensions(inv.extensions),
      openedAt: inv.openedAt,
    });
  }
  return views;
}

/**
 * A report as staff read it. `withheldGuardians`: the names of the case's guardians with
 * protected identity, whose address the report may give too.
 */
export function reportView(
  r: ReportRowLike,
  protectedIdentity: boolean,
  assessment: ReportView["assessment"],
  withheldGuardians: readonly string[] = [],
): ReportView {
  const withheld = new Set(withheldGuardians.map(norm));
  return {
    id: r.id,
    receivedAt: r.receivedAt.toISOString(),
    reporterKind: r.reporterKind === "mandated" ? "mandated" : "private",
    anonymous: r.anonymous,
    // An anonymous report keeps nothing about its reporter; never show a stray name.
    reporterName: r.anonymous ? null : r.reporterName,
    reporterSector: isReporterSector(r.reporterSector) ? r.reporterSector : null,
    reporterOrganisation: r.reporterOrganisation,
    reporterTitle: r.reporterTitle,
    reporterPhone: r.anonymous ? null : r.reporterPhone,
    reporterEmail: r.anonymous ? null : r.reporterEmail,
    childName: r.childName,
    childPersonalNumber: r.childPersonalNumber,
    childBirthDate: r.childBirthDate,
    childAddress: protectedIdentity ? null : r.childAddress,
    childSchool: r.childSchool,
    childWhereabouts: r.childWhereabouts,
    // A guardian's address is the child's home: withheld with the child's.
    guardians: r.guardians.map((g) => ({ ...g, address: protectedIdentity || withheld.has(norm(g.name)) ? null : g.address })),
    siblings: r.siblings,
    concernWhat: r.concernWhat,
    concernWhen: r.concernWhen,
    concernDuration: r.concernDuration,
    concernIfNothing: r.concernIfNothing,
    childKnows: r.childKnows,
    interpreterLanguage: r.interpreterLanguage,
    violenceKinds: r.violenceKinds,
    assessment,
    answers: reportAnswers(r),
  };
}


type ReportRowLike = {
  id: string;
  receivedAt: Date;
  reporterKind: string;
  anonymous: boolean;
  reporterName: string | null;
  reporterSector: string | null;
  reporterOrganisation: string | null;
  reporterTitle: string | null;
  reporterPhone: string | null;
  reporterEmail: string | null;
  childName: string;
  childPersonalNumber: string | null;
  childBirthDate: string | null;
  childAddress: string | null;
  childSchool: string | null;
  childWhereabouts: string | null;
  guardians: { name: string; phone: string | null; email: string | null; address: string | null; knowsAboutReport: string }[];
  siblings: { name: string; age: number | null }[];
  concernWhat: string;
  concernWhen: string | null;
  concernDuration: string | null;
  concernIfNothing: string | null;
  childKnows: string;
  interpreterLanguage: string | null;
  violenceKinds: string[];
} & ReportAnswers;
