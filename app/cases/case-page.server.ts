/**
 * The case page (/arenden/:caseId) without HTTP: what the page shows, what its forms do,
 * and the letter download. Every read of a case's contents writes an access_log row
 * (loggkontroll). A case of another unit does not exist for the user: null / 404.
 */
import type { SubmissionResult } from "@conform-to/react";
import { and, asc, eq, ne } from "drizzle-orm";

import type { Db } from "../../db/client";
import { accessLog, caseEvents, cases, children, letters, reports } from "../../db/schema";
import {
  availableCommands,
  caseChildAddress,
  childHeard,
  hasOwnVoice,
  letterGuardians,
  lettersOnApproval,
  recipientsWithoutAddress,
  stateName,
  stockholmDate,
  unassessedReports,
  upgradeSnapshot,
  type Actor,
  type CaseEvent,
  type PersistedCase,
  type StateName,
} from "../../workflows";
import type { SessionUser } from "../auth/session.server";
import {
  deadlineViews,
  factsView,
  historyEvent,
  protectedGuardianNames,
  reportView,
  warningsFor,
  type CasePageData,
  type FeedbackView,
} from "./case-page-data";
import {
  isFormCommand,
  parseCommand,
  REFUSAL_FIELDS,
  type CommandFormContext,
  type FormCommand,
} from "./command-schemas";
import { actorFor, runCaseCommand, staffOfUnit, type CommandInput } from "./commands.server";
import { isUuid } from "./inbox-filters";
import { withheldLetterIds } from "./withheld-letters.server";

export type { CasePageData, DeadlineView, EventView, FeedbackView, LetterView, ReportView } from "./case-page-data";

type CaseRow = {
  id: string;
  referenceNumber: string;
  version: number;
  open: boolean;
  receivedAt: Date;
  previousCaseId: string | null;
  childId: string;
  snapshot: PersistedCase;
  child: { name: string; personalNumber: string | null; birthDate: string | null; address: string | null; protectedIdentity: boolean };
};

/** The case, if it exists and belongs to the user's unit. */
async function findCase(db: Db, user: SessionUser, caseId: string): Promise<CaseRow | null> {
  if (!isUuid(caseId) || !user.unitId) return null;
  const [row] = await db
    .select({
      id: cases.id,
      referenceNumber: cases.referenceNumber,
      version: cases.version,
      open: cases.open,
      receivedAt: cases.receivedAt,
      previousCaseId: cases.previousCaseId,
      childId: cases.childId,
      snapshot: cases.snapshot,
      child: {
        name: children.name,
        personalNumber: children.personalNumber,
        birthDate: children.birthDate,
        address: children.address,
        protectedIdentity: children.protectedIdentity,
      },
    })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .where(and(eq(cases.id, caseId), eq(cases.unitId, user.unitId)))
    .limit(1);
  // A snapshot of an earlier machine version is read in today's shape.
  return row ? { ...row, snapshot: upgradeSnapshot(row.snapshot as PersistedCase) } : null;
}

function isStaff(user: SessionUser): boolean {
  return user.role === "caseworker" || user.role === "teamLead";
}

async function caseReports(db: Db, caseId: string) {
  return db.select().from(reports).where(eq(reports.caseId, caseId)).orderBy(asc(reports.receivedAt), asc(reports.id));
}

type ReportRow = Awaited<ReturnType<typeof caseReports>>[number];

function isProtected(row: CaseRow, reportRows: ReportRow[]): boolean {
  return (
    row.child.protectedIdentity ||
    row.snapshot.context.flags.protectedIdentity ||
    reportRows.some((r) => r.childProtectedIdentity)
  );
}

/**
 * Who an invitation can go to: the child and each confirmed guardian not suspected of the
 * violence; each marked when their letter would carry no address.
 */
function invitees(row: CaseRow, now: Date): CommandFormContext["invitees"] {
  const { context } = row.snapshot;
  const unaddressed = recipientsWithoutAddress(context, row.child.address, now.toISOString());
  return [
    { name: context.child.name, role: "child" as const },
    ...letterGuardians(context).map((g) => ({ name: g.name, role: "guardian" as const })),
  ].map((p) => ({ ...p, addressMissing: unaddressed.includes(p.name) }));
}

/** Who a report's feedback goes to, as the forms name them: the organisation, else the name. */
function reporterLabel(r: Pick<ReportRow, "reporterName" | "reporterOrganisation">): string {
  return [r.reporterName, r.reporterOrganisation].filter(Boolean).join(", ");
}

