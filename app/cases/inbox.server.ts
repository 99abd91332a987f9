import { and, asc, eq, ilike, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";

import type { Db } from "../../db/client";
import { cases, children, users } from "../../db/schema";
import { addCalendarDays, stockholmDate } from "../../workflows/deadlines";
import type { SessionUser } from "../auth/session.server";
import { staffOfUnit } from "./commands.server";
import { casesWithNewAdditions } from "./inbox-additions.server";
import { PAGE_SIZE, parseInboxFilters, type InboxFilters } from "./inbox-filters";

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
  newAddition?: boolean;
};

export type Inbox = {
  filters: InboxFilters;
  /** Today's date in Stockholm, against which the deadlines were judged. */
  today: string;
  rows: InboxRow[];
  hasNext: boolean;
  staff: { id: string; name: string }[];
};

/** ILIKE treats %, _ and \ specially; a search for "50%" must find "50%", not everything. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The open cases of the user's unit, most pressing deadline first, as ONE query on
 * cases_inbox_idx (unit_id, open, next_deadline): the index yields the rows already in
 * deadline order, so a page is read without sorting the whole unit. Overdue dates sort before
 * today's, today's before later ones; within a day urgent and violence cases come first.
 * Asks for one row more than a page, to know whether there is a next page without counting.
 */
export async function inboxRows(
  db: Db,
  unitId: string,
  userId: string,
  filters: InboxFilters,
  today: string,
): Promise<{ rows: InboxRow[]; hasNext: boolean }> {
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
  else if (filters.deadline === "week") where.push(lte(cases.nextDeadline, addCalendarDays(today, 7)));
  if (filters.q) {
    const pattern = likePattern(filters.q);
    where.push(or(ilike(cases.referenceNumber, pattern), ilike(children.name, pattern))!);
  }

  const found = await db
    .select({
      id: cases.id,
      referenceNumber: cases.referenceNumber,
      childName: children.name,
      childBirthDate: children.birthDate,
      protectedIdentity: children.protectedIdentity,
      receivedAt: cases.receivedAt,
      state: cases.state,
      nextDeadlineKind: cases.nextDeadlineKind,
      nextDeadline: cases.nextDeadline,
      decisionDue: cases.decisionDue,
      reportCount: cases.reportCount,
      urgent: cases.urgent,
      violence: cases.violence,
      assigneeId: cases.assigneeId,
      assigneeName: users.name,
    })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .leftJoin(users, eq(users.id, cases.assigneeId))
    .where(and(...where))
    .orderBy(
      sql`${cases.nextDeadline} asc nulls last`,
      sql`(${cases.urgent} or ${cases.violence}) desc`,
      asc(cases.receivedAt),
      asc(cases.id),
    )
    .limit(PAGE_SIZE + 1)
    .offset((filters.page - 1) * PAGE_SIZE);

  return {
    rows: found.slice(0, PAGE_SIZE).map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })),
    hasNext: found.length > PAGE_SIZE,
  };
}

/** The inbox page: the user's unit only — a caseworker without a unit sees nothing. */
export async function loadInbox(db: Db, user: SessionUser, url: URL, now: Date = new Date()): Promise<Inbox> {
  const filters = parseInboxFilters(url.searchParams);
  const today = stockholmDate(now);
  if (!user.unitId) return { filters, today, rows: [], hasNext: false, staff: [] };
  const [page, staff] = await Promise.all([
    inboxRows(db, user.unitId, user.id, filters, today),
    staffOfUnit(db, user.unitId),
  ]);
  const added = await casesWithNewAdditions(db, user.id, page.rows.map((r) => r.id));
  const rows = page.rows.map((r) => ({ ...r, newAddition: added.has(r.id) }));
  return { filters, today, ...page, rows, staff: staff.map(({ id, name }) => ({ id, name })) };
}
