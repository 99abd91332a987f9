/**
 * Loggkontroll: which reads of cases are unusual enough for an auditor to look at. Pure
 * (no I/O): the server fetches a period's reads with what was true at the time, and this
 * decides. Times are judged in Swedish time.
 */
import { TZDate } from "@date-fns/tz";

import type { Role } from "../auth/roles";

export const UNUSUAL_KINDS = ["otherUnit", "notAssigned", "burst", "offHours", "protectedIdentity"] as const;
export type UnusualKind = (typeof UNUSUAL_KINDS)[number];

/** Office hours: weekdays 07:00–18:00 in Stockholm. */
export const OFFICE_HOURS = { firstHour: 7, endHour: 18 } as const;
/** "Many cases in a short time": this many different cases by one reader within the window. */
export const BURST = { cases: 10, windowMinutes: 10 } as const;

export type AccessFact = {
  id: number;
  userId: string;
  role: Role | null;
  /** The reader's unit at the time of the read. */
  readerUnitId: string | null;
  caseId: string;
  caseUnitId: string;
  /** Who the case was assigned to at the time of the read (null: nobody yet). */
  assigneeAtTime: string | null;
  protectedIdentity: boolean;
  /** A reporter reading a report they made themselves (its receipt or feedback letter). */
  ownReport: boolean;
  at: Date;
};

export function isOffHours(at: Date): boolean {
  const local = new TZDate(at.getTime(), "Europe/Stockholm");
  const day = local.getDay(); // 0 Sunday … 6 Saturday
  const hour = local.getHours();
  return day === 0 || day === 6 || hour < OFFICE_HOURS.firstHour || hour >= OFFICE_HOURS.endHour;
}

/** Unit staff read their own unit's cases; auditors are municipality-wide. */
const unitBound = (role: Role | null) => role === "caseworker" || role === "teamLead";

/**
 * Reporters read from outside the municipality, when it suits them, and a designated
 * contact's list shows all of the organisation's reports at once: office hours and bursts say
 * nothing about them. A reporter following their own report is never unusual; a colleague's
 * report of a child with protected personal data is.
 */
function reporterKinds(f: AccessFact): UnusualKind[] {
  return !f.ownReport && f.protectedIdentity ? ["protectedIdentity"] : [];
}

/**
 * The kinds of unusual access each read shows (reads with none are left out). `facts`
 * must hold every read of the period (the burst rule looks at a reader's neighbouring reads).
 */
export function flagUnusual(facts: readonly AccessFact[]): Map<number, UnusualKind[]> {
  const flagged = new Map<number, UnusualKind[]>();
  const add = (id: number, kind: UnusualKind) => {
    const list = flagged.get(id) ?? [];
    if (!list.includes(kind)) list.push(kind);
    flagged.set(id, list);
  };
  for (const f of facts) {
    if (f.role === "reporter") {
      for (const kind of reporterKinds(f)) add(f.id, kind);
      continue;
    }
    if (unitBound(f.role) && f.readerUnitId !== f.caseUnitId) add(f.id, "otherUnit");
    // A caseworker reading a case assigned to someone else; team leads oversee the unit.
    if (f.role === "caseworker" && f.assigneeAtTime !== null && f.assigneeAtTime !== f.userId) add(f.id, "notAssigned");
    if (isOffHours(f.at)) add(f.id, "offHours");
    if (f.protectedIdentity) add(f.id, "protectedIdentity");
  }
  // Burst: a sliding window over each reader's reads in time order.
  const byUser = new Map<string, AccessFact[]>();
  for (const f of facts) {
    if (f.role === "reporter") continue;
    const reads = byUser.get(f.userId);
    if (reads) reads.push(f);
    else byUser.set(f.userId, [f]);
  }
  const windowMs = BURST.windowMinutes * 60 * 1000;
  for (const reads of byUser.values()) {
    reads.sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
    let start = 0;
    const counts = new Map<string, number>();
    for (let end = 0; end < reads.length; end++) {
      const r = reads[end]!;
      counts.set(r.caseId, (counts.get(r.caseId) ?? 0) + 1);
      while (r.at.getTime() - reads[start]!.at.getTime() > windowMs) {
        const old = reads[start]!;
        const n = (counts.get(old.caseId) ?? 1) - 1;
        if (n === 0) counts.delete(old.caseId);
        else counts.set(old.caseId, n);
        start++;
      }
      if (counts.size >= BURST.cases) {
        for (let i = start; i <= end; i++) add(reads[i]!.id, "burst");
      }
    }
  }
  return flagged;
}
