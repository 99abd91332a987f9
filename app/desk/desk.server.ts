/**
 * The staff desk (/skrivbord): what awaits me and what is late. A team lead sees the unit; a
 * caseworker sees their own cases ("mina ärenden"). Every count is the inbox's own filter
 * (inboxConditions), so a count and the list its link opens always agree.
 */
import { and, asc, eq, sql, type SQL } from "drizzle-orm";

import type { Db } from "../../db/client";
import { caseEvents, cases, children, reports } from "../../db/schema";
import { availableCommands, lettersOnApproval, upgradeSnapshot, type PersistedCase } from "../../workflows";
import { stockholmDate } from "../../workflows/deadlines";
import type { WithheldFeedback } from "../../workflows/types";
import type { SessionUser } from "../auth/session.server";
import { letterWarnings, type Warning } from "../cases/case-page-data";
import { actorFor, runCaseCommand, staffOfUnit } from "../cases/commands.server";
import { inboxSearch, isUuid, parseInboxFilters, type InboxFilters } from "../cases/inbox-filters";
import { inboxConditions, reportAwaitsFeedback } from "../cases/inbox.server";
import { rowsOf } from "../cases/store.server";
import { decideFromDesk } from "./decide.server";

export const DESK_ITEMS = ["approval", "protection", "decision", "investigation", "unassigned", "feedback", "match"] as const;
export type DeskItem = (typeof DESK_ITEMS)[number];

/** How many rows the desk lists under a count; the link shows them all. */
export const DESK_LIST_LIMIT = 20;

export type DeskScope = "unit" | "mine";

/** The inbox filters behind each desk item, for this scope. */
export function deskFilters(item: DeskItem, scope: DeskScope): InboxFilters {
  const base = parseInboxFilters(new URLSearchParams());
  const mine = scope === "mine" ? { assignee: "mine" } : {};
  switch (item) {
    case "approval":
      // A team lead's queue: others' proposals. A caseworker's: their cases awaiting approval.
      return scope === "unit" ? { ...base, approval: "mine" } : { ...base, ...mine, state: "awaitingApproval" };
    case "protection":
      return { ...base, ...mine, kind: "protectionAssessment", deadline: "due" };
    case "decision":
      return { ...base, ...mine, kind: "decision", deadline: "week" };
    case "investigation":
      return { ...base, ...mine, kind: "investigation", deadline: "month" };
    case "unassigned":
      return { ...base, assignee: "unassigned" };
    case "feedback":
      // Closed cases too: a decision that closed the case may have withheld the feedback.
      return { ...base, ...mine, state: "all", feedback: "waiting" };
    case "match":
      // A report on a child without personnummer that may be an earlier case's child.
      return { ...base, ...mine, match: "pending" };
  }
}

/** Caseworkers do not assign: their desk leaves the unassigned count out. */
export function deskItems(scope: DeskScope): DeskItem[] {
  return scope === "unit" ? [...DESK_ITEMS] : DESK_ITEMS.filter((i) => i !== "unassigned");
}

export type DeskCount = { item: DeskItem; count: number; href: string };

export type WaitingProposal = {
  id: string;
  referenceNumber: string;
  childName: string;
  outcome: string | null;
  proposerName: string;
  proposedAt: string;
  /** Calendar days (Stockholm) since the proposal. */
  waitedDays: number;
  /** The proposer's reasoning, shortened for the list. */
  reasoning: string;
  /** The case's version as listed: an answer from the desk is refused if the case changed since. */
  version: number;
  /** What the statechart lets this user answer (never their own proposal; approvers only). */
  canApprove: boolean;
  canReturn: boolean;
  /** For an approver: what the letters the approval sends would lack (no one to go to, no address). */
  letterWarnings: Warning[];
};

export type UnassignedCase = {
  id: string;
  referenceNumber: string;
  childName: string;
  version: number;
  state: string;
  nextDeadlineKind: string | null;
  nextDeadline: string | null;
  violence: boolean;
  urgent: boolean;
};

/** A mandated reporter still without feedback after a decision: withheld (with why) or never made. */
export type WaitingReporter = {
  caseId: string;
  referenceNumber: string;
  childName: string;
  reportId: string;
  reporterName: string | null;
  reporterOrganisation: string | null;
  /** When the decision that owes them feedback was made. */
  decidedAt: string;
  /** Why the caseworker withheld it; null when nothing was recorded. */
  reason: string | null;
};

export type Desk = {
  scope: DeskScope;
  today: string;
  counts: DeskCount[];
  proposals: WaitingProposal[];
  /** Every mandated reporter behind the "feedback" count, longest waiting first. */
  feedback: WaitingReporter[];
  unassigned: UnassignedCase[];
  caseworkers: { id: string; name: string }[];
};

const scopeOf = (user: SessionUser): DeskScope => (user.role === "teamLead" ? "unit" : "mine");

const dayNumber = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;

