/**
 * The access log (loggkontroll), written and read. Every read of a case's contents writes
 * one row with the reader's role and unit at the time; the auditors read it per case and
 * per user.
 */
import { and, desc, eq, gte, lt } from "drizzle-orm";

import type { Db, Queryable } from "../../db/client";
import { accessLog, cases, units, users } from "../../db/schema";
import type { Role } from "../auth/roles";
import type { SessionUser } from "../auth/session.server";
import { periodBounds, type Period } from "./period";

/**
 * What was read: "view" (a case page), "letter" (a letter's PDF), "export" (a history or
 * range export), "search" (a search listing children's names), "accessLog" (a case's or a
 * user's access log), "review" / "signoff" (the log review's own work).
 */
export type AccessAction = "view" | "letter" | "export" | "search" | "accessLog" | "review" | "signoff";

export async function logAccess(
  db: Queryable,
  user: Pick<SessionUser, "id" | "role" | "unitId">,
  entry: { caseId: string | null; action: AccessAction; detail?: string | null },
  now: Date = new Date(),
): Promise<void> {
  await db.insert(accessLog).values({
    userId: user.id,
    role: user.role,
    unitId: user.unitId,
    caseId: entry.caseId,
    action: entry.action,
    detail: entry.detail ?? null,
    at: now,
  });
}

export type AccessEntry = {
  id: number;
  at: string;
  action: string;
  detail: string | null;
  role: Role | null;
  user: { id: string; name: string; email: string };
  unitName: string | null;
  case: { id: string; referenceNumber: string } | null;
};

const LIST_LIMIT = 500;

function entrySelect() {
  return {
    id: accessLog.id,
    at: accessLog.at,
    action: accessLog.action,
    detail: accessLog.detail,
    role: accessLog.role,
    userId: users.id,
    userName: users.name,
    userEmail: users.email,
    unitName: units.name,
    caseId: cases.id,
    caseReference: cases.referenceNumber,
  };
}

type EntryRow = {
  id: number;
  at: Date;
  action: string;
  detail: string | null;
  role: Role | null;
  userId: string;
  userName: string;
  userEmail: string;
  unitName: string | null;
  caseId: string | null;
  caseReference: string | null;
};

function toEntry(r: EntryRow): AccessEntry {
  return {
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    detail: r.detail,
    role: r.role,
    user: { id: r.userId, name: r.userName, email: r.userEmail },
    unitName: r.unitName,
    case: r.caseId && r.caseReference ? { id: r.caseId, referenceNumber: r.caseReference } : null,
  };
}

/** Who opened this case, downloaded what, when, in which role — newest first. */
export async function caseAccessLog(db: Db, caseId: string): Promise<AccessEntry[]> {
  const rows = await db
    .select(entrySelect())
    .from(accessLog)
    .innerJoin(users, eq(users.id, accessLog.userId))
    .leftJoin(units, eq(units.id, accessLog.unitId))
    .leftJoin(cases, eq(cases.id, accessLog.caseId))
    .where(eq(accessLog.caseId, caseId))
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .limit(LIST_LIMIT);
  return rows.map(toEntry);
}

/** What one user opened in a period — newest first. */
export async function userAccessLog(db: Db, userId: string, period: Period): Promise<{ entries: AccessEntry[]; truncated: boolean }> {
  const { start, end } = periodBounds(period);
  const rows = await db
    .select(entrySelect())
    .from(accessLog)
    .innerJoin(users, eq(users.id, accessLog.userId))
    .leftJoin(units, eq(units.id, accessLog.unitId))
    .leftJoin(cases, eq(cases.id, accessLog.caseId))
    .where(and(eq(accessLog.userId, userId), gte(accessLog.at, start), lt(accessLog.at, end)))
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .limit(LIST_LIMIT + 1);
  return { entries: rows.slice(0, LIST_LIMIT).map(toEntry), truncated: rows.length > LIST_LIMIT };
}
