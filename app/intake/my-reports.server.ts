import { and, asc, desc, eq, inArray, or, type SQL } from "drizzle-orm";

import type { Db } from "../../db/client";
import { accessLog, letters, organisations, reports, users } from "../../db/schema";
import type { SessionUser } from "../auth/session.server";

type Reader = Pick<SessionUser, "id">;

export type MyReport = {
  id: string;
  /** The report's own number (anmälningsnummer); the case's diarienummer stays internal. */
  reportNumber: string;
  receivedAt: Date;
  childName: string;
  receiptLetterId: string | null;
  /** Made by this account (not only by the organisation): the reporter may add to it. */
  own: boolean;
  /** Who made it, for the organisation's reports; null for the reporter's own. */
  madeBy: string | null;
  feedback: { letterId: string; outcome: string | null; at: Date }[];
};

/**
 * Which reports a reporter may follow: their own, and — for an organisation's designated
 * contact (kept by the admin on the organisation) — every report recorded at intake as made
 * from that organisation, by its id (never by name). One rule for the list and the letters.
 */
async function visibleReports(db: Db, userId: string): Promise<SQL> {
  const own = eq(reports.reporterUserId, userId);
  const [me] = await db
    .select({ role: users.role, contactOf: organisations.id })
    .from(users)
    .leftJoin(organisations, eq(organisations.contactUserId, users.id))
    .where(eq(users.id, userId));
  if (!me || me.role !== "reporter" || !me.contactOf) return own;
  return or(own, eq(reports.reporterOrganisationId, me.contactOf))!;
}

/**
 * A reporter's own reports (and their organisation's, for its designated contact), newest first, each with its receipt and the feedback
 * (återkoppling) it has received. Nothing else about the case is shown: a reporter is told
 * only whether an investigation was opened. A colleague's report shown to the designated
 * contact is a read of its case, logged (access_log "report", the report's id as detail)
 * before the list is returned; the reporter's own reports are not.
 */
export async function myReports(db: Db, reader: Reader, now: Date = new Date()): Promise<MyReport[]> {
  const userId = reader.id;
  const rows = await db
    .select({
      id: reports.id,
      caseId: reports.caseId,
      reportNumber: reports.reportNumber,
      receivedAt: reports.receivedAt,
      childName: reports.childName,
      reporterUserId: reports.reporterUserId,
      reporterName: reports.reporterName,
    })
    .from(reports)
    .where(await visibleReports(db, userId))
    .orderBy(desc(reports.receivedAt))
    .limit(200);
  if (rows.length === 0) return [];
  const sent = await db
    .select({ id: letters.id, reportId: letters.reportId, kind: letters.kind, outcome: letters.outcome, at: letters.createdAt })
    .from(letters)
    .where(and(inArray(letters.reportId, rows.map((r) => r.id)), inArray(letters.kind, ["receipt", "feedback"])))
    .orderBy(asc(letters.createdAt));
  const colleagues = rows.filter((r) => r.reporterUserId !== userId);
  if (colleagues.length > 0) {
    // The reader's role and unit are filled in by the table's trigger.
    await db.insert(accessLog).values(colleagues.map((r) => ({ userId, caseId: r.caseId, action: "report", detail: r.id, at: now })));
  }
  return rows.map(({ reporterUserId, reporterName, caseId: _case, ...r }) => ({
    ...r,
    own: reporterUserId === userId,
    madeBy: reporterUserId === userId ? null : reporterName,
    receiptLetterId: sent.find((l) => l.reportId === r.id && l.kind === "receipt")?.id ?? null,
    feedback: sent
      .filter((l) => l.reportId === r.id && l.kind === "feedback")
      .map((l) => ({ letterId: l.id, outcome: l.outcome, at: l.at })),
  }));
}

/**
 * A receipt or feedback letter of a report the reporter may follow (see visibleReports); null
 * for anything else. Logged (access_log "letter", the letter's id as detail) before it is returned.
 */
export async function myLetter(db: Db, reader: Reader, letterId: string, now: Date = new Date()) {
  if (!/^[0-9a-f-]{36}$/i.test(letterId)) return null;
  const [row] = await db
    .select({ id: letters.id, caseId: letters.caseId, pdf: letters.pdf, fileName: letters.fileName })
    .from(letters)
    .innerJoin(reports, eq(reports.id, letters.reportId))
    .where(and(eq(letters.id, letterId), await visibleReports(db, reader.id), inArray(letters.kind, ["receipt", "feedback"])));
  if (!row) return null;
  await logLetterRead(db, reader, row, now);
  return { pdf: row.pdf, fileName: row.fileName };
}

/** A letter handed to a reporter, written to the access log first (no personal data: the letter's id). */
export async function logLetterRead(db: Db, reader: Reader, letter: { id: string; caseId: string }, now: Date) {
  await db.insert(accessLog).values({ userId: reader.id, caseId: letter.caseId, action: "letter", detail: letter.id, at: now });
}