/** Every count of the desk in one pass over the unit's open cases. */
export async function deskCounts(db: Db, user: SessionUser, today: string): Promise<DeskCount[]> {
  const scope = scopeOf(user);
  const items = deskItems(scope);
  if (!user.unitId) return items.map((item) => ({ item, count: 0, href: `/arenden${inboxSearch(deskFilters(item, scope))}` }));
  const unitId = user.unitId;
  const columns: Record<string, SQL<number>> = {};
  for (const item of items) {
    const where = and(...inboxConditions(unitId, user.id, deskFilters(item, scope), today));
    columns[item] = sql<number>`count(*) filter (where ${where})`.mapWith(Number);
  }
  // Each item's own conditions say open or closed (only "feedback" reaches closed cases).
  const [row] = await db.select(columns).from(cases).where(eq(cases.unitId, unitId));
  return items.map((item) => ({
    item,
    count: row?.[item] ?? 0,
    href: `/arenden${inboxSearch(deskFilters(item, scope))}`,
  }));
}

/** How much of a proposal's reasoning the desk shows; the case page has all of it. */
const REASONING_LENGTH = 240;
const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** The proposals behind the "approval" count, longest waiting first, with when each was proposed. */
export async function waitingProposals(db: Db, user: SessionUser, now: Date): Promise<WaitingProposal[]> {
  const today = stockholmDate(now);
  if (!user.unitId) return [];
  const where = and(...inboxConditions(user.unitId, user.id, deskFilters("approval", scopeOf(user)), today));
  const actor = await actorFor(db, user);
  const at = now.toISOString();
  const result = await db.execute(sql`
    select ${cases.id} as id, ${cases.referenceNumber} as reference_number, ${children.name} as child_name,
           ${children.address} as child_address, ${cases.version} as version, ${cases.snapshot} as snapshot,
           p.event->>'outcome' as outcome, p.event->>'reasoning' as reasoning, p.actor_name, p.occurred_at
    from ${cases}
    join ${children} on ${children.id} = ${cases.childId}
    join lateral (
      select e.event, e.actor_name, e.occurred_at from ${caseEvents} e
      where e.case_id = ${cases.id} and e.type = 'DECISION_PROPOSED'
      order by e.seq desc limit 1
    ) p on true
    where ${where}
    order by p.occurred_at asc, ${cases.id}
    limit ${DESK_LIST_LIMIT}`);
  return rowsOf<{
    id: string;
    reference_number: string;
    child_name: string;
    child_address: string | null;
    outcome: string | null;
    reasoning: string | null;
    version: number;
    snapshot: PersistedCase | string;
    actor_name: string;
    occurred_at: string | Date;
  }>(result).map((r) => {
    const proposedAt = new Date(r.occurred_at).toISOString();
    const snapshot = upgradeSnapshot(typeof r.snapshot === "string" ? (JSON.parse(r.snapshot) as PersistedCase) : r.snapshot);
    const answers = availableCommands(snapshot, actor);
    // Said beside "Godkänn" as on the case page: the approver may not open the case first. The
    // proposer's desk says it too: they can still put a missing address in while it waits.
    const sendsLetters = lettersOnApproval(snapshot, at).length > 0;
    return {
      id: r.id,
      referenceNumber: r.reference_number,
      childName: r.child_name,
      outcome: r.outcome,
      proposerName: r.actor_name,
      proposedAt,
      waitedDays: dayNumber(today) - dayNumber(stockholmDate(proposedAt)),
      reasoning: shorten(r.reasoning ?? "", REASONING_LENGTH),
      version: Number(r.version),
      canApprove: answers.includes("DECISION_APPROVED"),
      canReturn: answers.includes("DECISION_RETURNED"),
      letterWarnings: sendsLetters ? letterWarnings(snapshot.context, r.child_address, at) : [],
    };
  });
}

/**
 * The reporters behind the "feedback" count, one row per report (a case may owe several),
 * longest waiting first, with the reason the caseworker recorded for withholding it.
 */
export async function waitingReporters(db: Db, user: SessionUser, today: string): Promise<WaitingReporter[]> {
  if (!user.unitId) return [];
  const where = and(...inboxConditions(user.unitId, user.id, deskFilters("feedback", scopeOf(user)), today));
  const result = await db.execute(sql`
    select ${cases.id} as case_id, ${cases.referenceNumber} as reference_number, ${children.name} as child_name,
           r.id as report_id, r.reporter_name, r.reporter_organisation,
           ${cases.snapshot}->'context'->'feedbackWithheld' as withheld,
           (select min(d.occurred_at) from ${caseEvents} d
             where d.case_id = r.case_id and d.occurred_at >= r.received_at
               and (d.type = 'DECISION_APPROVED' or (d.type = 'PROTECTION_ASSESSED' and d.event->>'needsProtection' = 'true'))) as decided_at
    from ${cases}
    join ${children} on ${children.id} = ${cases.childId}
    join ${reports} r on r.case_id = ${cases.id}
    where ${where} and ${reportAwaitsFeedback}
    order by decided_at asc, r.id
    limit ${DESK_LIST_LIMIT}`);
  return rowsOf<{
    case_id: string;
    reference_number: string;
    child_name: string;
    report_id: string;
    reporter_name: string | null;
    reporter_organisation: string | null;
    withheld: unknown;
    decided_at: string | Date;
  }>(result).map((r) => {
    const withheld = (typeof r.withheld === "string" ? JSON.parse(r.withheld) : r.withheld) as WithheldFeedback[] | null;
    return {
      caseId: r.case_id,
      referenceNumber: r.reference_number,
      childName: r.child_name,
      reportId: r.report_id,
      reporterName: r.reporter_name,
      reporterOrganisation: r.reporter_organisation,
      decidedAt: new Date(r.decided_at).toISOString(),
      reason: (withheld ?? []).find((w) => w.reportId === r.report_id && w.sentAt === null)?.reason ?? null,
    };
  });
}

