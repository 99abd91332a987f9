// Sample letters for tests and the benchmark, and the one the letter worker draws to warm up
// before it says it is ready (draw-worker.mjs). Invented people; Lysekil facts.

import type {
  CaseHistoryEvent,
  CaseHistoryLetter,
  DecisionLetter,
  FeedbackLetter,
  InvestigationNoticeLetter,
  InvitationLetter,
  Letter,
  ReceiptLetter,
} from "./types";

const common = { referenceNumber: "VRN-2026-00012", createdAt: "2026-11-24T13:05:00Z" };
const caseworker = { name: "Maria Lindqvist", phone: "0523-61 31 42" };
const guardian = { name: "Karin Johansson", address: "Strandvägen 12\n453 30 Lysekil" };

export const receipt: ReceiptLetter = {
  ...common,
  kind: "receipt",
  receivedAt: "2026-11-24T13:04:12Z",
  reporterName: "Anna Berg",
};

export const invitation: InvitationLetter = {
  ...common,
  kind: "invitation",
  recipient: guardian,
  childName: "Elias Johansson",
  date: "2026-12-01",
  time: "10:00",
  place: "Socialtjänsten, Kungsgatan 42, Lysekil",
  caseworker,
};

export const decision: DecisionLetter = {
  ...common,
  kind: "decision",
  recipient: guardian,
  childName: "Elias Johansson",
  outcome: "noInvestigation",
  reasoning:
    "Vid samtal med vårdnadshavare och barn har det framkommit att familjen har ett fungerande nätverk.\n\n" +
    "Socialtjänsten bedömer att barnets behov kan tillgodoses genom frivilligt stöd.",
  support: ["Föräldrastöd i grupp", "Samtalsstöd för barn"],
  decidedAt: "2026-12-05T09:00:00Z",
  approvedBy: "Erik Holm, enhetschef",
  caseworker,
};

export const investigationNotice: InvestigationNoticeLetter = {
  ...common,
  kind: "investigationNotice",
  recipient: guardian,
  childName: "Elias Johansson",
  openedAt: "2026-12-05T09:00:00Z",
  caseworker,
};

export const feedback: FeedbackLetter = {
  ...common,
  kind: "feedback",
  recipient: { name: "Lena Ek", organisation: "Skaftö skola" },
  outcome: "investigationOpened",
  decidedAt: "2026-12-05T09:00:00Z",
  reportReceivedAt: "2026-11-24T13:04:00Z",
};

export function historyEvents(count: number): CaseHistoryEvent[] {
  const start = Date.UTC(2026, 10, 24, 13, 4);
  return Array.from({ length: count }, (_, i) => ({
    seq: i + 1,
    at: new Date(start + i * 97_000).toISOString(),
    type: i === 0 ? "report.submitted" : i % 7 === 0 ? "case.transitioned" : "note.added",
    actorName: i === 0 ? "Anmälare" : "Maria Lindqvist",
    summary:
      i % 7 === 0
        ? "Status ändrad från mottagen till förhandsbedömning efter genomförd skyddsbedömning."
        : `Anteckning ${i + 1} tillagd.`,
    // A stand-in for the hash chain: 64 hex digits, unique per event.
    hash: (i + 1).toString(16).padStart(8, "0").repeat(8),
  }));
}

export const caseHistory: CaseHistoryLetter = {
  ...common,
  kind: "caseHistory",
  createdAt: "2026-12-10T08:00:00Z",
  exportedAt: "2026-12-10T08:00:00Z",
  exportedBy: "Ulla Granskare",
  events: historyEvents(12),
};

export const allLetters: Letter[] = [receipt, invitation, decision, investigationNotice, feedback, caseHistory];
