/**
 * What a signed-in mandated reporter's "Typ av verksamhet" is pre-filled with: the answer they
 * gave on their latest report; for an account that has not answered yet, what its organisation
 * and role plainly say, by the same rule the database uses for reports without an answer
 * (db/reporter-category.ts) — nothing when that rule finds nothing ("Annan verksamhet" is the
 * reporter's to choose). The reporter sees the pre-filled answer and can change it.
 */
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { GUESSED_CATEGORY_SQL, isReporterSector, type ReporterSector } from "../../db/reporter-category";
import { reports } from "../../db/schema";
import { rowsOf } from "../cases/store.server";

type Account = { id: string; organisation: string | null; title: string | null; mandatedReporter: boolean };

export async function sectorOfAccount(db: Queryable, account: Account): Promise<ReporterSector | null> {
  if (!account.mandatedReporter) return null;
  const [last] = await db
    .select({ sector: reports.reporterSector })
    .from(reports)
    .where(and(eq(reports.reporterUserId, account.id), isNotNull(reports.reporterSector)))
    .orderBy(desc(reports.receivedAt))
    .limit(1);
  if (isReporterSector(last?.sector)) return last.sector;
  if (!account.organisation && !account.title) return null;
  const [guess] = rowsOf<{ category: string }>(
    await db.execute(sql`
      select ${sql.raw(GUESSED_CATEGORY_SQL)} as category
        from (select ${account.organisation}::text as reporter_organisation, ${account.title}::text as reporter_title) r`),
  );
  return guess && isReporterSector(guess.category) ? guess.category : null;
}
