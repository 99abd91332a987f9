/**
 * The case's context as plain functions: the first context, each report's own deadlines,
 * the facts staff own (guardians, flags), and which effects a step asks for. The machine's
 * actions call these; nothing here knows about XState.
 */
import { decisionDue, investigationDue, protectionAssessmentDue, stockholmDate } from "./deadlines";
import type {
  Actor,
  CaseCommand,
  CaseContext,
  CaseGuardian,
  CaseOpenedEvent,
  CaseReport,
  CommandOf,
  DecisionOutcome,
  Effect,
  FeedbackOutcome,
  ReportRef,
  WithheldFeedback,
} from "./types";

/** From this age the child gets their own letters and their own answer on support. */
export const OWN_VOICE_AGE = 15;

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export function optional(text: string | undefined): string | null {
  return text !== undefined && text.trim().length > 0 ? text : null;
}

export function caseReport(r: ReportRef): CaseReport {
  return {
    id: r.id,
    receivedAt: r.receivedAt,
    violence: r.violence,
    protectedIdentity: r.protectedIdentity,
    mandatedReporter: r.mandatedReporter,
    violenceKinds: Array.isArray(r.violenceKinds) ? [...r.violenceKinds] : [],
    protectionDue: protectionAssessmentDue(r.receivedAt),
    decisionDue: decisionDue(r.receivedAt),
    protection: null,
    decidedAt: null,
  };
}

export function initialContext(opened: CaseOpenedEvent): CaseContext {
  const report = caseReport(opened.report);
  return {
    caseId: opened.caseId,
    referenceNumber: opened.referenceNumber,
    child: {
      name: opened.child.name,
      protectedIdentity: opened.child.protectedIdentity,
      birthDate: opened.child.birthDate ?? null,
      address: null,
      addressCorrected: false,
    },
    reports: [report],
    guardians: [],
    flags: {
      violence: report.violence,
      violenceKinds: report.violenceKinds,
      protectedIdentity: opened.child.protectedIdentity || report.protectedIdentity,
      urgent: false,
    },
    assignee: null,
    deadlines: {
      protectionAssessment: { due: report.protectionDue, metAt: null },
      decision: { due: report.decisionDue, originalDue: report.decisionDue, extensions: [], metAt: null },
      investigation: null,
    },
    protection: null,
    invitation: null,
    conversation: null,
    noShows: 0,
    proposal: null,
    decision: null,
    returnComment: null,
    extensionProposal: null,
    investigationNotice: null,
    conclusion: null,
    supportOffered: [],
    supportAnswer: null,
    notes: [],
    feedbackWithheld: [],
    closedAt: null,
    outcome: null,
  };
}

/** Reports still waiting for their protection assessment, oldest first. */
export function unassessedReports(context: CaseContext): CaseReport[] {
  return context.reports.filter((r) => r.protection === null);
}

/** The child's age in whole years on the Stockholm date of `at`; null without a birth date. */
export function childAge(context: CaseContext, at: string): number | null {
  const birth = context.child.birthDate;
  if (!birth || !/^\d{4}-\d{2}-\d{2}$/.test(birth)) return null;
  const today = stockholmDate(at);
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) >= birth.slice(5) ? years : years - 1;
}

export function hasOwnVoice(context: CaseContext, at: string): boolean {
  const age = childAge(context, at);
  return age !== null && age >= OWN_VOICE_AGE;
}

/** Who letters to guardians may go to: confirmed, with custody, not suspected of the violence. */
export function letterGuardians(context: CaseContext): CaseGuardian[] {
  return context.guardians.filter((g) => g.confirmed && g.custody && !g.suspected);
}

/** The child's identity is protected (by staff or a report): no address of the family is printed. */
const childProtected = (context: CaseContext) => context.flags.protectedIdentity || context.child.protectedIdentity;

/** The address a guardian's letter prints: never a protected person's, nor anyone's when the child's is protected. */
export function guardianLetterAddress(context: CaseContext, guardian: CaseGuardian): string | null {
  return guardian.protectedIdentity || childProtected(context) ? null : guardian.address;
}

/**
 * The child's address as the case holds it: the one staff gave (CHILD_ADDRESS_CORRECTED), else
 * the child's record (`recordAddress`: what the first report said, as before staff could give one).
 */