async function formContext(
  db: Db,
  user: SessionUser,
  row: CaseRow,
  commands: readonly string[],
  now: Date,
  reportRows: ReportRow[],
): Promise<CommandFormContext> {
  const { context } = row.snapshot;
  const withheld = context.feedbackWithheld;
  const protectedIdentity = isProtected(row, reportRows);
  // A team lead gives the case to a caseworker; a caseworker can only take it themselves.
  const staff = !commands.includes("ASSIGNED")
    ? []
    : user.role === "teamLead" && user.unitId
      ? (await staffOfUnit(db, user.unitId)).filter((s) => s.role === "caseworker").map(({ id, name }) => ({ id, name }))
      : [{ id: user.id, name: user.name }];
  const investigation = context.deadlines.investigation;
  const decision = context.deadlines.decision;
  return {
    today: stockholmDate(now),
    invitees: invitees(row, now),
    staff,
    childHeard: childHeard(context),
    violence: context.flags.violence,
    extendable: {
      decision: decision.metAt ? null : decision.due,
      investigation: investigation && !investigation.concludedAt ? investigation.due : null,
    },
    unassessed: unassessedReports(context).map((r) => ({ id: r.id, receivedAt: r.receivedAt })),
    // A protected address never reaches the page, the correction form's starting values included.
    guardians: context.guardians.map((g) => {
      const addressWithheld = protectedIdentity || g.protectedIdentity;
      return { id: g.id, name: g.name, address: addressWithheld ? null : g.address, addressWithheld, custody: g.custody, suspected: g.suspected };
    }),
    child: { address: protectedIdentity ? null : caseChildAddress(context, row.child.address), addressWithheld: protectedIdentity },
    decisionDue: decision.metAt ? null : decision.due,
    ownVoice: hasOwnVoice(context, now.toISOString()),
    feedbackOwed: context.reports.some((r) => r.mandatedReporter && !r.decidedAt),
    withheldFeedback: withheld.map((w) => {
      const report = reportRows.find((r) => r.id === w.reportId);
      return { reportId: w.reportId, reporter: report ? reporterLabel(report) : "", reason: w.reason };
    }),
  };
}

/**
 * Each mandated reporter's återkoppling: sent (its letter), withheld with the reason, or not
 * yet due (no decision yet). A private reporter is owed nothing beyond the receipt.
 */
function feedbackViews(
  context: PersistedCase["context"],
  reportRows: ReportRow[],
  letterRows: { kind: string; reportId: string | null; createdAt: Date }[],
): FeedbackView[] {
  return reportRows
    .filter((r) => r.reporterKind === "mandated" && !r.anonymous)
    .map((r) => {
      const letter = letterRows.find((l) => l.kind === "feedback" && l.reportId === r.id);
      const withheld = context.feedbackWithheld.find((w) => w.reportId === r.id) ?? null;
      const decided = context.reports.find((c) => c.id === r.id)?.decidedAt ?? null;
      return {
        reportId: r.id,
        reporterName: r.reporterName,
        reporterOrganisation: r.reporterOrganisation,
        status: letter ? "sent" : withheld ? "withheld" : decided ? "missing" : "notYet",
        sentAt: letter ? letter.createdAt.toISOString() : null,
        decidedAt: withheld?.decidedAt ?? decided,
        // The reason stays on record after the feedback is sent.
        reason: withheld?.reason ?? null,
        recordedBy: withheld?.recordedBy.name ?? null,
      };
    });
}

/**
 * Everything the case page shows, or null when the case does not exist for this user
 * (another unit, not staff, malformed id). Logs the read in access_log.
 */
