// The letters the social services send, as data. Everything a letter prints is
// in here, so a stored letter input re-renders to the same bytes at any later
// time (letters are archived exactly as sent).

/** Sender details printed on every letter. */
export type Municipality = {
  /** e.g. "Lysekils kommun" */
  name: string;
  /** e.g. "Socialtjänsten – Barn och unga" */
  unit: string;
  /** the switchboard (växel), as it should be printed */
  phone: string;
  /** postal address lines, without the municipality name */
  address: string[];
  /** e.g. "Vardagar 08–16": when reports are read and the unit answers */
  officeHours?: string;
};

export const LYSEKIL: Municipality = {
  name: "Lysekils kommun",
  unit: "Socialtjänsten – Barn och unga",
  phone: "0523-61 30 00",
  address: ["453 80 Lysekil"],
  officeHours: "Vardagar 08–16",
};

/**
 * A person the letter is posted to. `address` is null when the person has
 * protected personal data (skyddade personuppgifter): then no address is
 * printed at all and the letter is forwarded by Skatteverket.
 */
export type Recipient = {
  name: string;
  /** postal address, lines separated by "\n" */
  address: string | null;
};

/** handläggare */
export type Caseworker = { name: string; phone: string };

type Common = {
  /** the case's reference number, e.g. "VRN-2026-00012"; on a receipt the report's own ("ANM-2026-000012") */
  referenceNumber: string;
  /**
   * ISO instant the letter was produced. It gives the date line and the PDF's
   * creation date, so keep it with the letter to reproduce the same bytes.
   */
  createdAt: string;
};

/** Kvittens – to the reporter, on submission. Deliberately says nothing about the child. */
export type ReceiptLetter = Common & {
  kind: "receipt";
  /** ISO instant the report was received */
  receivedAt: string;
  /** null when the report was made anonymously */
  reporterName: string | null;
};

/** Kallelse till samtal – to each guardian, and to the child when old enough. */
export type InvitationLetter = Common & {
  kind: "invitation";
  recipient: Recipient;
  /** who the letter speaks to; a child (from 15) gets a plainer, direct text. Default "guardian". */
  recipientRole?: "guardian" | "child";
  /** the language an interpreter is offered in, when the report asked for one */
  interpreterLanguage?: string | null;
  childName: string;
  /** YYYY-MM-DD, a calendar date in Sweden */
  date: string;
  /** HH:MM, Swedish local time */
  time: string;
  place: string;
  caseworker: Caseworker;
};

export type DecisionOutcome = "noInvestigation" | "openInvestigation" | "alreadyInvestigated" | "transfer";

/** Beslut – to the guardians, and to the child from 15, when a decision is approved. */
export type DecisionLetter = Common & {
  kind: "decision";
  recipient: Recipient;
  /** who the letter speaks to; the child from 15 gets their own. Default "guardian". */
  recipientRole?: "guardian" | "child";
  childName: string;
  outcome: DecisionOutcome;
  /** the reasons, in Swedish, as approved */
  reasoning: string;
  /** Swedish names of the voluntary support measures (frivilliga insatser) offered */
  support: string[];
  /** ISO instant */
  decidedAt: string;
  /** name of the person who approved the decision */
  approvedBy: string;
  /** whom to call to accept the support or to ask questions */
  caseworker: Caseworker;
};

/** Underrättelse om att utredning inleds – to the guardians. */
export type InvestigationNoticeLetter = Common & {
  kind: "investigationNotice";
  recipient: Recipient;
  childName: string;
  /** ISO instant */
  openedAt: string;
  caseworker: Caseworker;
};

export type FeedbackOutcome = "investigationOpened" | "notOpened" | "alreadyUnderway" | "transferred";

/** Återkoppling – to a mandated reporter. Tells the outcome and nothing else. */
export type FeedbackLetter = Common & {
  kind: "feedback";
  recipient: { name: string; organisation: string };
  outcome: FeedbackOutcome;
  /** ISO instant */
  decidedAt: string;
  /** ISO instant the report this feedback answers was received: the reporter may have made several */
  reportReceivedAt?: string;
};

export type CaseHistoryEvent = {
  seq: number;
  /** ISO instant */
  at: string;
  type: string;
  actorName: string;
  summary: string;
  /** the event's link in the case's hash chain */
  hash: string;
};

/** Ärendehistorik – the whole history of a case, for an auditor. */
export type CaseHistoryLetter = Common & {
  kind: "caseHistory";
  /** ISO instant */
  exportedAt: string;
  exportedBy: string;
  events: CaseHistoryEvent[];
};

export type Letter =
  | ReceiptLetter
  | InvitationLetter
  | DecisionLetter
  | InvestigationNoticeLetter
  | FeedbackLetter
  | CaseHistoryLetter;

export type LetterKind = Letter["kind"];
