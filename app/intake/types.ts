import type { ReporterSector } from "../../db/reporter-category";
import type { Guardian, Sibling } from "../../db/schema";

export type { Guardian, Sibling, ReporterSector };

/** The violence question of the intake form: any of these makes the case violence-flagged. */
export const violenceKinds = ["familyViolence", "sexualAbuse", "honourViolence"] as const;
export type ViolenceKind = (typeof violenceKinds)[number];

/** The violence question: "yes" when a kind was ticked; "no" and "unknown" are distinct answers. */
export const violenceResponses = ["yes", "no", "unknown"] as const;
export type ViolenceResponse = (typeof violenceResponses)[number];
export type Answer = "yes" | "no" | "unknown";

/** Answers the common municipal forms ask beside the core report; null when not answered. */
export type ReportDetails = {
  /** A private reporter's relation to the child (neighbour, relative, …). */
  reporterRelation: string | null;
  /** The child's age in years, when no date of birth is known. */
  childAge: number | null;
  /** Who the child lives with, in the reporter's words. */
  childLivesWith: string | null;
  /** The child's own view, if the reporter knows it. */
  childView: string | null;
  policeReport: Answer | null;
  violenceAnswer: ViolenceResponse;
};

export type ReporterInput =
  | { kind: "private"; anonymous: true }
  | { kind: "private"; anonymous: false; name: string; phone: string | null; email: string | null }
  | {
      kind: "mandated";
      name: string;
      organisation: string;
      title: string;
      phone: string;
      email: string | null;
      /**
       * Which kind of organisation they report from (the form's "Typ av verksamhet"); it decides
       * the report's category in the statistics. Null only for a report made before the form asked.
       */
      sector: ReporterSector | null;
    };

/** A validated concern report, as the intake schema outputs it and submitReport stores it. */
export type IntakeInput = {
  idempotencyKey: string;
  reporter: ReporterInput;
  child: {
    name: string;
    /** Normalised to 12 digits (YYYYMMDDNNNN) when given. */
    personalNumber: string | null;
    /** YYYY-MM-DD; derived from the personal number when that is given. */
    birthDate: string | null;
    address: string | null;
    school: string | null;
    whereabouts: string | null;
    protectedIdentity: boolean;
  };
  guardians: Guardian[]; // 0–2
  siblings: Sibling[];
  concern: {
    what: string;
    when: string | null;
    duration: string | null;
    ifNothing: string | null;
    childKnows: "yes" | "no" | "unknown";
  };
  interpreterLanguage: string | null;
  violenceKinds: ViolenceKind[];
  /** Always set by the form's schema; older callers (demo data) may leave it out. */
  details?: ReportDetails;
};
