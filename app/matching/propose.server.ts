/**
 * At intake: a report whose child has no personnummer opened a new case; look for the earlier
 * cases of a child with the same name (db/name-key.ts) in the unit — open or closed: repeat
 * reports mostly come after the first case has closed — and store each child that fits
 * (match-rules.ts) as a possible match, in the report's own transaction. Nothing is joined:
 * the caseworker confirms (an open case takes the report, a closed one is recorded as the same
 * child) or rejects. One proposal per earlier child: its open case if it has one, else its
 * newest. Two indexed lookups, and only when a name is shared.
 */
import { and, desc, eq, exists, inArray, ne, sql } from "drizzle-orm";

import type { Tx } from "../../db/client";
import { nameKeyOf } from "../../db/name-key";
import { cases, children, possibleMatches, reports } from "../../db/schema";
import { matchBasis, type IncomingChild } from "./match-rules";

/** A name shared by many children: the children with the newest cases are proposed, not every one. */
const MAX_CANDIDATES = 10;
/** Cases looked at to find those children (a child may have several). */
const MAX_CASES = 40;

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
      childId: cases.childId,
      open: cases.open,
      birthDate: children.birthDate,
      incomingSchoolKey: input.school ? nameKeyOf(sql`${input.school}::text`).mapWith(String) : sql<null>`null`,
    })
    .from(children)
    .innerJoin(cases, eq(cases.childId, children.id))
    .where(
      and(
        eq(children.unitId, input.unitId),
        eq(children.nameKey, nameKeyOf(sql`${input.name}::text`)),
        ne(cases.id, input.caseId),
        // A case merged into another holds no report: the child is found through that one.
        exists(tx.select({ one: sql`1` }).from(reports).where(eq(reports.caseId, cases.id))),
      ),
    )
    .orderBy(desc(cases.open), desc(cases.receivedAt))
    .limit(MAX_CASES);
  if (found.length === 0) return 0;

  // A child once answered for this case (rejected above all) is never proposed again, through
  // whichever of its cases.
  const answered = await tx
    .select({ childId: cases.childId })
    .from(possibleMatches)
    .innerJoin(cases, eq(cases.id, possibleMatches.candidateCaseId))
    .where(eq(possibleMatches.caseId, input.caseId));
  const skip = new Set(answered.map((a) => a.childId));
  // Per child, the first case in the order above: its open case, else its newest.
  const byChild = new Map<string, typeof found>();
  for (const c of found) {
    if (skip.has(c.childId)) continue;
    const list = byChild.get(c.childId);
    if (list) list.push(c);
    else if (byChild.size < MAX_CANDIDATES) byChild.set(c.childId, [c]);
  }
  if (byChild.size === 0) return 0;

  const incoming: IncomingChild = {
    birthDate: input.birthDate,
    age: input.age,
    schoolKey: found[0]!.incomingSchoolKey || null,
    at: input.at.toISOString(),
  };
  // Schools and stated ages live on the reports; needed only when a date of birth is missing.
  const needClues = !input.birthDate || found.some((c) => !c.birthDate);
  const caseIds = [...byChild.values()].flat().map((c) => c.caseId);
  const clues = needClues
    ? await tx
        .select({
          caseId: reports.caseId,
          age: reports.childAge,
          at: reports.receivedAt,
          schoolKey: nameKeyOf(sql`${reports.childSchool}`).mapWith(String),
        })
        .from(reports)
        .where(inArray(reports.caseId, caseIds))
    : [];

  const rows = [...byChild.values()].flatMap((own) => {
    const ids = new Set(own.map((c) => c.caseId));
    const stated = clues.filter((r) => ids.has(r.caseId));
    const basis = matchBasis(incoming, {
      birthDate: own[0]!.birthDate,
      statedAges: stated.filter((r) => r.age !== null).map((r) => ({ age: r.age!, at: r.at.toISOString() })),
      schoolKeys: stated.map((r) => r.schoolKey).filter((k): k is string => Boolean(k)),
    });
    return basis
      ? [{ caseId: input.caseId, reportId: input.reportId, candidateCaseId: own[0]!.caseId, basis, createdAt: input.at }]
      : [];
  });
  if (rows.length === 0) return 0;
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
