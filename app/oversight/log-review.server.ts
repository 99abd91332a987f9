/**
 * Loggkontroll: a period's unusual reads of cases, each marked reviewed by an auditor with
 * a comment, and the period's sign-off (who, when, what was found), kept for good. The
 * review's own steps are written to the access log too.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, sql } from "drizzle-orm";
import { z } from "zod";

import type { Db } from "../../db/client";
import { stockholmDate } from "../../workflows/deadlines";
import { accessLog, accessReviews, accessReviewSignoffs, cases, children, units, users } from "../../db/schema";
import type { Role } from "../auth/roles";
import type { SessionUser } from "../auth/session.server";
import { formatDateTime, translate, type Locale } from "../i18n";
import { logAccess } from "./access-log.server";
import { CSV_BOM, csvLine } from "./csv";
import { periodBounds, type Period } from "./period";
import { auditorUnitIds } from "./scope.server";
import { flagUnusual, type UnusualKind } from "./unusual-access";

/** The reads the review looks at: of a case's contents (the review's own steps are not). */
// "match": a child shown beside a possible match on another case's page (app/matching);
// "report": a colleague's report shown to an organisation's designated contact (app/intake).
const READ_ACTIONS = ["view", "letter", "export", "match", "report"];
/** A page shows this many flagged reads at most; the rest are reviewed in bulk or in a shorter period. */
export const SHOWN_FLAGGED = 300;
/** More reads than this in one period are too many to review at once: choose a shorter period. */
export const MAX_READS_PER_REVIEW = 200_000;

export type FlaggedAccess = {
  id: number;
  at: string;
  action: string;
  kinds: UnusualKind[];
  reader: { id: string; name: string; role: Role | null; unitName: string | null };
  case: { id: string; referenceNumber: string; unitName: string };
  review: { reviewerName: string; comment: string; at: string } | null;
};

export type Signoff = {
  id: number;
  from: string;
  to: string;
  signedByName: string;
  signedAt: string;
  findings: string;
  flaggedCount: number;
};

export type LogReview = {
  period: Period;
  readCount: number;
  tooMany: boolean;
  /** The flagged reads shown: the unreviewed first, at most SHOWN_FLAGGED of them. */
  flagged: FlaggedAccess[];
  flaggedCount: number;
  unreviewed: number;
  /** Readers with unreviewed reads, for marking all of one reader's at once (e.g. a mass export). */
  readersToReview: { id: string; name: string; count: number }[];
  signoff: Signoff | null;
  recentSignoffs: Signoff[];
};

