/**
 * The auditors' read-only view of cases (/granskning): search every case of the
 * municipality, open or closed, and read one case's whole history with its hashes, its
 * reports and letters. Every read is logged in access_log before anything leaves the server.
 */
import { and, asc, desc, eq, gte, ilike, inArray, lt, or, type SQL } from "drizzle-orm";

import type { Db } from "../../db/client";
import { caseEvents, cases, children, letters, reports, units, users } from "../../db/schema";
import { stateName, type CaseEvent, type PersistedCase, type StateName } from "../../workflows";
import type { SessionUser } from "../auth/session.server";
import { historyEvent, protectedGuardianNames, reportView, type ReportView } from "../cases/case-page-data";
import { isUuid } from "../cases/inbox-filters";
import { likePattern } from "../cases/inbox.server";
import { caseAccessLog, logAccess, type AccessEntry } from "./access-log.server";
import { periodBounds } from "./period";
import { auditorUnitIds, staffOfUnits } from "./scope.server";
import { AUDIT_PAGE_SIZE, auditSearchString, isEmptySearch, parseAuditSearch, type AuditSearch } from "./search-filters";

export type AuditCaseRow = {
  id: string;
  referenceNumber: string;
  childName: string;
  unitName: string;
  state: string;
  open: boolean;
  receivedAt: string;
  closedAt: string | null;
  assigneeName: string | null;
};

export type AuditSearchResult = {
  search: AuditSearch;
  searched: boolean;
  rows: AuditCaseRow[];
  hasNext: boolean;
  caseworkers: { id: string; name: string }[];
};

/** Reference number, the child's name, or a personnummer with or without century and dash. */
function textCondition(q: string): SQL | undefined {
  const digits = q.replace(/[-+\s]/g, "");
  const conditions: (SQL | undefined)[] = [ilike(cases.referenceNumber, likePattern(q)), ilike(children.name, likePattern(q))];
  if (/^\d{10}$/.test(digits)) conditions.push(ilike(children.personalNumber, `%${digits}`));
  if (/^\d{12}$/.test(digits)) conditions.push(eq(children.personalNumber, digits));
  return or(...conditions);
}

/**
 * The search page's cases: nothing is listed (or logged) until the auditor searches; a
 * search is logged with what was asked, since its results name children.
 */
export async function searchAuditCases(db: Db, user: SessionUser, url: URL, now: Date = new Date()): Promise<AuditSearchResult> {
  const search = parseAuditSearch(url.searchParams);
  const unitIds = await auditorUnitIds(db, user);
  const caseworkers = (await staffOfUnits(db, unitIds))
    .filter((s) => s.role === "caseworker" || s.role === "teamLead")
    .map(({ id, name }) => ({ id, name }));
  if (isEmptySearch(search) || unitIds.length === 0) {
    return { search, searched: false, rows: [], hasNext: false, caseworkers };
  }
  const where: (SQL | undefined)[] = [inArray(cases.unitId, unitIds)];
  if (search.q) where.push(textCondition(search.q));
  if (search.from) where.push(gte(cases.receivedAt, periodBounds({ from: search.from, to: search.from }).start));
  if (search.to) where.push(lt(cases.receivedAt, periodBounds({ from: search.to, to: search.to }).end));
  if (search.state === "open") where.push(eq(cases.open, true));
  else if (search.state) where.push(eq(cases.state, search.state));
  if (search.caseworker) where.push(eq(cases.assigneeId, search.caseworker));

  await logAccess(db, user, { caseId: null, action: "search", detail: auditSearchString(search, 1) || null }, now);
  const rows = await db
    .select({
      id: cases.id,
      referenceNumber: cases.referenceNumber,
      childName: children.name,
      unitName: units.name,
      state: cases.state,
      open: cases.open,
      receivedAt: cases.receivedAt,
      closedAt: cases.closedAt,
      assigneeName: users.name,
    })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .innerJoin(units, eq(units.id, cases.unitId))
    .leftJoin(users, eq(users.id, cases.assigneeId))
    .where(and(...where))
    .orderBy(desc(cases.receivedAt), desc(cases.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((search.page - 1) * AUDIT_PAGE_SIZE);
  return {
    search,
    searched: true,
    rows: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
      ...r,
      receivedAt: r.receivedAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
    })),
    hasNext: rows.length > AUDIT_PAGE_SIZE,
    caseworkers,
  };
}

export type AuditEventView = {
  seq: number;
  type: string;
  at: string;
  actorName: string;
  event: CaseEvent;
  prevHash: string;
  hash: string;
};

export type AuditLetterView = { id: string; kind: string; recipientName: string | null; createdAt: string; fileName: string; sha256: string };

