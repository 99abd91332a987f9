import { and, asc, desc, eq, inArray, or, type SQL } from "drizzle-orm";

import type { Db } from "../../db/client";
import { letters, organisations, reports, users } from "../../db/schema";

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
 * only whether an investigation was opened.
 */
export async function myReports(db: Db, userId: string): Promise<MyReport[]> {
  const rows = await db
    .select({
      id: reports.id,
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
  return rows.map(({ reporterUserId, reporterName, ...r }) => ({
    ...r,
    own: reporterUserId === userId,
    madeBy: reporterUserId === userId ? null : reporterName,
    receiptLetterId: sent.find((l) => l.reportId === r.id && l.kind === "receipt")?.id ?? null,
    feedback: sent
      .filter((l) => l.reportId === r.id && l.kind === "feedback")
      .map((l) => ({ letterId: l.id, outcome: l.outcome, at: l.at })),
  }));
}

/** A receipt or feedback letter of the reporter's own report; null for anything else. */
export async function myLetter(db: Db, userId: string, letterId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(letterId)) return null;
  const [row] = await db
    .select({ pdf: letters.pdf, fileName: letters.fileName })
    .from(letters)
    .innerJoin(reports, eq(reports.id, letters.reportId))
    .where(and(eq(letters.id, letterId), await visibleReports(db, userId), inArray(letters.kind, ["receipt", "feedback"])));
  return row ?? null;
}