async function flaggedAccesses(db: Db, unitIds: string[], period: Period): Promise<{ readCount: number; tooMany: boolean; flagged: FlaggedAccess[] }> {
  if (unitIds.length === 0) return { readCount: 0, tooMany: false, flagged: [] };
  const { start, end } = periodBounds(period);
  const caseUnit = sql<string>`${cases.unitId}`;
  const rows = await db
    .select({
      id: accessLog.id,
      at: accessLog.at,
      action: accessLog.action,
      userId: accessLog.userId,
      role: accessLog.role,
      readerUnitId: accessLog.unitId,
      readerName: users.name,
      readerUnitName: units.name,
      caseId: cases.id,
      caseUnitId: caseUnit,
      caseReference: cases.referenceNumber,
      protectedIdentity: sql<boolean>`(${children.protectedIdentity}
        or coalesce((${cases.snapshot} #>> '{context,flags,protectedIdentity}') = 'true', false)
        or exists (select 1 from reports r where r.case_id = ${cases.id} and r.child_protected_identity))`,
      // A reporter's letter read is of their own report when they made the letter's report.
      ownReport: sql<boolean>`case when ${accessLog.role} = 'reporter' and ${accessLog.action} = 'letter'
          and ${accessLog.detail} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        then exists (select 1 from letters l join reports r on r.id = l.report_id
                      where l.id = ${accessLog.detail}::uuid and r.reporter_user_id = ${accessLog.userId})
        else false end`,
      assigneeAtTime: sql<string | null>`(select e.event #>> '{assignee,id}' from case_events e
        where e.case_id = ${accessLog.caseId} and e.type = 'ASSIGNED' and e.occurred_at <= ${accessLog.at}
        order by e.seq desc limit 1)`,
    })
    .from(accessLog)
    .innerJoin(cases, eq(cases.id, accessLog.caseId))
    .innerJoin(children, eq(children.id, cases.childId))
    .innerJoin(users, eq(users.id, accessLog.userId))
    .leftJoin(units, eq(units.id, accessLog.unitId))
    .where(
      and(
        gte(accessLog.at, start),
        lt(accessLog.at, end),
        isNotNull(accessLog.caseId),
        inArray(accessLog.action, READ_ACTIONS),
        inArray(cases.unitId, unitIds),
      ),
    )
    .orderBy(asc(accessLog.at), asc(accessLog.id))
    .limit(MAX_READS_PER_REVIEW + 1);
  if (rows.length > MAX_READS_PER_REVIEW) return { readCount: rows.length, tooMany: true, flagged: [] };

  const flags = flagUnusual(
    rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      role: r.role,
      readerUnitId: r.readerUnitId,
      caseId: r.caseId,
      caseUnitId: r.caseUnitId,
      assigneeAtTime: r.assigneeAtTime,
      protectedIdentity: r.protectedIdentity === true || (r.protectedIdentity as unknown) === "t",
      ownReport: r.ownReport === true || (r.ownReport as unknown) === "t",
      at: r.at,
    })),
  );
  const flaggedRows = rows.filter((r) => flags.has(r.id));
  const ids = flaggedRows.map((r) => r.id);
  const [caseUnits, reviews] = await Promise.all([
    db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)),
    ids.length === 0
      ? Promise.resolve([])
      : db
          .select({ accessLogId: accessReviews.accessLogId, comment: accessReviews.comment, at: accessReviews.at, reviewerName: users.name })
          .from(accessReviews)
          .innerJoin(users, eq(users.id, accessReviews.reviewerId))
          .where(inArray(accessReviews.accessLogId, ids)),
  ]);
  const unitName = new Map(caseUnits.map((u) => [u.id, u.name]));
  const reviewOf = new Map(reviews.map((r) => [r.accessLogId, r]));
  return {
    readCount: rows.length,
    tooMany: false,
    flagged: flaggedRows.map((r) => {
      const review = reviewOf.get(r.id);
      return {
        id: r.id,
        at: r.at.toISOString(),
        action: r.action,
        kinds: flags.get(r.id)!,
        reader: { id: r.userId, name: r.readerName, role: r.role, unitName: r.readerUnitName },
        case: { id: r.caseId, referenceNumber: r.caseReference, unitName: unitName.get(r.caseUnitId) ?? "" },
        review: review ? { reviewerName: review.reviewerName, comment: review.comment, at: review.at.toISOString() } : null,
      };
    }),
  };
}

function toSignoff(r: typeof accessReviewSignoffs.$inferSelect): Signoff {
  return {
    id: r.id,
    from: r.periodFrom,
    to: r.periodTo,
    signedByName: r.signedByName,
    signedAt: r.signedAt.toISOString(),
    findings: r.findings,
    flaggedCount: r.flaggedCount,
  };
}

/** The sign-off covering this exact period, if any. */
async function signoffOf(db: Db, period: Period) {
  const [row] = await db
    .select()
    .from(accessReviewSignoffs)
    .where(and(eq(accessReviewSignoffs.periodFrom, period.from), eq(accessReviewSignoffs.periodTo, period.to)))
    .limit(1);
  return row ? toSignoff(row) : null;
}

