/**
 * The possible matches of a case as its page shows them: the new report's child beside the
 * candidate case's child, and the form's answer (confirm or reject with a comment). Staff of
 * the case's unit only; a protected child's address never leaves the server; showing a
 * candidate's child is a read of that case, logged in access_log ("match").
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";

import type { Db } from "../../db/client";
import { accessLog, cases, children, possibleMatches, reports } from "../../db/schema";
import { stateName, type PersistedCase, type StateName } from "../../workflows";
import type { SessionUser } from "../auth/session.server";
import { isUuid } from "../cases/inbox-filters";
import { confirmMatch, rejectMatch, type MatchRefusal } from "./decide.server";
import { isMatchIntent, MATCH_COMMENT_MAX, type MatchDoneKind, type MatchIntent } from "./match-limits";
import type { MatchBasis } from "./match-rules";

export type MatchStatus = "pending" | "confirmed" | "rejected";

export type MatchView = {
  id: string;
  status: MatchStatus;
  basis: MatchBasis;
  decidedByName: string | null;
  decidedAt: string | null;
  comment: string | null;
  /** The child as the new case's report describes it. */
  incoming: {
    childName: string;
    birthDate: string | null;
    age: number | null;
    school: string | null;
    address: string | null;
    protectedIdentity: boolean;
  };
  /** The earlier case and its child as staff know it. */
  candidate: {
    caseId: string;
    referenceNumber: string;
    state: StateName;
    open: boolean;
    receivedAt: string;
    reportCount: number;
    childName: string;
    personalNumber: string | null;
    birthDate: string | null;
    /** Ages the reports stated, when no date of birth is known. */
    ages: number[];
    schools: string[];
    /** Null when not known, or withheld (protected identity). */
    address: string | null;
    protectedIdentity: boolean;
  };
};

function isStaff(user: SessionUser): boolean {
  return user.role === "caseworker" || user.role === "teamLead";
}

/** Every possible match of this case (pending first), for staff of its unit; [] otherwise. */
export async function loadMatches(db: Db, user: SessionUser, caseId: string, now: Date = new Date()): Promise<MatchView[]> {
  if (!isStaff(user) || !user.unitId || !isUuid(caseId)) return [];
  const rows = await db
    .select({
      id: possibleMatches.id,
      status: possibleMatches.status,
      basis: possibleMatches.basis,
      decidedByName: possibleMatches.decidedByName,
      decidedAt: possibleMatches.decidedAt,
      comment: possibleMatches.comment,
      reportId: possibleMatches.reportId,
      candidateCaseId: possibleMatches.candidateCaseId,
    })
    .from(possibleMatches)
    .innerJoin(cases, eq(cases.id, possibleMatches.caseId))
    .where(and(eq(possibleMatches.caseId, caseId), eq(cases.unitId, user.unitId)))
    .orderBy(sql`${possibleMatches.status} <> 'pending'`, asc(possibleMatches.createdAt));
  if (rows.length === 0) return [];

  const candidateIds = [...new Set(rows.map((r) => r.candidateCaseId))];
  const [thisCase, incomingRows, candidateRows, candidateReports] = await Promise.all([
    // This case's own protection, however it was set: by a report, on the child's record, or by staff.
    db
      .select({ snapshot: cases.snapshot, childProtected: children.protectedIdentity, reportProtected: sql<boolean>`exists (
          select 1 from ${reports} where ${reports.caseId} = ${cases.id} and ${reports.childProtectedIdentity})` })
      .from(cases)
      .innerJoin(children, eq(children.id, cases.childId))
      .where(eq(cases.id, caseId)),
    db
      .select({
        id: reports.id,
        childName: reports.childName,
        birthDate: reports.childBirthDate,
        age: reports.childAge,
        school: reports.childSchool,
        address: reports.childAddress,
        protectedIdentity: reports.childProtectedIdentity,
      })
      .from(reports)
      .where(inArray(reports.id, [...new Set(rows.map((r) => r.reportId))])),
    db
      .select({
        id: cases.id,
        referenceNumber: cases.referenceNumber,
        snapshot: cases.snapshot,
        open: cases.open,
        receivedAt: cases.receivedAt,
        reportCount: cases.reportCount,
        childName: children.name,
        personalNumber: children.personalNumber,
        birthDate: children.birthDate,
        address: children.address,
        protectedIdentity: children.protectedIdentity,
      })
      .from(cases)
      .innerJoin(children, eq(children.id, cases.childId))
      .where(and(inArray(cases.id, candidateIds), eq(cases.unitId, user.unitId))),
    db
      .select({ caseId: reports.caseId, age: reports.childAge, school: reports.childSchool, protectedIdentity: reports.childProtectedIdentity })
      .from(reports)
      .where(inArray(reports.caseId, candidateIds)),
  ]);

  // Loggkontroll: the candidates' children are shown; each such read is logged first.
  const shown = candidateRows.map((c) => c.id);
  if (shown.length > 0) {
    await db.insert(accessLog).values(shown.map((id) => ({ userId: user.id, caseId: id, action: "match", detail: caseId, at: now })));
  }

  const [self] = thisCase;
  const thisProtected = !!self && (self.childProtected || !!self.reportProtected || (self.snapshot as PersistedCase).context.flags.protectedIdentity);
  return rows.flatMap((r): MatchView[] => {
    const incoming = incomingRows.find((i) => i.id === r.reportId);
    const candidate = candidateRows.find((c) => c.id === r.candidateCaseId);
    if (!incoming || !candidate) return [];
    const snapshot = candidate.snapshot as PersistedCase;
    const own = candidateReports.filter((x) => x.caseId === candidate.id);
    const isProtected = candidate.protectedIdentity || snapshot.context.flags.protectedIdentity || own.some((x) => x.protectedIdentity);
    const incomingProtected = incoming.protectedIdentity || thisProtected;
    // The two may be the same child: the protection of either withholds both addresses.
    const withheld = isProtected || incomingProtected;
    return [
      {
        id: r.id,
        status: r.status as MatchStatus,
        basis: r.basis as MatchBasis,
        decidedByName: r.decidedByName,
        decidedAt: r.decidedAt?.toISOString() ?? null,
        comment: r.comment,
        incoming: { ...incoming, address: withheld ? null : incoming.address, protectedIdentity: incomingProtected },
        candidate: {
          caseId: candidate.id,
          referenceNumber: candidate.referenceNumber,
          state: stateName(snapshot),
          open: candidate.open,
          receivedAt: candidate.receivedAt.toISOString(),
          reportCount: candidate.reportCount,
          childName: candidate.childName,
          personalNumber: candidate.personalNumber,
          birthDate: candidate.birthDate,
          ages: [...new Set(own.map((x) => x.age).filter((a): a is number => a !== null))],
          schools: [...new Set(own.map((x) => x.school?.trim()).filter((s): s is string => Boolean(s)))],
          address: withheld ? null : candidate.address,
          protectedIdentity: isProtected,
        },
      },
    ];
  });
}

