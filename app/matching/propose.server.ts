/**
 * At intake: a report whose child has no personnummer opened a new case; look for the open
 * cases of a child with the same name (db/name-key.ts) in the unit and store each that fits
 * (match-rules.ts) as a possible match, in the report's own transaction. Nothing is joined:
 * the caseworker confirms or rejects. Two indexed lookups, and only when a name is shared.
 */
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";

import type { Tx } from "../../db/client";
import { nameKeyOf } from "../../db/name-key";
import { cases, children, possibleMatches, reports } from "../../db/schema";
import { matchBasis, type IncomingChild } from "./match-rules";

/** A name shared by many children: the newest cases are proposed, not every one. */
const MAX_CANDIDATES = 10;

export type NewCaseChild = {
  unitId: string;
  caseId: string;
  reportId: string;
  name: string;
  birthDate: string | null;
  age: number | null;
  school: string | null;
  at: Date;
};

export async function proposeMatches(tx: Tx, input: NewCaseChild): Promise<number> {
  const found = await tx
    .select({
      caseId: cases.id,
      birthDate: children.birthDate,
      incomingSchoolKey: input.school ? nameKeyOf(sql`${input.school}::text`).mapWith(String) : sql<null>`null`,
    })
    .from(children)
    .innerJoin(cases, eq(cases.childId, children.id))
    .where(
      and(
        eq(children.unitId, input.unitId),
        eq(children.nameKey, nameKeyOf(sql`${input.name}::text`)),
        eq(cases.open, true),
        ne(cases.id, input.caseId),
      ),
    )
    .orderBy(desc(cases.receivedAt))
    .limit(MAX_CANDIDATES);
  if (found.length === 0) return 0;

  const incoming: IncomingChild = {
    birthDate: input.birthDate,
    age: input.age,
    schoolKey: found[0]!.incomingSchoolKey || null,
    at: input.at.toISOString(),
  };
  // Schools and stated ages live on the reports; needed only when a date of birth is missing.
  const needClues = !input.birthDate || found.some((c) => !c.birthDate);
  const clues = needClues
    ? await tx
        .select({
          caseId: reports.caseId,
          age: reports.childAge,
          at: reports.receivedAt,
          schoolKey: nameKeyOf(sql`${reports.childSchool}`).mapWith(String),
        })
        .from(reports)
        .where(inArray(reports.caseId, found.map((c) => c.caseId)))
    : [];

  const rows = found.flatMap((c) => {
    const own = clues.filter((r) => r.caseId === c.caseId);
    const basis = matchBasis(incoming, {
      birthDate: c.birthDate,
      statedAges: own.filter((r) => r.age !== null).map((r) => ({ age: r.age!, at: r.at.toISOString() })),
      schoolKeys: own.map((r) => r.schoolKey).filter((k): k is string => Boolean(k)),
    });
    return basis
      ? [{ caseId: input.caseId, reportId: input.reportId, candidateCaseId: c.caseId, basis, createdAt: input.at }]
      : [];
  });
  if (rows.length === 0) return 0;
  // A pair once decided (rejected, above all) is never proposed again.
  await tx.insert(possibleMatches).values(rows).onConflictDoNothing({ target: [possibleMatches.caseId, possibleMatches.candidateCaseId] });
  return rows.length;
}

/** Looks (again) for a case's matches from its first report, as intake did. */
export async function proposeMatchesFor(tx: Tx, caseId: string, at: Date): Promise<number> {
  const [row] = await tx
    .select({
      unitId: cases.unitId,
      reportId: reports.id,
      name: reports.childName,
      personalNumber: reports.childPersonalNumber,
      birthDate: reports.childBirthDate,
      age: reports.childAge,
      school: reports.childSchool,
    })
    .from(cases)
    .innerJoin(reports, eq(reports.caseId, cases.id))
    .where(eq(cases.id, caseId))
    .orderBy(reports.receivedAt)
    .limit(1);
  if (!row || row.personalNumber) return 0;
  return proposeMatches(tx, { ...row, caseId, at });
}