export async function loadLogReview(db: Db, user: SessionUser, period: Period, now: Date = new Date()): Promise<LogReview | null> {
  if (user.role !== "auditor") return null;
  const unitIds = await auditorUnitIds(db, user);
  const [result, signoff, recent] = await Promise.all([
    flaggedAccesses(db, unitIds, period),
    signoffOf(db, period),
    db.select().from(accessReviewSignoffs).orderBy(desc(accessReviewSignoffs.signedAt)).limit(20),
  ]);
  await logAccess(db, user, { caseId: null, action: "accessLog", detail: `loggkontroll ${period.from}–${period.to}` }, now);
  const unreviewed = result.flagged.filter((f) => !f.review);
  const readers = new Map<string, { id: string; name: string; count: number }>();
  for (const f of unreviewed) {
    const r = readers.get(f.reader.id) ?? { id: f.reader.id, name: f.reader.name, count: 0 };
    r.count++;
    readers.set(f.reader.id, r);
  }
  return {
    period,
    readCount: result.readCount,
    tooMany: result.tooMany,
    flagged: [...unreviewed, ...result.flagged.filter((f) => f.review)].slice(0, SHOWN_FLAGGED),
    flaggedCount: result.flagged.length,
    unreviewed: unreviewed.length,
    readersToReview: [...readers.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "sv")),
    signoff,
    recentSignoffs: recent.map(toSignoff),
  };
}

export const reviewSchema = z.object({
  accessId: z.coerce.number({ error: "field.invalid" }).int("field.invalid").positive("field.invalid"),
  comment: z.string({ error: "review.commentRequired" }).trim().min(1, "review.commentRequired").max(2000, "field.invalid"),
});

export const signoffSchema = z.object({
  findings: z.string({ error: "review.findingsRequired" }).trim().min(1, "review.findingsRequired").max(10_000, "field.invalid"),
});

export type ReviewOutcome =
  | { ok: true }
  | { ok: false; error: "forbidden" | "notFound" | "alreadyReviewed" | "signedOff" | "unreviewed" | "alreadySignedOff" };

/** Marks one read reviewed, with the auditor's comment. A signed-off period is closed. */
export async function markReviewed(
  db: Db,
  user: SessionUser,
  input: { accessId: number; comment: string },
  now: Date = new Date(),
): Promise<ReviewOutcome> {
  if (user.role !== "auditor") return { ok: false, error: "forbidden" };
  const unitIds = await auditorUnitIds(db, user);
  if (unitIds.length === 0) return { ok: false, error: "notFound" };
  const [access] = await db
    .select({ id: accessLog.id, caseId: accessLog.caseId, at: accessLog.at })
    .from(accessLog)
    .innerJoin(cases, eq(cases.id, accessLog.caseId))
    .where(and(eq(accessLog.id, input.accessId), inArray(cases.unitId, unitIds)))
    .limit(1);
  if (!access) return { ok: false, error: "notFound" };
  const day = stockholmDate(access.at);
  // Checked and written in one transaction, so a sign-off cannot slip in between.
  return db.transaction(async (tx) => {
    const closed = await tx
      .select({ id: accessReviewSignoffs.id })
      .from(accessReviewSignoffs)
      .where(and(lte(accessReviewSignoffs.periodFrom, day), gte(accessReviewSignoffs.periodTo, day)))
      .limit(1);
    if (closed.length > 0) return { ok: false, error: "signedOff" } as const;
    const inserted = await tx
      .insert(accessReviews)
      .values({ accessLogId: access.id, reviewerId: user.id, comment: input.comment, at: now })
      .onConflictDoNothing()
      .returning({ id: accessReviews.id });
    if (inserted.length === 0) return { ok: false, error: "alreadyReviewed" } as const;
    await logAccess(tx, user, { caseId: access.caseId, action: "review", detail: `access ${access.id}` }, now);
    return { ok: true } as const;
  });
}

export const bulkReviewSchema = z.object({
  readerId: z.string({ error: "review.readerRequired" }).uuid("review.readerRequired"),
  comment: reviewSchema.shape.comment,
});

/**
 * Marks every unreviewed unusual read of one reader in the period reviewed with one comment
 * (a mass export flags each case it read). Reads in a signed-off period stay as they are.
 */
