import { sql, type Column, type SQL } from "drizzle-orm";

import { accessLog, caseEvents } from "../../db/schema";

/**
 * A reporter has added to a report of the case (`caseId`, a column of the query it goes in)
 * since this user last opened it: the inbox marks the row "new addition". Read from the event
 * log and the access log, so nothing needs resetting when the case is opened. A column of the
 * page's own query: worked out for the page's rows only, in the same round trip.
 */
export function newAdditionFor(caseId: Column, userId: string): SQL<boolean> {
  return sql<boolean>`exists (
    select 1 from ${caseEvents} e
     where e.case_id = ${caseId} and e.type = 'REPORT_SUPPLEMENTED'
       and e.occurred_at > coalesce((
         select max(a.at) from ${accessLog} a
          where a.case_id = ${caseId} and a.user_id = ${userId} and a.action = 'view'
       ), '-infinity'::timestamptz))`;
}
