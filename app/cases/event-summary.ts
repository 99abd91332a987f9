/**
 * A Swedish (or English) one-line summary of each event of a case's history, with the
 * key text the person wrote (assessment, notes, reasoning) as its detail. Shared by the
 * case page and its tests; no server code.
 */
import type { CaseEvent, DecisionOutcome, SupportMeasure } from "../../workflows/types";
import { formatDate, translate, type Locale } from "../i18n";
import { supportMeasureNames } from "./support";

export type EventSummary = { title: string; detail: string | null };

export function outcomeName(locale: Locale, outcome: DecisionOutcome): string {
  return translate(locale, `cases.outcome.${outcome}`);
}

export function measureList(locale: Locale, measures: readonly SupportMeasure[]): string {
  return measures.map((m) => supportMeasureNames[locale][m] ?? m).join(", ");
}

/** Guardian ids to names, from the GUARDIAN_ADDED and GUARDIAN_CORRECTED events of a history. */
export function guardianNames(events: readonly CaseEvent[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const e of events) if (e.type === "GUARDIAN_ADDED" || e.type === "GUARDIAN_CORRECTED") names[e.guardianId] = e.name;
  return names;
}

export function summarizeEvent(locale: Locale, event: CaseEvent, names: Record<string, string> = {}): EventSummary {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const who = (id: string) => names[id] ?? t("cases.field.guardian");
  switch (event.type) {
    case "CASE_OPENED":
      return { title: t("cases.event.CASE_OPENED"), detail: null };
    case "REPORT_ADDED":
      return event.joinedFrom
        ? { title: t("cases.event.REPORT_ADDED.joined", { reference: event.joinedFrom.referenceNumber }), detail: null }
        : { title: t("cases.event.REPORT_ADDED"), detail: null };
    case "CASE_MERGED":
      return { title: t("cases.event.CASE_MERGED", { reference: event.intoReferenceNumber }), detail: event.comment };
    case "CHILD_LINKED":
      return { title: t("cases.event.CHILD_LINKED", { reference: event.candidateReferenceNumber }), detail: event.comment };
    case "MATCH_REJECTED":
      return { title: t("cases.event.MATCH_REJECTED", { reference: event.candidateReferenceNumber }), detail: event.comment };
    case "PROTECTION_ASSESSED":
      return {
        title: t(event.needsProtection ? "cases.event.PROTECTION_ASSESSED.yes" : "cases.event.PROTECTION_ASSESSED.no"),
        detail: event.assessment,
      };
    case "ASSIGNED":
      return { title: t("cases.event.ASSIGNED", { name: event.assignee.name }), detail: null };
    case "INVITATION_SENT":
      return {
        title: t("cases.event.INVITATION_SENT", {
          date: formatDate(locale, event.date),
          time: event.time,
          place: event.place,
        }),
        detail: event.invitees.join(", "),
      };
    case "CONVERSATION_HELD":
      return {
        title: t("cases.event.CONVERSATION_HELD", { participants: event.participants.join(", ") }),
        detail: event.notes,
      };
    case "NO_SHOW":
      return { title: t("cases.event.NO_SHOW"), detail: event.note ?? null };
    case "DECISION_PROPOSED": {
      const parts = [event.reasoning];
      if (event.support.length > 0) parts.push(t("cases.record.support", { measures: measureList(locale, event.support) }));
      if (event.childNotHeardReason) parts.push(t("cases.record.childNotHeard", { reason: event.childNotHeardReason }));
      if (event.transferTo) parts.push(t("cases.record.transferTo", { municipality: event.transferTo }));
      if (event.feedbackWithheldReason) parts.push(t("cases.record.feedbackWithheld", { reason: event.feedbackWithheldReason }));
      return {
        title: t("cases.event.DECISION_PROPOSED", { outcome: outcomeName(locale, event.outcome) }),
        detail: parts.filter(Boolean).join("\n") || null,
      };
    }
    case "DECISION_APPROVED":
      return { title: t("cases.event.DECISION_APPROVED"), detail: null };
    case "DECISION_RETURNED":
      return { title: t("cases.event.DECISION_RETURNED"), detail: event.comment };
    case "SUPPORT_ACCEPTED":
    case "SUPPORT_DECLINED": {
      const child = event.childAnswer ? t(`cases.event.childAnswer.${event.childAnswer}`) : "";
      return { title: t(`cases.event.${event.type}`), detail: [child, event.note ?? ""].filter(Boolean).join("\n") || null };
    }
    case "GUARDIAN_ADDED":
    case "GUARDIAN_CORRECTED":
      return { title: t(`cases.event.${event.type}`, { name: event.name }), detail: event.reason };
    case "GUARDIAN_CONFIRMED":
    case "GUARDIAN_REMOVED":
      return { title: t(`cases.event.${event.type}`, { name: who(event.guardianId) }), detail: event.reason };
    case "CHILD_ADDRESS_CORRECTED":
      return { title: t("cases.event.CHILD_ADDRESS_CORRECTED"), detail: event.reason };
    case "GUARDIAN_SUSPECTED":
      return {
        title: t(`cases.event.GUARDIAN_SUSPECTED.${event.suspected ? "yes" : "no"}`, { name: who(event.guardianId) }),
        detail: event.reason,
      };
    case "VIOLENCE_FLAG_SET":
      return {
        title: t("cases.event.VIOLENCE_FLAG_SET", { kinds: event.kinds.map((k) => t(`cases.violenceKind.${k}`)).join(", ") }),
        detail: event.reason,
      };
    case "VIOLENCE_FLAG_CLEARED":
      return { title: t("cases.event.VIOLENCE_FLAG_CLEARED"), detail: event.reason };
    case "PROTECTED_IDENTITY_SET":
      return {
        title: t(`cases.event.PROTECTED_IDENTITY_SET.${event.protectedIdentity ? "yes" : "no"}`, {
          name: event.person === "child" ? t("cases.child.title") : who(event.person),
        }),
        detail: event.reason,
      };
    case "INVESTIGATION_EXTENSION_PROPOSED":
      return { title: t("cases.event.INVESTIGATION_EXTENSION_PROPOSED", { date: formatDate(locale, event.until) }), detail: event.reason };
    case "INVESTIGATION_EXTENSION_APPROVED":
      return { title: t("cases.event.INVESTIGATION_EXTENSION_APPROVED"), detail: null };
    case "INVESTIGATION_NOTICE_SENT":
      return { title: t("cases.event.INVESTIGATION_NOTICE_SENT"), detail: null };
    case "INVESTIGATION_CONCLUDED": {
      const measures = event.support.length > 0 ? t("cases.record.support", { measures: measureList(locale, event.support) }) : "";
      return {
        title: t(`cases.event.INVESTIGATION_CONCLUDED.${event.outcome}`),
        detail: [event.summary, measures].filter(Boolean).join("\n"),
      };
    }
    case "NOTE_ADDED":
      return { title: t("cases.event.NOTE_ADDED"), detail: event.text };
    case "REPORT_SUPPLEMENTED":
      return { title: t(`cases.event.REPORT_SUPPLEMENTED.${event.via}`), detail: event.text };
    case "FEEDBACK_SENT":
      return { title: t("cases.event.FEEDBACK_SENT"), detail: null };
    case "DEADLINE_EXTENDED":
      return {
        title: t("cases.event.DEADLINE_EXTENDED", {
          deadline: t(`deadline.kind.${event.deadline}`),
          date: formatDate(locale, event.until),
        }),
        detail: event.reason,
      };
    default:
      return { title: t("cases.event.unknown", { type: (event as { type: string }).type }), detail: null };
  }
}
