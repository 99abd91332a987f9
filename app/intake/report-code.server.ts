import { createHash, randomInt } from "node:crypto";

import { eq } from "drizzle-orm";

import type { Db, Tx } from "../../db/client";
import { reportCodes } from "../../db/schema";

/** How long an anonymous or private reporter may add to their report with its code. */
export const REPORT_CODE_DAYS = 30;
// No 0/O, 1/I/L: the code is read off a screen and typed again.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LENGTH = 16;

/** A fresh code, e.g. "K7QM-2XRT-9HBW-PZ4D" (16 characters, about 79 bits). */
export function newReportCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return chars.join("").replace(/(.{4})(?=.)/g, "$1-");
}

/** Spaces, dashes and case do not matter when the code is typed back. */
export function normaliseReportCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** Only this is stored: the code itself is shown once and never kept. */
export function hashReportCode(input: string): string {
  return createHash("sha256").update(`varna-report-code:${normaliseReportCode(input)}`).digest("hex");
}

/** Issues the report's code inside the submitting transaction; returns the code to show once. */
export async function issueReportCode(tx: Tx, reportId: string, now: Date): Promise<string> {
  const code = newReportCode();
  await tx.insert(reportCodes).values({
    reportId,
    codeHash: hashReportCode(code),
    createdAt: now,
    expiresAt: new Date(now.getTime() + REPORT_CODE_DAYS * 86_400_000),
  });
  return code;
}

/** The report a code belongs to while it is valid; null for a wrong or expired code. */
export async function reportOfCode(db: Db | Tx, code: string, now: Date): Promise<string | null> {
  const normalised = normaliseReportCode(code);
  if (normalised.length !== LENGTH) return null;
  const [row] = await db
    .select({ reportId: reportCodes.reportId, expiresAt: reportCodes.expiresAt })
    .from(reportCodes)
    .where(eq(reportCodes.codeHash, hashReportCode(normalised)))
    .limit(1);
  return row && row.expiresAt.getTime() > now.getTime() ? row.reportId : null;
}