export type AuditCaseData = {
  case: {
    id: string;
    referenceNumber: string;
    unitName: string;
    state: StateName;
    open: boolean;
    receivedAt: string;
    closedAt: string | null;
    assigneeName: string | null;
    violence: boolean;
    urgent: boolean;
    protectedIdentity: boolean;
  };
  child: { name: string; personalNumber: string | null; birthDate: string | null };
  reports: ReportView[];
  events: AuditEventView[];
  letters: AuditLetterView[];
  accessLog: AccessEntry[];
};

/** The case, if it belongs to the auditor's municipality. */
async function findAuditCase(db: Db, user: SessionUser, caseId: string) {
  if (user.role !== "auditor" || !isUuid(caseId)) return null;
  const unitIds = await auditorUnitIds(db, user);
  if (unitIds.length === 0) return null;
  const [row] = await db
    .select({
      id: cases.id,
      referenceNumber: cases.referenceNumber,
      unitName: units.name,
      open: cases.open,
      receivedAt: cases.receivedAt,
      closedAt: cases.closedAt,
      snapshot: cases.snapshot,
      assigneeName: users.name,
      child: {
        name: children.name,
        personalNumber: children.personalNumber,
        birthDate: children.birthDate,
        protectedIdentity: children.protectedIdentity,
      },
    })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .innerJoin(units, eq(units.id, cases.unitId))
    .leftJoin(users, eq(users.id, cases.assigneeId))
    .where(and(eq(cases.id, caseId), inArray(cases.unitId, unitIds)))
    .limit(1);
  return row ? { ...row, snapshot: row.snapshot as PersistedCase } : null;
}

/** One case for an auditor: everything it holds, read-only; null when not theirs to read. */
export async function loadAuditCase(db: Db, user: SessionUser, caseId: string, now: Date = new Date()): Promise<AuditCaseData | null> {
  const row = await findAuditCase(db, user, caseId);
  if (!row) return null;
  await logAccess(db, user, { caseId: row.id, action: "view" }, now);

  const [reportRows, eventRows, letterRows, access] = await Promise.all([
    db.select().from(reports).where(eq(reports.caseId, row.id)).orderBy(asc(reports.receivedAt), asc(reports.id)),
    db
      .select({
        seq: caseEvents.seq,
        type: caseEvents.type,
        at: caseEvents.occurredAt,
        actorName: caseEvents.actorName,
        event: caseEvents.event,
        prevHash: caseEvents.prevHash,
        hash: caseEvents.hash,
      })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, row.id))
      .orderBy(asc(caseEvents.seq)),
    db
      .select({
        id: letters.id,
        kind: letters.kind,
        recipientName: letters.recipientName,
        createdAt: letters.createdAt,
        fileName: letters.fileName,
        sha256: letters.sha256,
      })
      .from(letters)
      .where(eq(letters.caseId, row.id))
      .orderBy(asc(letters.createdAt), asc(letters.fileName)),
    caseAccessLog(db, row.id),
  ]);
  const { flags } = row.snapshot.context;
  const protectedIdentity = row.child.protectedIdentity || flags.protectedIdentity || reportRows.some((r) => r.childProtectedIdentity);
  return {
    case: {
      id: row.id,
      referenceNumber: row.referenceNumber,
      unitName: row.unitName,
      state: stateName(row.snapshot),
      open: row.open,
      receivedAt: row.receivedAt.toISOString(),
      closedAt: row.closedAt?.toISOString() ?? null,
      assigneeName: row.assigneeName,
      violence: flags.violence,
      urgent: flags.urgent,
      protectedIdentity,
    },
    child: { name: row.child.name, personalNumber: row.child.personalNumber, birthDate: row.child.birthDate },
    reports: reportRows.map((r) => {
      const ref = row.snapshot.context.reports.find((c) => c.id === r.id);
      const assessment = ref
        ? { protectionDue: ref.protectionDue, decisionDue: ref.decisionDue, protection: ref.protection, decidedAt: ref.decidedAt }
        : null;
      return reportView(r, protectedIdentity, assessment, protectedGuardianNames(row.snapshot.context));
    }),
    events: eventRows.map((e) => ({ ...e, at: e.at.toISOString(), event: historyEvent(e.event as CaseEvent) })),
    letters: letterRows.map((l) => ({ ...l, createdAt: l.createdAt.toISOString() })),
    accessLog: access,
  };
}

/** A letter of a case in the auditor's municipality, exactly as archived; the read is logged. */
export async function downloadAuditLetter(
  db: Db,
  user: SessionUser,
  caseId: string,
  letterId: string,
  now: Date = new Date(),
): Promise<{ fileName: string; pdf: Buffer } | null> {
  if (!isUuid(letterId)) return null;
  const row = await findAuditCase(db, user, caseId);
  if (!row) return null;
  const [letter] = await db
    .select({ fileName: letters.fileName, pdf: letters.pdf })
    .from(letters)
    .where(and(eq(letters.id, letterId), eq(letters.caseId, row.id)))
    .limit(1);
  if (!letter) return null;
  await logAccess(db, user, { caseId: row.id, action: "letter", detail: letterId }, now);
  return letter;
}

