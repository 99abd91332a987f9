import { and, eq, inArray } from "drizzle-orm";

import type { Db } from "../../db/client";
import { cases, possibleMatches } from "../../db/schema";

/** Of these cases (one inbox page), the open ones with a possible match waiting. */
export async function casesWithPendingMatches(db: Db, caseIds: string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ caseId: possibleMatches.caseId })
    .from(possibleMatches)
    .innerJoin(cases, eq(cases.id, possibleMatches.caseId))
    .where(and(inArray(possibleMatches.caseId, caseIds), eq(possibleMatches.status, "pending"), eq(cases.open, true)));
  return new Set(rows.map((r) => r.caseId));
}