export async function markReaderReviewed(
  db: Db,
  user: SessionUser,
  input: { period: Period; readerId: string; comment: string },
  now: Date = new Date(),
): Promise<ReviewOutcome & { count?: number }> {
  if (user.role !== "auditor") return { ok: false, error: "forbidden" };
  const unitIds = await auditorUnitIds(db, user);
  const { flagged } = await flaggedAccesses(db, unitIds, input.period);
  const ids = flagged.filter((f) => f.reader.id === input.readerId && !f.review).map((f) => f.id);
  if (ids.length === 0) return { ok: false, error: "notFound" };
  return db.transaction(async (tx) => {
    const closed = await tx
      .select({ id: accessReviewSignoffs.id })
      .from(accessReviewSignoffs)
      .where(and(lte(accessReviewSignoffs.periodFrom, input.period.to), gte(accessReviewSignoffs.periodTo, input.period.from)))
      .limit(1);
    if (closed.length > 0) return { ok: false, error: "signedOff" } as const;
    const inserted = await tx
      .insert(accessReviews)
      .values(ids.map((accessLogId) => ({ accessLogId, reviewerId: user.id, comment: input.comment, at: now })))
      .onConflictDoNothing()
      .returning({ id: accessReviews.id });
    await logAccess(tx, user, { caseId: null, action: "review", detail: `${inserted.length} reads by user ${input.readerId}` }, now);
    return { ok: true, count: inserted.length } as const;
  });
}

/** Signs off a period once every unusual read in it has been reviewed. Kept for good. */
export async function signOffPeriod(
  db: Db,
  user: SessionUser,
  input: { period: Period; findings: string },
  now: Date = new Date(),
): Promise<ReviewOutcome> {
  if (user.role !== "auditor") return { ok: false, error: "forbidden" };
  const unitIds = await auditorUnitIds(db, user);
  const { flagged, tooMany } = await flaggedAccesses(db, unitIds, input.period);
  if (tooMany || flagged.some((f) => !f.review)) return { ok: false, error: "unreviewed" };
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(accessReviewSignoffs)
      .values({
        periodFrom: input.period.from,
        periodTo: input.period.to,
        signedById: user.id,
        signedByName: user.name,
        signedAt: now,
        findings: input.findings,
        flaggedCount: flagged.length,
      })
      .onConflictDoNothing()
      .returning({ id: accessReviewSignoffs.id });
    if (inserted.length === 0) return { ok: false, error: "alreadySignedOff" } as const;
    await logAccess(tx, user, { caseId: null, action: "signoff", detail: `loggkontroll ${input.period.from}–${input.period.to}` }, now);
    return { ok: true } as const;
  });
}

/** The period's review as CSV: every unusual read, why, its review, and the sign-off. Logged. */
export async function logReviewCsv(db: Db, user: SessionUser, period: Period, locale: Locale, now: Date = new Date()): Promise<string | null> {
  if (user.role !== "auditor") return null;
  const unitIds = await auditorUnitIds(db, user);
  const [{ flagged }, signoff] = await Promise.all([flaggedAccesses(db, unitIds, period), signoffOf(db, period)]);
  await logAccess(db, user, { caseId: null, action: "export", detail: `loggkontroll ${period.from}–${period.to}` }, now);
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  let out = CSV_BOM;
  out += csvLine([t("review.csv.title", { from: period.from, to: period.to })]);
  out += csvLine([
    t("review.col.at"),
    t("review.col.reader"),
    t("review.col.role"),
    t("review.col.readerUnit"),
    t("review.col.case"),
    t("review.col.caseUnit"),
    t("review.col.action"),
    t("review.col.why"),
    t("review.col.reviewedBy"),
    t("review.col.reviewedAt"),
    t("review.col.comment"),
  ]);
  for (const f of flagged) {
    out += csvLine([
      formatDateTime(locale, f.at),
      f.reader.name,
      f.reader.role ? t(`role.${f.reader.role}`) : "",
      f.reader.unitName,
      f.case.referenceNumber,
      f.case.unitName,
      t(`access.action.${f.action}`),
      f.kinds.map((k) => t(`review.kind.${k}`)).join(", "),
      f.review?.reviewerName,
      f.review ? formatDateTime(locale, f.review.at) : "",
      f.review?.comment,
    ]);
  }
  out += csvLine([]);
  out += signoff
    ? csvLine([t("review.csv.signedOff", { name: signoff.signedByName, at: formatDateTime(locale, signoff.signedAt) }), signoff.findings])
    : csvLine([t("review.csv.notSignedOff")]);
  return out;
}
