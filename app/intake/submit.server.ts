import { randomUUID } from "node:crypto";

import { and, desc, eq, sql } from "drizzle-orm";

import type { Db, Queryable, Tx } from "../../db/client";
import { cases, children, reportCodes, reports, users } from "../../db/schema";
import { stockholmDate, type Actor, type ReportRef } from "../../workflows";
import { sealCase } from "../audit/seal.server";
import { applyToCase, insertCase, nextReferenceNumber, rowsOf } from "../cases/store.server";
import { sender, storeLetter } from "../letters/archive.server";
import { drawLetter } from "../letters/draw.server";
import { proposeMatches } from "../matching/propose.server";
import { intakeUnit } from "../units.server";
import { issueReportCode } from "./report-code.server";
import type { IntakeInput } from "./types";

export type SubmittedReport = {
  reportId: string;
  /** The report's own number (anmälningsnummer): the only number the reporter is shown. */
  reportNumber: string;
  caseId: string;
  referenceNumber: string;
  /** True when the report joined a case the child already had open. */
  joinedExistingCase: boolean;
  /**
   * A private reporter without an account gets a one-time code to add to the report later;
   * it is shown once and only its hash is kept. Absent on a retried submission.
   */
  reportCode?: string;
};

export type SubmitOptions = {
  /** The child is already known (a follow-up report on a closed case): use this record. */
  childId?: string;
  /** A follow-up of this report (by its code): the code moves to the new report, no new code. */
  moveCodeFrom?: string;
};

export type Submitter = { userId: string; name: string } | null;

/**
 * Whose account a report is tied to: the signed-in reporter's, unless they chose to be
 * anonymous. An anonymous report names no one, so it is tied to no account, no organisation and
 * no actor in the case's history; like any anonymous report, it gets a code to add to it later.
 */
export function accountOf(input: Pick<IntakeInput, "reporter">, signedIn: Submitter): Submitter {
  return input.reporter.kind === "private" && input.reporter.anonymous ? null : signedIn;
}

/**
 * Registers a concern report: the child (matched by personal number), the case (the child's
 * open case, or a new one) with its event, the report and the receipt — in one
 * transaction. Without a personal number the report opens a new case and any earlier case
 * that may be the same child's is stored as a possible match (app/matching), never joined. Submitting the same idempotency key again returns the first result.
 */
export async function submitReport(
  db: Db,
  input: IntakeInput,
  signedIn: Submitter,
  now: Date = new Date(),
  options: SubmitOptions = {},
): Promise<SubmittedReport> {
  const submitter = accountOf(input, signedIn);
  const existing = await findByIdempotencyKey(db, input.idempotencyKey);
  if (existing) return existing;
  const receipt = await prepareReceipt(db, input, now);
  try {
    return await db.transaction((tx) => register(tx, input, submitter, now, options, receipt));
  } catch (error) {
    // A concurrent retry of the same form, or a concurrent first report about the same
    // child, hit a unique index; the winner's result (or a clean second try) is the answer.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findByIdempotencyKey(db, input.idempotencyKey);
    if (winner) return winner;
    return db.transaction((tx) => register(tx, input, submitter, now, options, receipt));
  }
}

/** The report's number and its receipt, made before the transaction, and the unit receiving it. */
type PreparedReceipt = { reportNumber: string; pdf: Buffer; unitId: string };

/**
 * The receipt names the report's own number, not the case's, so it can be drawn (a few
 * milliseconds of CPU) BEFORE the transaction, which then no longer holds its row locks and
 * its connection meanwhile. The number comes from its sequence now; if the transaction
 * fails and is not retried, the number goes unused, as a rolled-back nextval would.
 */
async function prepareReceipt(db: Db, input: IntakeInput, now: Date): Promise<PreparedReceipt> {
  // The sender: the unit that receives the public form's reports (the case's unit).
  const [reportNumber, unit] = await Promise.all([nextReportNumber(db, stockholmDate(now).slice(0, 4)), intakeUnit(db)]);
  const pdf = await drawLetter(receiptLetter(input, reportNumber, now.toISOString()), { municipality: sender(unit) });
  return { reportNumber, pdf, unitId: unit.id };
}

