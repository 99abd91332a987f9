import { and, asc, desc, eq, inArray } from "drizzle-orm";

import type { Db } from "../../db/client";
import { letters, reports } from "../../db/schema";

export type MyReport = {
  id: string;
  /** The report's own number (anmälningsnummer); the case's diarienummer stays internal. */
  reportNumber: string;
  receivedAt: Date;
  childName: string;
  receiptLetterId: string | null;
  feedback: { letterId: string; outcome: string | null; at: Date }[];
};

/**
 * A reporter's own reports, newest first, each with its receipt and the feedback
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
    })
    .from(reports)
    .where(eq(reports.reporterUserId, userId))
    .orderBy(desc(reports.receivedAt))
    .limit(200);
  if (rows.length === 0) return [];
  const sent = await db
    .select({ id: letters.id, reportId: letters.reportId, kind: letters.kind, outcome: letters.outcome, at: letters.createdAt })
    .from(letters)
    .where(and(inArray(letters.reportId, rows.map((r) => r.id)), inArray(letters.kind, ["receipt", "feedback"])))
    .orderBy(asc(letters.createdAt));
  return rows.map((r) => ({
    ...r,
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
    .where(and(eq(letters.id, letterId), eq(reports.reporterUserId, userId), inArray(letters.kind, ["receipt", "feedback"])));
  return row ?? null;
}