export function caseChildAddress(context: CaseContext, recordAddress: string | null): string | null {
  return context.child.addressCorrected ? context.child.address : recordAddress;
}

/** The address the child's own letters print (`recordAddress`: the child's record's): none when protected. */
export function childLetterAddress(context: CaseContext, recordAddress: string | null): string | null {
  return childProtected(context) ? null : caseChildAddress(context, recordAddress);
}

/**
 * Who the case's letters would reach with no address on them although none is withheld: staff
 * have no address for them, so the letter cannot go by post. The guardians letters go to, and
 * the child from the age of their own letters. A protected address left off is not counted.
 */
export function recipientsWithoutAddress(context: CaseContext, recordAddress: string | null, at: string): string[] {
  // The child's protected identity leaves every address off the letters, on purpose.
  if (childProtected(context)) return [];
  const missing = (address: string | null) => address === null || address.trim() === "";
  const child = hasOwnVoice(context, at) && missing(caseChildAddress(context, recordAddress)) ? [context.child.name] : [];
  const guardians = letterGuardians(context).filter((g) => !g.protectedIdentity && missing(g.address));
  return [...child, ...guardians.map((g) => g.name)];
}

/** A report joins: its own deadlines; the protection deadline shown is the earliest unmet one. */
export function withReport(context: CaseContext, ref: ReportRef): Partial<CaseContext> {
  const report = caseReport(ref);
  const reports = [...context.reports, report].sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
  const pending = reports.filter((r) => r.protection === null);
  const protectionDue = pending.map((r) => r.protectionDue).sort()[0] ?? report.protectionDue;
  // A decision already taken does not cover a report that came after it: a new 14-day clock.
  const { decision } = context.deadlines;
  const nextDecision = decision.metAt
    ? { due: report.decisionDue, originalDue: report.decisionDue, extensions: [], metAt: null }
    : decision;
  return {
    reports,
    flags: {
      ...context.flags,
      violence: context.flags.violence || report.violence,
      violenceKinds: unique([...context.flags.violenceKinds, ...report.violenceKinds]),
      protectedIdentity: context.flags.protectedIdentity || report.protectedIdentity,
    },
    deadlines: {
      ...context.deadlines,
      protectionAssessment: { due: protectionDue, metAt: null },
      decision: nextDecision,
    },
  };
}

/** The report's protection assessment; the case's protection deadline is met when none waits. */
export function withProtection(context: CaseContext, event: CommandOf<"PROTECTION_ASSESSED">): Partial<CaseContext> {
  const protection = {
    needsProtection: event.needsProtection,
    assessment: event.assessment,
    at: event.at,
    by: event.actor,
  };
  const reports = context.reports.map((r) => (r.id === event.reportId ? { ...r, protection } : r));
  const pending = reports.filter((r) => r.protection === null);
  return {
    reports,
    protection,
    deadlines: {
      ...context.deadlines,
      protectionAssessment:
        pending.length === 0
          ? { ...context.deadlines.protectionAssessment, metAt: event.at }
          : { due: pending.map((r) => r.protectionDue).sort()[0]!, metAt: null },
    },
  };
}

/** A decision (or an opened investigation) covers every assessed report not yet decided. */
export function coverReports(context: CaseContext, at: string): Partial<CaseContext> {
  return { reports: context.reports.map((r) => (r.protection && !r.decidedAt ? { ...r, decidedAt: at } : r)) };
}

export function withInvestigationOpened(context: CaseContext, at: string, actor: Actor): Partial<CaseContext> {
  const due = investigationDue(at);
  return {
    deadlines: {
      ...context.deadlines,
      decision: { ...context.deadlines.decision, metAt: context.deadlines.decision.metAt ?? at },
      investigation: { due, originalDue: due, extensions: [], openedAt: at, concludedAt: null },
    },
    // In a violence case the caseworker decides when and how the guardians are told.
    investigationNotice: context.flags.violence ? null : { sentAt: at, by: actor },
  };
}