function receiptLetter(input: IntakeInput, reportNumber: string, at: string) {
  const reporter = input.reporter;
  return {
    kind: "receipt" as const,
    createdAt: at,
    // The report's own number: the receipt must not tell whether the child has a case.
    referenceNumber: reportNumber,
    receivedAt: at,
    reporterName: "name" in reporter ? reporter.name : null,
  };
}

async function findByIdempotencyKey(db: Db, key: string): Promise<SubmittedReport | null> {
  const [row] = await db
    .select({
      reportId: reports.id,
      reportNumber: reports.reportNumber,
      caseId: reports.caseId,
      referenceNumber: cases.referenceNumber,
    })
    .from(reports)
    .innerJoin(cases, eq(cases.id, reports.caseId))
    .where(eq(reports.idempotencyKey, key))
    .limit(1);
  return row ? { ...row, joinedExistingCase: false } : null;
}

async function register(
  tx: Tx,
  input: IntakeInput,
  submitter: Submitter,
  now: Date,
  options: SubmitOptions,
  receipt: PreparedReceipt,
): Promise<SubmittedReport> {
  const { unitId } = receipt;
  const childId = options.childId ?? (await findOrCreateChild(tx, unitId, input));
  const reportId = randomUUID();
  const { reportNumber } = receipt;
  const at = now.toISOString();
  const reporter = input.reporter;
  const actor: Actor = submitter
    ? { id: submitter.userId, name: submitter.name, role: "reporter" }
    : { id: "public", name: "Anmälare via webbformuläret", role: "public" };
  const ref: ReportRef = {
    id: reportId,
    receivedAt: at,
    violence: input.violenceKinds.length > 0,
    protectedIdentity: input.child.protectedIdentity,
    mandatedReporter: reporter.kind === "mandated",
    violenceKinds: [...input.violenceKinds],
  };

  // The child's open case (locked: this report joins it), else their latest closed one (the
  // new case points back to it) — one lookup: open cases sort first.
  const [latest] = await tx
    .select({ id: cases.id, version: cases.version, referenceNumber: cases.referenceNumber, open: cases.open })
    .from(cases)
    .where(eq(cases.childId, childId))
    .orderBy(desc(cases.open), desc(cases.receivedAt))
    .limit(1)
    .for("update");
  const openCase = latest?.open ? latest : undefined;

  let caseId: string;
  let referenceNumber: string;
  if (openCase) {
    const result = await applyToCase(tx, openCase.id, null, { type: "REPORT_ADDED", at, actor, report: ref });
    if (!result.ok) throw new Error(`REPORT_ADDED refused on an open case: ${result.refusal}`);
    caseId = openCase.id;
    referenceNumber = openCase.referenceNumber;
  } else {
    caseId = randomUUID();
    referenceNumber = await nextReferenceNumber(tx, stockholmDate(now).slice(0, 4));
    await insertCase(tx, {
      caseId,
      unitId,
      previousCaseId: latest?.id ?? null,
      opened: {
        type: "CASE_OPENED",
        at,
        actor,
        caseId,
        referenceNumber,
        childId,
        child: { name: input.child.name, protectedIdentity: input.child.protectedIdentity, birthDate: input.child.birthDate },
        report: ref,
      },
    });
  }

  await tx.insert(reports).values({
    id: reportId,
    reportNumber,
    caseId,
    idempotencyKey: input.idempotencyKey,
    receivedAt: now,
    reporterKind: reporter.kind,
    anonymous: reporter.kind === "private" && reporter.anonymous,
    reporterUserId: submitter?.userId ?? null,
    // The account's organisation as it is now, recorded once: who may follow the report never changes with the account.
    reporterOrganisationId: submitter ? sql`(select ${users.organisationId} from ${users} where ${users.id} = ${submitter.userId})` : null,
    reporterName: "name" in reporter ? reporter.name : null,
    reporterOrganisation: reporter.kind === "mandated" ? reporter.organisation : null,
    reporterTitle: reporter.kind === "mandated" ? reporter.title : null,
    reporterSector: reporter.kind === "mandated" ? reporter.sector : null,
    reporterPhone: "phone" in reporter ? reporter.phone : null,
    reporterEmail: "email" in reporter ? reporter.email : null,
    childName: input.child.name,
    childPersonalNumber: input.child.personalNumber,
    childBirthDate: input.child.birthDate,
    childAddress: input.child.address,
    childSchool: input.child.school,
    childWhereabouts: input.child.whereabouts,
    childProtectedIdentity: input.child.protectedIdentity,
    guardians: input.guardians,
    siblings: input.siblings,
    concernWhat: input.concern.what,
    concernWhen: input.concern.when,
    concernDuration: input.concern.duration,
    concernIfNothing: input.concern.ifNothing,
    childKnows: input.concern.childKnows,
    interpreterLanguage: input.interpreterLanguage,
    violenceKinds: input.violenceKinds,
    violence: ref.violence,
    violenceAnswer: input.details?.violenceAnswer ?? (ref.violence ? "yes" : null),
    reporterRelation: input.details?.reporterRelation ?? null,
    childAge: input.details?.childAge ?? null,
    childLivesWith: input.details?.childLivesWith ?? null,
    childView: input.details?.childView ?? null,
    policeReport: input.details?.policeReport ?? null,
  });

  // A child without personnummer is never joined silently: an earlier case of the same name
  // and date of birth (or age and school) is stored as a possible match for the caseworker.
  if (!openCase && !input.child.personalNumber && !options.childId) {
    await proposeMatches(tx, {
      unitId,
      caseId,
      reportId,
      name: input.child.name,
      birthDate: input.child.birthDate,
      age: input.details?.childAge ?? null,
      school: input.child.school,
      at: now,
    });
  }

  await storeLetter(tx, {
    caseId,
    reportId,
    eventSeq: null,
    recipientName: "name" in reporter ? reporter.name : null,
    letter: receiptLetter(input, reportNumber, at),
    pdf: receipt.pdf, // drawn before the transaction
  });

  let reportCode: string | undefined;
  if (options.moveCodeFrom) {
    await tx.update(reportCodes).set({ reportId }).where(eq(reportCodes.reportId, options.moveCodeFrom));
  } else if (reporter.kind === "private" && !submitter) {
    reportCode = await issueReportCode(tx, reportId, now);
  }

  await sealCase(tx, caseId, now);
  return { reportId, reportNumber, caseId, referenceNumber, joinedExistingCase: Boolean(openCase), reportCode };
}

