import { randomUUID } from "node:crypto";

import { json, redirect } from "@remix-run/node";
import { and, eq } from "drizzle-orm";

import type { Db } from "../../db/client";
import { letters, reports } from "../../db/schema";
import { block, type Block } from "../auth/rate-limit.server";
import { getSessionUser, type SessionUser } from "../auth/session.server";
import { getDb } from "../db.server";
import { logLetterRead } from "./my-reports.server";
import { sectorOfAccount } from "./account-sector.server";
import { defaultsForReporter, honeypotFilled, parseIntake } from "./schema";
import { reportCodeCookie, takeReportCode } from "./report-code-cookie.server";
import { REPORT_CODE_DAYS } from "./report-code.server";
import { accountOf, submitReport } from "./submit.server";

const RECEIPT_VISIBLE_MS = 24 * 60 * 60 * 1000;
/** A school behind one address may send several reports in an afternoon; a script may not. */
export const INTAKE_LIMIT: Block = { max: 20, windowSeconds: 15 * 60 };

/** A signed-in reporter's details pre-fill the form; everyone gets a fresh idempotency key. */
export async function loadIntakePage(request: Request) {
  const db = await getDb();
  const reporter = signedInReporter(await getSessionUser(db, request));
  return {
    idempotencyKey: randomUUID(),
    signedIn: reporter !== null,
    defaultValue: defaultsForReporter(reporter && { ...reporter, sector: await sectorOfAccount(db, reporter) }),
  };
}

/**
 * Validates the posted form with the same schema the browser used; bad input is answered
 * with the errors beside their fields (400) and nothing is stored.
 */
export async function submitIntakeForm(request: Request, clientAddress: string) {
  const formData = await request.formData();
  const submission = parseIntake(formData);
  if (honeypotFilled(formData)) {
    return json(submission.reply({ formErrors: ["error.badRequest"] }), { status: 400 });
  }
  if (submission.status !== "success") {
    return json(submission.reply(), { status: 400 });
  }
  const db = await getDb();
  const user = await getSessionUser(db, request);
  const submitter = accountOf(submission.value, reporterSubmitter(user));
  // Per address (per account when signed in): the public form must not be a flood gate.
  const limit = await block(db, `intake:${submitter ? `user:${submitter.userId}` : clientAddress}`, INTAKE_LIMIT);
  if (!limit.allowed) {
    return json(submission.reply({ formErrors: ["error.tooManyReports"] }), {
      status: 429,
      headers: { "Retry-After": String(limit.retryAfterSeconds) },
    });
  }
  const result = await submitReport(db, submission.value, submitter);
  // The code to add to the report later is shown once, on the receipt page.
  const headers = result.reportCode
    ? { "Set-Cookie": await reportCodeCookie(result.reportId, result.reportCode) }
    : undefined;
  return redirect(`/anmalan/kvittens/${result.reportId}`, { headers });
}

/**
 * The reporter a report is sent from, if any. Not an account still on the password an admin
 * chose: until its user has chosen their own, it opens only /konto, so nothing is sent in its name.
 */
export function signedInReporter(user: SessionUser | null): SessionUser | null {
  return user?.role === "reporter" && !user.passwordChangeRequired ? user : null;
}

function reporterSubmitter(user: SessionUser | null) {
  const reporter = signedInReporter(user);
  return reporter ? { userId: reporter.id, name: reporter.name } : null;
}

/**
 * The receipt of a report: its own number (anmälningsnummer, never the case's) and receipt letter. The report's id is
 * random and known only to whoever submitted it; the page is shown for a day after
 * submission (longer, to the reporter's own account).
 */
export async function loadReceipt(request: Request, reportId: string) {
  const db = await getDb();
  return findReceipt(db, await getSessionUser(db, request), reportId);
}

async function findReceipt(db: Db, user: SessionUser | null, reportId: string, now: Date = new Date()) {
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) return null;
  const [row] = await db
    .select({
      reportNumber: reports.reportNumber,
      receivedAt: reports.receivedAt,
      reporterUserId: reports.reporterUserId,
      caseId: letters.caseId,
      letterId: letters.id,
      pdf: letters.pdf,
      fileName: letters.fileName,
    })
    .from(reports)
    .innerJoin(letters, and(eq(letters.reportId, reports.id), eq(letters.kind, "receipt")))
    .where(and(eq(reports.id, reportId)))
    .limit(1);
  if (!row) return null;
  const own = user && row.reporterUserId === user.id;
  const recent = now.getTime() - row.receivedAt.getTime() < RECEIPT_VISIBLE_MS;
  return own || recent ? row : null;
}

/**
 * The receipt's PDF. A signed-in reader's download is written to the access log before it
 * is handed out; the reporter without an account (within the day after submitting) has no
 * account to log it under.
 */
export async function receiptDownload(db: Db, user: SessionUser | null, reportId: string, now: Date = new Date()) {
  const receipt = await findReceipt(db, user, reportId, now);
  if (!receipt) return null;
  if (user) await logLetterRead(db, user, { id: receipt.letterId, caseId: receipt.caseId }, now);
  return { pdf: receipt.pdf, fileName: receipt.fileName };
}

/** The receipt page: the receipt, and the one-time code on its first view only. */
export async function loadReceiptPage(request: Request, reportId: string) {
  const receipt = await loadReceipt(request, reportId);
  if (!receipt) return null;
  const { code, clear } = await takeReportCode(request, reportId);
  const codeValidUntil = code ? new Date(receipt.receivedAt.getTime() + REPORT_CODE_DAYS * 86_400_000) : null;
  return { receipt, code, codeValidUntil, headers: clear ? { "Set-Cookie": clear } : undefined };
}