/** The staff's changes to the facts of the case. */
export function withFact(context: CaseContext, event: CaseCommand): Partial<CaseContext> {
  const update = (id: string, change: Partial<CaseGuardian>) => ({
    guardians: context.guardians.map((g) => (g.id === id ? { ...g, ...change } : g)),
  });
  switch (event.type) {
    case "GUARDIAN_ADDED":
      return {
        guardians: [
          ...context.guardians,
          {
            id: event.guardianId,
            name: event.name.trim(),
            address: optional(event.address ?? undefined),
            custody: event.custody,
            confirmed: event.confirmed,
            suspected: false,
            protectedIdentity: false,
          },
        ],
      };
    case "GUARDIAN_CORRECTED":
      return update(event.guardianId, {
        name: event.name.trim(),
        ...(event.address === undefined ? {} : { address: optional(event.address ?? undefined) }),
        custody: event.custody,
      });
    case "CHILD_ADDRESS_CORRECTED":
      return { child: { ...context.child, address: optional(event.address ?? undefined), addressCorrected: true } };
    case "GUARDIAN_CONFIRMED":
      return update(event.guardianId, { confirmed: true });
    case "GUARDIAN_SUSPECTED":
      return update(event.guardianId, { suspected: event.suspected });
    case "GUARDIAN_REMOVED":
      return { guardians: context.guardians.filter((g) => g.id !== event.guardianId) };
    case "VIOLENCE_FLAG_SET":
      return { flags: { ...context.flags, violence: true, violenceKinds: unique(event.kinds) } };
    case "VIOLENCE_FLAG_CLEARED":
      return { flags: { ...context.flags, violence: false, violenceKinds: [] } };
    case "PROTECTED_IDENTITY_SET":
      if (event.person === "child") {
        return {
          child: { ...context.child, protectedIdentity: event.protectedIdentity },
          flags: { ...context.flags, protectedIdentity: event.protectedIdentity },
        };
      }
      return update(event.person, { protectedIdentity: event.protectedIdentity });
    default:
      return {};
  }
}

const FEEDBACK: Record<DecisionOutcome, FeedbackOutcome> = {
  openInvestigation: "investigationOpened",
  noInvestigation: "notOpened",
  alreadyInvestigated: "alreadyUnderway",
  // The school must not wait forever: it is told the case went to another municipality.
  transfer: "transferred",
};

/** Underrättelse om utredning, unless a violence case (then INVESTIGATION_NOTICE_SENT sends it). */
export function investigationOpenedEffects(context: CaseContext): Effect[] {
  return context.flags.violence ? [] : [{ type: "sendLetter", params: { letter: "investigationNotice" } }];
}

/**
 * Återkoppling to the mandated reporters of the reports this step decides (those not yet
 * decided); a private or anonymous reporter gets the receipt and nothing more.
 */
export function feedbackEffects(context: CaseContext, decided: DecisionOutcome): Effect[] {
  const reportIds = context.reports.filter((r) => r.mandatedReporter && !r.decidedAt).map((r) => r.id);
  return reportIds.length > 0 ? [{ type: "sendFeedback", params: { outcome: FEEDBACK[decided], reportIds } }] : [];
}

/**
 * What approval does with the feedback: makes it at once, or — when the proposal gives a
 * reason to withhold it (SoL 14 kap. 1 b §) — keeps each report's feedback with that reason,
 * to be sent later by FEEDBACK_SENT.
 */
export function approvalFeedback(
  context: CaseContext,
  decided: DecisionOutcome,
  reason: string | null,
  at: string,
  recordedBy: Actor,
): { effects: Effect[]; withheld: WithheldFeedback[] } {
  const effects = feedbackEffects(context, decided);
  if (reason === null) return { effects, withheld: context.feedbackWithheld };
  const reportIds = effects.flatMap((e) => (e.type === "sendFeedback" ? e.params.reportIds : []));
  const outcome = FEEDBACK[decided];
  return {
    effects: [],
    withheld: [
      ...context.feedbackWithheld,
      ...reportIds.map((reportId) => ({ reportId, outcome, reason, decidedAt: at, recordedBy, sentAt: null })),
    ],
  };
}

/** Withheld feedback not yet sent. */
export function feedbackWaiting(context: CaseContext): WithheldFeedback[] {
  return context.feedbackWithheld.filter((w) => w.sentAt === null);
}