export async function loadCasePage(
  db: Db,
  user: SessionUser,
  caseId: string,
  now: Date = new Date(),
): Promise<CasePageData | null> {
  if (!isStaff(user)) return null;
  const row = await findCase(db, user, caseId);
  if (!row) return null;
  // Loggkontroll: the read is logged before any of the contents leave the server.
  await db.insert(accessLog).values({ userId: user.id, caseId: row.id, action: "view", at: now });

  const [reportRows, eventRows, letterRows, previous, childCaseRows] = await Promise.all([
    caseReports(db, row.id),
    db
      .select({
        seq: caseEvents.seq,
        type: caseEvents.type,
        at: caseEvents.occurredAt,
        actorName: caseEvents.actorName,
        event: caseEvents.event,
      })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, row.id))
      .orderBy(asc(caseEvents.seq)),
    db
      .select({
        id: letters.id,
        kind: letters.kind,
        reportId: letters.reportId,
        recipientName: letters.recipientName,
        createdAt: letters.createdAt,
        fileName: letters.fileName,
        eventSeq: letters.eventSeq,
      })
      .from(letters)
      .where(eq(letters.caseId, row.id))
      .orderBy(asc(letters.createdAt), asc(letters.fileName)),
    row.previousCaseId
      ? db
          .select({ id: cases.id, referenceNumber: cases.referenceNumber })
          .from(cases)
          .where(and(eq(cases.id, row.previousCaseId), eq(cases.unitId, user.unitId!)))
          .limit(1)
      : Promise.resolve([]),
    db
      .select({
        id: cases.id,
        referenceNumber: cases.referenceNumber,
        receivedAt: cases.receivedAt,
        state: cases.state,
        open: cases.open,
        reportCount: cases.reportCount,
      })
      .from(cases)
      .where(and(eq(cases.childId, row.childId), ne(cases.id, row.id), eq(cases.unitId, user.unitId!)))
      .orderBy(asc(cases.receivedAt)),
  ]);

  const { snapshot } = row;
  const { context } = snapshot;
  const actor: Actor = await actorFor(db, user);
  const commands = availableCommands(snapshot, actor).filter(isFormCommand);
  const protectedIdentity = isProtected(row, reportRows);
  const ctx = await formContext(db, user, row, commands, now, reportRows);
  const withheld = withheldLetterIds(
    eventRows.map((e) => ({ seq: e.seq, event: e.event as CaseEvent })),
    letterRows,
    { context, childProtected: protectedIdentity, recordAddress: row.child.address },
  );

  return {
    case: {
      id: row.id,
      referenceNumber: row.referenceNumber,
      version: row.version,
      state: stateName(snapshot),
      open: row.open,
      receivedAt: row.receivedAt.toISOString(),
      previousCase: previous[0] ?? null,
    },
    child: {
      name: row.child.name,
      personalNumber: row.child.personalNumber,
      birthDate: row.child.birthDate,
      address: protectedIdentity ? null : caseChildAddress(context, row.child.address),
    },
    childCases: childCaseRows.map((c) => ({ ...c, state: c.state as StateName, receivedAt: c.receivedAt.toISOString() })),
    addressProtected: protectedIdentity,
    flags: { ...context.flags, protectedIdentity },
    assignee: context.assignee,
    deadlines: deadlineViews(snapshot, now),
    record: {
      protection: context.protection,
      invitation: context.invitation,
      conversation: context.conversation,
      noShows: context.noShows,
      proposal: context.proposal,
      decision: context.decision,
      returnComment: context.returnComment,
      investigationNotice: context.investigationNotice,
      conclusion: context.conclusion,
      supportOffered: context.supportOffered,
      supportAnswer: context.supportAnswer,
      notes: context.notes,
      extensionProposal: context.extensionProposal,
    },
    reports: reportRows.map((r) => {
      const ref = context.reports.find((c) => c.id === r.id);
      const assessment = ref
        ? { protectionDue: ref.protectionDue, decisionDue: ref.decisionDue, protection: ref.protection, decidedAt: ref.decidedAt }
        : null;
      return reportView(r, protectedIdentity, assessment, protectedGuardianNames(context));
    }),
    facts: factsView(context, reportRows, caseChildAddress(context, row.child.address), protectedIdentity),
    warnings: warningsFor(
      snapshot,
      commands,
      ctx,
      row.child.address,
      now.toISOString(),
      lettersOnApproval(snapshot, now.toISOString()),
    ),
    events: eventRows.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: e.at.toISOString(),
      actorName: e.actorName,
      event: historyEvent(e.event as CaseEvent),
    })),
    letters: letterRows.map(({ reportId: _r, eventSeq: _s, ...l }) => ({
      ...l,
      createdAt: l.createdAt.toISOString(),
      withheld: withheld.has(l.id),
    })),
    feedback: feedbackViews(context, reportRows, letterRows),
    commands,
    formContext: ctx,
  };
}

/** What a failed action sends back to the page: which form, its errors, and a message for the page. */
export type CaseActionData = {
  intent: FormCommand | null;
  reply: SubmissionResult<string[]> | null;
  /** A catalogue key for the page-level alert (refusals, stale, unknown command). */
  message: string | null;
};

