import { createHash } from "node:crypto";

import { eq } from "drizzle-orm";

import type { Tx } from "../../db/client";
import { cases, letters, units } from "../../db/schema";
import { unitLetterDetails, type UnitLetterDetails } from "../units.server";
import { drawLetter } from "./draw.server";
import { letterFileName, LYSEKIL, type Letter, type Municipality } from "./render.server";

/** The sender printed on a case's letters: its unit's own details, as the admin keeps them. */
export async function senderOfCase(tx: Tx, caseId: string): Promise<Municipality> {
  const [unit] = await tx
    .select(unitLetterDetails)
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .where(eq(cases.id, caseId))
    .limit(1);
  return sender(unit);
}

/** The sender a unit's letters print (a receipt's: drawn before its case exists). */
export function sender(unit: UnitLetterDetails | undefined): Municipality {
  if (!unit) return LYSEKIL;
  return {
    name: unit.municipality,
    unit: `Socialtjänsten – ${unit.name}`,
    // A unit without its own details yet falls back to the municipality's switchboard.
    phone: unit.phone ?? LYSEKIL.phone,
    address: (unit.address ?? LYSEKIL.address.join("\n")).split("\n").map((l) => l.trim()).filter(Boolean),
    ...(unit.officeHours ? { officeHours: unit.officeHours } : {}),
  };
}

/**
 * Renders a letter and keeps its bytes with the case, in the caller's transaction: a
 * letter exists exactly when the change that sent it exists.
 */
export async function storeLetter(
  tx: Tx,
  input: {
    caseId: string;
    reportId: string | null;
    eventSeq: number | null;
    recipientName: string | null;
    letter: Letter;
    /** The sender; read from the case's unit when not given. */
    municipality?: Municipality;
    /** The letter already rendered (outside the transaction), else it is rendered here. */
    pdf?: Buffer;
  },
): Promise<{ id: string }> {
  const pdf =
    input.pdf ??
    (await drawLetter(input.letter, { municipality: input.municipality ?? (await senderOfCase(tx, input.caseId)) }));
  const [row] = await tx
    .insert(letters)
    .values({
      caseId: input.caseId,
      reportId: input.reportId,
      eventSeq: input.eventSeq,
      kind: input.letter.kind,
      recipientName: input.recipientName,
      outcome: input.letter.kind === "feedback" ? input.letter.outcome : null,
      fileName: letterFileName(input.letter),
      createdAt: new Date(input.letter.createdAt),
      sha256: createHash("sha256").update(pdf).digest("hex"),
      pdf,
    })
    .returning({ id: letters.id });
  return row!;
}