/** Unassigned open cases, most pressing deadline first: the team lead assigns them from the desk. */
export async function unassignedCases(db: Db, user: SessionUser, today: string): Promise<UnassignedCase[]> {
  if (!user.unitId || scopeOf(user) !== "unit") return [];
  return db
    .select({
      id: cases.id,
      referenceNumber: cases.referenceNumber,
      childName: children.name,
      version: cases.version,
      state: cases.state,
      nextDeadlineKind: cases.nextDeadlineKind,
      nextDeadline: cases.nextDeadline,
      violence: cases.violence,
      urgent: cases.urgent,
    })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .where(and(...inboxConditions(user.unitId, user.id, deskFilters("unassigned", "unit"), today)))
    .orderBy(sql`${cases.nextDeadline} asc nulls last`, asc(cases.receivedAt), asc(cases.id))
    .limit(DESK_LIST_LIMIT);
}

export async function loadDesk(db: Db, user: SessionUser, now: Date = new Date()): Promise<Desk> {
  const today = stockholmDate(now);
  const scope = scopeOf(user);
  const [counts, proposals, feedback, unassigned, staff] = await Promise.all([
    deskCounts(db, user, today),
    waitingProposals(db, user, now),
    waitingReporters(db, user, today),
    unassignedCases(db, user, today),
    scope === "unit" && user.unitId ? staffOfUnit(db, user.unitId) : Promise.resolve([]),
  ]);
  return {
    scope,
    today,
    counts,
    proposals,
    feedback,
    unassigned,
    caseworkers: staff.filter((s) => s.role === "caseworker").map(({ id, name }) => ({ id, name })),
  };
}

export type AssignOutcome =
  | { ok: true; referenceNumber: string }
  | { ok: false; status: 400 | 404 | 409; message: string; caseId: string | null };

/**
 * "Tilldela" from the desk's list: the ASSIGNED command through the statechart, exactly as on
 * the case page. `version` is what the desk showed: if the case changed since, it is refused.
 */
export async function assignFromDesk(db: Db, user: SessionUser, form: FormData, now: Date = new Date()): Promise<AssignOutcome> {
  const caseId = form.get("caseId");
  const assigneeId = form.get("assignee");
  const versionField = form.get("version");
  if (!isUuid(caseId)) return { ok: false, status: 400, message: "desk.assign.noCase", caseId: null };
  const version = typeof versionField === "string" && /^\d{1,9}$/.test(versionField) ? Number(versionField) : null;
  if (version === null) return { ok: false, status: 400, message: "form.stale", caseId };
  if (!user.unitId) return { ok: false, status: 404, message: "desk.assign.noCase", caseId };
  const staff = await staffOfUnit(db, user.unitId);
  const assignee = staff.find((s) => s.id === assigneeId && s.role === "caseworker");
  if (!assignee) return { ok: false, status: 400, message: "desk.assign.chooseCaseworker", caseId };

  const result = await runCaseCommand(
    db,
    { caseId, expectedVersion: version, user, command: { type: "ASSIGNED", assignee: { id: assignee.id, name: assignee.name } } },
    now,
  );
  if (!result.ok) {
    if (result.refusal === "notFound") return { ok: false, status: 404, message: "desk.assign.noCase", caseId };
    return { ok: false, status: 409, message: `refusal.${result.refusal}`, caseId };
  }
  const [row] = await db.select({ referenceNumber: cases.referenceNumber }).from(cases).where(eq(cases.id, caseId));
  return { ok: true, referenceNumber: row!.referenceNumber };
}

export type DeskActionOutcome =
  | { ok: true; done: "assigned" | "approved" | "returned"; referenceNumber: string }
  | { ok: false; status: 400 | 404 | 409; message: string; caseId: string | null; form: "assign" | "decide" | "return" };

/** A form posted on the desk: an answer to a proposal (`intent`), or else an assignment. */
export async function deskAction(db: Db, user: SessionUser, form: FormData, now: Date = new Date()): Promise<DeskActionOutcome> {
  if (form.has("intent")) return decideFromDesk(db, user, form, now);
  const outcome = await assignFromDesk(db, user, form, now);
  return outcome.ok ? { ok: true, done: "assigned", referenceNumber: outcome.referenceNumber } : { ...outcome, form: "assign" };
}