export type CaseActionOutcome =
  | { ok: true; intent: FormCommand; version: number }
  | { ok: false; status: 404 }
  | { ok: false; status: 400 | 409; data: CaseActionData };

/**
 * One posted command form: `intent` (the command type) and `version` (what the page showed)
 * plus the form's fields. Validation errors → 400, refusals and stale versions → 409; in
 * both cases nothing is stored.
 */
export async function performCaseAction(
  db: Db,
  user: SessionUser,
  caseId: string,
  formData: FormData,
  now: Date = new Date(),
): Promise<CaseActionOutcome> {
  if (!isStaff(user)) return { ok: false, status: 404 };
  const row = await findCase(db, user, caseId);
  if (!row) return { ok: false, status: 404 };

  const intent = formData.get("intent");
  if (!isFormCommand(intent)) {
    return { ok: false, status: 400, data: { intent: null, reply: null, message: "cases.error.unknownCommand" } };
  }

  const commands = availableCommands(row.snapshot, await actorFor(db, user));
  const ctx = await formContext(db, user, row, commands, now, await caseReports(db, row.id));
  const submission = parseCommand(formData, intent, ctx);
  const fail = (status: 400 | 409, message: string, fieldErrors?: Record<string, string[]>) =>
    ({
      ok: false,
      status,
      data: { intent, reply: submission.reply({ formErrors: [message], fieldErrors }), message },
    }) as const;

  const versionField = formData.get("version");
  const version = typeof versionField === "string" && /^\d{1,9}$/.test(versionField) ? Number(versionField) : null;
  if (version === null) return fail(400, "form.stale");
  if (version !== row.version) return fail(409, "refusal.stale");
  if (!commands.includes(intent)) return fail(400, "cases.error.notAvailable");
  if (submission.status !== "success") {
    return { ok: false, status: 400, data: { intent, reply: submission.reply(), message: null } };
  }

  const result = await runCaseCommand(
    db,
    { caseId: row.id, expectedVersion: version, user, command: submission.value as CommandInput },
    now,
  );
  if (result.ok) return { ok: true, intent, version: result.version };
  if (result.refusal === "notFound") return { ok: false, status: 404 };
  const message = `refusal.${result.refusal}`;
  const field = result.refusal === "stale" || result.refusal === "forbidden" ? undefined : REFUSAL_FIELDS[result.refusal];
  return fail(409, message, field ? { [field]: [message] } : undefined);
}

/**
 * One archived letter of a case, exactly as sent, or null when the user may not see it.
 * Logs the read (access_log 'letter').
 */
export async function downloadLetter(
  db: Db,
  user: SessionUser,
  caseId: string,
  letterId: string,
  now: Date = new Date(),
): Promise<{ fileName: string; pdf: Buffer } | { withheld: true } | null> {
  if (!isStaff(user) || !user.unitId || !isUuid(caseId) || !isUuid(letterId)) return null;
  const [row] = await db
    .select({ fileName: letters.fileName, pdf: letters.pdf, kind: letters.kind, recipientName: letters.recipientName, eventSeq: letters.eventSeq })
    .from(letters)
    .innerJoin(cases, eq(cases.id, letters.caseId))
    .where(and(eq(letters.id, letterId), eq(letters.caseId, caseId), eq(cases.unitId, user.unitId)))
    .limit(1);
  if (!row) return null;
  // A letter that printed the address of someone protected now is not handed out (the case page says so).
  const found = await findCase(db, user, caseId);
  if (!found) return null;
  const [reportRows, eventRows] = await Promise.all([
    caseReports(db, caseId),
    db.select({ seq: caseEvents.seq, event: caseEvents.event }).from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq)),
  ]);
  const withheld = withheldLetterIds(
    eventRows.map((e) => ({ seq: e.seq, event: e.event as CaseEvent })),
    [{ id: letterId, ...row }],
    { context: found.snapshot.context, childProtected: isProtected(found, reportRows), recordAddress: found.child.address },
  );
  if (withheld.has(letterId)) return { withheld: true };
  await db.insert(accessLog).values({ userId: user.id, caseId, action: "letter", detail: letterId, at: now });
  return { fileName: row.fileName, pdf: row.pdf };
}

/** Content-Disposition for a download: an ASCII fallback name plus the exact name (RFC 6266). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_") || "brev.pdf";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