export type MatchActionData = { intent: MatchIntent; matchId: string; message: string; field: "comment" | null };
export type MatchActionOutcome =
  /** `done`: what happened — merged (matchConfirm), linked to a closed case's child (matchLinked), rejected. */
  | { ok: true; intent: MatchIntent; done: MatchDoneKind; caseId: string }
  | { ok: false; status: 400 | 404 | 409; data: MatchActionData | null };

const REFUSAL_STATUS: Record<MatchRefusal, 400 | 404 | 409> = {
  notFound: 404,
  forbidden: 404,
  stale: 409,
  decided: 409,
  commentRequired: 400,
  alreadyAssessed: 409,
  caseClosed: 409,
  candidateMerged: 409,
  alreadyLinked: 409,
};

/** One posted answer from the match panel: confirm or reject, with a comment. */
export async function performMatchAction(
  db: Db,
  user: SessionUser,
  caseId: string,
  form: FormData,
  now: Date = new Date(),
): Promise<MatchActionOutcome> {
  const intent = form.get("intent");
  const matchId = form.get("matchId");
  const versionField = form.get("version");
  const commentField = form.get("comment");
  if (!isMatchIntent(intent) || typeof matchId !== "string" || !isUuid(matchId) || !isUuid(caseId)) {
    return { ok: false, status: 400, data: null };
  }
  const fail = (status: 400 | 404 | 409, message: string, field: "comment" | null = null): MatchActionOutcome => ({
    ok: false,
    status,
    data: { intent, matchId, message, field },
  });
  const version = typeof versionField === "string" && /^\d{1,9}$/.test(versionField) ? Number(versionField) : null;
  if (version === null) return fail(400, "form.stale");
  const comment = typeof commentField === "string" ? commentField : "";
  if (comment.length > MATCH_COMMENT_MAX) return fail(400, "matching.error.commentTooLong", "comment");
  // Control characters other than tab and line breaks, as the other forms refuse them.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(comment)) return fail(400, "field.controlChars", "comment");

  const input = { matchId, caseId, expectedVersion: version, user, comment };
  const result = intent === "matchConfirm" ? await confirmMatch(db, input, now) : await rejectMatch(db, input, now);
  if (result.ok) {
    // A merge shows the earlier case, where the report went; a link and a rejection stay here.
    if (result.intoCaseId) return { ok: true, intent, done: "matchConfirm", caseId: result.intoCaseId };
    return { ok: true, intent, done: result.linkedTo ? "matchLinked" : intent, caseId };
  }
  const status = REFUSAL_STATUS[result.refusal];
  if (status === 404) return { ok: false, status: 404, data: null };
  return fail(status, `matching.refusal.${result.refusal}`, result.refusal === "commentRequired" ? "comment" : null);
}
