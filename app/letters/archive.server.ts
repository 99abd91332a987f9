import { createHash } from "node:crypto";

import type { Tx } from "../../db/client";
import { letters } from "../../db/schema";
import { letterFileName, renderLetter, type Letter } from "./render.server";

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
    /** The letter already rendered (outside the transaction), else it is rendered here. */
    pdf?: Buffer;
  },
): Promise<{ id: string }> {
  const pdf = input.pdf ?? (await renderLetter(input.letter));
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