/** e.g. "ANM-2026-000123": one sequence for every report, whatever case it joins. */
async function nextReportNumber(tx: Queryable, year: string): Promise<string> {
  const [row] = rowsOf<{ n: string }>(await tx.execute(sql`select nextval('report_number_seq')::text as n`));
  return `ANM-${year}-${row!.n.padStart(6, "0")}`;
}

async function findOrCreateChild(tx: Tx, unitId: string, input: IntakeInput): Promise<string> {
  const { child } = input;
  if (child.personalNumber) {
    const [found] = await tx
      .select({ id: children.id, protectedIdentity: children.protectedIdentity })
      .from(children)
      .where(and(eq(children.unitId, unitId), eq(children.personalNumber, child.personalNumber)))
      .limit(1);
    if (found) {
      // Protection once known is never dropped by a later report that does not mention it.
      if (child.protectedIdentity && !found.protectedIdentity) {
        await tx.update(children).set({ protectedIdentity: true }).where(eq(children.id, found.id));
      }
      return found.id;
    }
  }
  // Without a personal number a child cannot be matched safely: a new child record.
  const [created] = await tx
    .insert(children)
    .values({
      unitId,
      personalNumber: child.personalNumber,
      name: child.name,
      birthDate: child.birthDate,
      address: child.address,
      protectedIdentity: child.protectedIdentity,
    })
    .returning({ id: children.id });
  return created!.id;
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
