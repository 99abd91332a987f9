import { and, asc, eq, ilike, inArray, isNull, lt, lte, notInArray, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";

import type { Db, Queryable } from "../../db/client";
import { caseEvents, cases, children, letters, reports, users } from "../../db/schema";
import { addCalendarDays, stockholmDate } from "../../workflows/deadlines";
import { pendingMatchFor } from "../matching/pending.server";
import type { SessionUser } from "../auth/session.server";
import { staffOfUnit } from "./commands.server";
import { newAdditionFor } from "./inbox-additions.server";
import {
  PAGE_SIZE,
  formatInboxCursor,
  parseInboxCursor,
  parseInboxFilters,
  type InboxFilters,
} from "./inbox-filters";

export type InboxRow = {
  id: string;
  referenceNumber: string;
  childName: string;
  childBirthDate: string | null;
  protectedIdentity: boolean;
  receivedAt: string;
  state: string;
  nextDeadlineKind: string | null;
  nextDeadline: string | null;
  decisionDue: string | null;
  reportCount: number;
  urgent: boolean;
  violence: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  /** A reporter added to a report since this user last opened the case. */
  newAddition: boolean;
  /** A possible match (a child without personnummer) waits for the caseworker's answer. */
  possibleMatch: boolean;
};

export type Inbox = {
  filters: InboxFilters;
  /** Today's date in Stockholm, against which the deadlines were judged. */
  today: string;
  rows: InboxRow[];
  hasNext: boolean;
  /** The cursor of the next page (its `after`), when there is one. */
  nextAfter: string | null;
  staff: { id: string; name: string }[];
};

/** ILIKE treats %, _ and \ specially; a search for "50%" must find "50%", not everything. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A proposal waits for this user's approval: the case awaits approval and the latest proposal
 * is someone else's (four eyes: nobody approves their own).
 */
export function awaitingApprovalBy(userId: string): SQL {
  return sql`(${cases.state} = 'awaitingApproval' and (
    select p.actor_id from ${caseEvents} p
    where p.case_id = ${cases.id} and p.type = 'DECISION_PROPOSED'
    order by p.seq desc limit 1) is distinct from ${userId})`;
}

/**
 * This mandated reporter's report (alias `r`) waits for feedback (återkoppling): a decision
 * was made on its case after it arrived, and no feedback letter answers it — whether the
 * decision withheld the feedback (with a reason) or it was never made.
 */
export const reportAwaitsFeedback: SQL = sql`r.reporter_kind = 'mandated'
    and not exists (select 1 from ${letters} l where l.report_id = r.id and l.kind = 'feedback')
    and exists (
      select 1 from ${caseEvents} d
      where d.case_id = r.case_id and d.occurred_at >= r.received_at
        and (d.type = 'DECISION_APPROVED' or (d.type = 'PROTECTION_ASSESSED' and d.event->>'needsProtection' = 'true')))`;

/** A mandated reporter of the case waits for feedback (see reportAwaitsFeedback). */
export const feedbackWaiting: SQL = sql`exists (
  select 1 from ${reports} r where r.case_id = ${cases.id} and ${reportAwaitsFeedback})`;

/** A possible match on the case waits for the caseworker's answer (app/matching): the row's flag, as a filter. */
export const matchPending: SQL = pendingMatchFor(cases.id);

/**
 * The WHERE conditions of the inbox for these filters (the search aside): one source for the
 * inbox's rows and the desk's counts, so a count and the list it links to always agree.
 */
export function inboxConditions(unitId: string, userId: string, filters: InboxFilters, today: string): SQL[] {
  const where: SQL[] = [eq(cases.unitId, unitId)];
  // Open cases by default; "Avslutade" the closed ones; "Alla", or a search, every case of the
  // unit, so a family calling back about a closed case is found by its diarienummer.
  if (filters.state === "closed") where.push(eq(cases.open, false));
  else if (filters.state && filters.state !== "all") where.push(eq(cases.open, true), eq(cases.state, filters.state));
  else if (filters.state !== "all" && !filters.q) where.push(eq(cases.open, true));
  if (filters.assignee === "mine") where.push(eq(cases.assigneeId, userId));
  else if (filters.assignee === "unassigned") where.push(isNull(cases.assigneeId));
  else if (filters.assignee) where.push(eq(cases.assigneeId, filters.assignee));
  if (filters.deadline === "overdue") where.push(lt(cases.nextDeadline, today));
  else if (filters.deadline === "today") where.push(eq(cases.nextDeadline, today));
  else if (filters.deadline === "due") where.push(lte(cases.nextDeadline, today));
  else if (filters.deadline === "week") where.push(lte(cases.nextDeadline, addCalendarDays(today, 7)));
  else if (filters.deadline === "month") where.push(lte(cases.nextDeadline, addCalendarDays(today, 30)));
  if (filters.kind) where.push(eq(cases.nextDeadlineKind, filters.kind));
  if (filters.approval === "mine") where.push(awaitingApprovalBy(userId));
  if (filters.feedback === "waiting") where.push(feedbackWaiting);
  if (filters.match === "pending") where.push(matchPending);
  return where;
}

/**
 * The inbox's order, most pressing first: overdue dates before today's, today's before later
 * ones, no deadline last; within a day urgent and violence cases first; then oldest first.
 * cases_inbox_order_idx (migration 0008) holds exactly these keys for open cases, so a page
 * is read straight off the index.
 */
const inboxOrder = {
  deadline: sql`coalesce(${cases.nextDeadline}, 'infinity'::date)`,
  /** false (urgent or violence) sorts before true */
  later: sql`(not (${cases.urgent} or ${cases.violence}))`,
};

/**
 * The open cases of the user's unit in inbox order, as ONE query. A page after the first
 * starts after the previous page's last row when the link carries its cursor (keyset
 * pagination: page 2,000 costs what page 1 costs); without one it skips (page − 1) pages.
 * A search matches the reference number or the child's name through trigram indexes.
 * Asks for one row more than a page, to know whether there is a next page without counting.
 */
export function inboxQuery(db: Queryable, unitId: string, userId: string, filters: InboxFilters, today: string) {
  const where = inboxConditions(unitId, userId, filters, today);
  const cursor = filters.page > 1 ? parseInboxCursor(filters.after) : null;
  if (cursor) {
    where.push(
      sql`(${inboxOrder.deadline}, ${inboxOrder.later}, ${cases.receivedAt}, ${cases.id}) >
          (${cursor.nextDeadline ?? "infinity"}::date, ${cursor.later}::boolean, ${cursor.receivedAt}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const offset = cursor ? 0 : (filters.page - 1) * PAGE_SIZE;
  if (filters.q) return searchQuery(db, unitId, userId, where, filters.q, offset);

  return db
    .select(inboxFields(caseColumns, userId))
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .leftJoin(users, eq(users.id, cases.assigneeId))
    .where(and(...where))
    .orderBy(...inboxOrderBy)
    .limit(PAGE_SIZE + 1)
    .offset(offset);
}

const inboxOrderBy = [asc(inboxOrder.deadline), asc(inboxOrder.later), asc(cases.receivedAt), asc(cases.id)];

/** The case's columns a row shows; a subquery standing in for `cases` offers the same. */
const caseColumns = {
  id: cases.id,
  referenceNumber: cases.referenceNumber,
  receivedAt: cases.receivedAt,
  state: cases.state,
  nextDeadlineKind: cases.nextDeadlineKind,
  nextDeadline: cases.nextDeadline,
  decisionDue: cases.decisionDue,
  reportCount: cases.reportCount,
  urgent: cases.urgent,
  violence: cases.violence,
  assigneeId: cases.assigneeId,
};
type CaseColumns = typeof caseColumns;
/** A row's fields, its two flags worked out in the same query for the page's rows only. */
function inboxFields(c: CaseColumns, userId: string) {
  return {
    id: c.id,
    referenceNumber: c.referenceNumber,
    childName: children.name,
    childBirthDate: children.birthDate,
    protectedIdentity: children.protectedIdentity,
    receivedAt: c.receivedAt,
    state: c.state,
    nextDeadlineKind: c.nextDeadlineKind,
    nextDeadline: c.nextDeadline,
    decisionDue: c.decisionDue,
    reportCount: c.reportCount,
    urgent: c.urgent,
    violence: c.violence,
    assigneeId: c.assigneeId,
    assigneeName: users.name,
    newAddition: newAdditionFor(c.id, userId),
    possibleMatch: pendingMatchFor(c.id),
  };
}

/**
 * A search runs with this setting (in its own transaction). A broad name search reads a few
 * thousand rows through indexes; PostgreSQL would start parallel workers for it, which on a
 * small server (quality.md's: 2 cores shared with the application) cost more than they save —
 * a surname shared by 4,000 children: 35–40 ms with workers, 20 ms without, at 100,000 cases.
 * Only the search is kept from them: the statistics and exports gain from parallel scans.
 */
export const SEARCH_PLANNER_SETTING = "set local max_parallel_workers_per_gather = 0";

/**
 * A search: the cases whose child's name or whose reference number matches, each found
 * through its trigram index. The two are joined as whole rows (UNION ALL, the second leaving
 * out what the first found), not as ids looked up again; the page is cut before the children
 * and caseworkers are joined, so a surname shared by thousands costs 50 lookups, not
 * thousands. The subqueries are named "cases", so the filters apply to them unchanged.
 */
function searchQuery(db: Queryable, unitId: string, userId: string, where: SQL[], q: string, offset: number) {
  const pattern = likePattern(q);
  const named = db.select({ id: children.id }).from(children).where(and(eq(children.unitId, unitId), ilike(children.name, pattern)));
  const columns = { ...caseColumns, childId: cases.childId };
  const byName = db.select(columns).from(cases).where(and(...where, inArray(cases.childId, named)));
  const byReference = db
    .select(columns)
    .from(cases)
    .where(and(...where, ilike(cases.referenceNumber, pattern), notInArray(cases.childId, named)));
  const found = unionAll(byName, byReference).as("cases");
  const page = db.select().from(found).orderBy(...inboxOrderBy).limit(PAGE_SIZE + 1).offset(offset).as("cases");
  return db
    .select(inboxFields(page, userId))
    .from(page)
    .innerJoin(children, eq(children.id, page.childId))
    .leftJoin(users, eq(users.id, page.assigneeId))
    .orderBy(...inboxOrderBy);
}

export async function inboxRows(
  db: Db,
  unitId: string,
  userId: string,
  filters: InboxFilters,
  today: string,
): Promise<{ rows: InboxRow[]; hasNext: boolean; nextAfter: string | null }> {
  const found = filters.q
    ? await db.transaction(async (tx) => {
        await tx.execute(sql.raw(SEARCH_PLANNER_SETTING));
        return inboxQuery(tx, unitId, userId, filters, today);
      })
    : await inboxQuery(db, unitId, userId, filters, today);
  const rows = found.slice(0, PAGE_SIZE).map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }));
  const hasNext = found.length > PAGE_SIZE;
  const last = rows[rows.length - 1];
  return {
    rows,
    hasNext,
    nextAfter:
      hasNext && last
        ? formatInboxCursor({
            nextDeadline: last.nextDeadline,
            later: !(last.urgent || last.violence),
            receivedAt: last.receivedAt,
            id: last.id,
          })
        : null,
  };
}

/** The inbox page: the user's unit only — a caseworker without a unit sees nothing. */
export async function loadInbox(db: Db, user: SessionUser, url: URL, now: Date = new Date()): Promise<Inbox> {
  const filters = parseInboxFilters(url.searchParams);
  const today = stockholmDate(now);
  if (!user.unitId) return { filters, today, rows: [], hasNext: false, nextAfter: null, staff: [] };
  const [page, staff] = await Promise.all([
    inboxRows(db, user.unitId, user.id, filters, today),
    staffOfUnit(db, user.unitId),
  ]);
  return { filters, today, ...page, staff: staff.map(({ id, name }) => ({ id, name })) };
}
