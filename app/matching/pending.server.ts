import { sql, type Column, type SQL } from "drizzle-orm";

import { cases, possibleMatches } from "../../db/schema";

/**
 * The case (`caseId`, a column of the query it goes in) is open and a possible match on it
 * waits for the caseworker's answer: the inbox flags the row. A column of the page's own
 * query, worked out for the page's rows only.
 */
export function pendingMatchFor(caseId: Column): SQL<boolean> {
  return sql<boolean>`exists (
    select 1 from ${possibleMatches} m join ${cases} o on o.id = m.case_id
     where m.case_id = ${caseId} and m.status = 'pending' and o.open)`;
}
