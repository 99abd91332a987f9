import { and, eq, inArray, sql } from "drizzle-orm";

import type { Db } from "../../db/client";
import { accessLog, caseEvents } from "../../db/schema";

/**
 * Of these cases, those where a reporter has added to a report since this user last opened
 * the case: the inbox marks them "new addition". A second small query on one page of ids
 * (never the whole unit), read from the event log and the access log, so nothing needs
 * resetting when the case is opened.
 */
export async function casesWithNewAdditions(db: Db, userId: string, caseIds: string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const lastView = sql`coalesce((
    select max(${accessLog.at}) from ${accessLog}
    where ${accessLog.caseId} = ${caseEvents.caseId} and ${accessLog.userId} = ${userId} and ${accessLog.action} = 'view'
  ), '-infinity'::timestamptz)`;
  const rows = await db
    .selectDistinct({ caseId: caseEvents.caseId })
    .from(caseEvents)
    .where(
      and(
        inArray(caseEvents.caseId, caseIds),
        eq(caseEvents.type, "REPORT_SUPPLEMENTED"),
        sql`${caseEvents.occurredAt} > ${lastView}`,
      ),
    );
  return new Set(rows.map((r) => r.caseId));
}
