/**
 * Adding to a report after it was sent (komplettering): by the one-time code from the
 * receipt (anonymous and private reporters, no account), or from a reporter's account.
 * The addition joins the case as a REPORT_SUPPLEMENTED event through the statechart. On a
 * closed case the machine refuses it; the reporter still expects their information to reach
 * the social services, so it becomes a new report about the same child, opening a new case
 * linked to the closed one — as any new report would. The reporter is told the same in
 * both cases: nothing about the case is revealed.
 */
import { randomUUID } from "node:crypto";

import { and, eq, sql } from "drizzle-orm";

import type { Db, Tx } from "../../db/client";
import { isReporterSector } from "../../db/reporter-category";
import { caseEvents, cases, reports } from "../../db/schema";
import type { Actor } from "../../workflows";
import { sealCase } from "../audit/seal.server";
import { applyToCase } from "../cases/store.server";
import { block } from "../auth/rate-limit.server";
import { reportOfCode } from "./report-code.server";
import { submitReport, type Submitter } from "./submit.server";
import type { IntakeInput, ReporterInput, ViolenceKind } from "./types";
import { violenceKinds } from "./types";

/** Tries of a code per client address in a window: enough for typos, far too few to guess 79 bits. */
export const CODE_TRIES_PER_ADDRESS = 10;
export const CODE_TRY_WINDOW_MS = 15 * 60 * 1000;

export type SupplementResult = { ok: true } | { ok: false; reason: "rateLimited" | "invalidCode" | "notFound" };

const CODE_ACTOR: Actor = { id: "public", name: "Anmälare med kod", role: "public" };

/** With the receipt's code and nothing else: rate-limited per address, counted atomically. */
export async function supplementByCode(
  db: Db,
  input: { code: string; text: string; clientAddress: string; idempotencyKey?: string },
  now: Date = new Date(),
): Promise<SupplementResult> {
  // The team's atomic limiter (one upsert per try): concurrent tries from any process all count.
  const limit = await block(
    db,
    `report-code:ip:${input.clientAddress}`,
    { max: CODE_TRIES_PER_ADDRESS, windowSeconds: CODE_TRY_WINDOW_MS / 1000 },
    now,
  );
  if (!limit.allowed) return { ok: false, reason: "rateLimited" };
  const reportId = await reportOfCode(db, input.code, now);
  if (!reportId) return { ok: false, reason: "invalidCode" };
  await addToReport(db, reportId, input.text, { via: "code", actor: CODE_ACTOR, submitter: null, key: input.idempotencyKey }, now);
  return { ok: true };
}

/** From a reporter's account: only to a report they made themselves. */
export async function supplementOwnReport(
  db: Db,
  user: { id: string; name: string },
  reportId: string,
  text: string,
  now: Date = new Date(),
  idempotencyKey?: string,
): Promise<SupplementResult> {
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) return { ok: false, reason: "notFound" };
  const [own] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.id, reportId), eq(reports.reporterUserId, user.id)));
  if (!own) return { ok: false, reason: "notFound" };
  const actor: Actor = { id: user.id, name: user.name, role: "reporter" };
  await addToReport(db, reportId, text, { via: "account", actor, submitter: { userId: user.id, name: user.name }, key: idempotencyKey }, now);
  return { ok: true };
}

/** `key`: the form's idempotency key; the same key again stores nothing and answers alike. */
type How = { via: "code" | "account"; actor: Actor; submitter: Submitter; key?: string };

/** The idempotency key of the new report an addition to a closed case becomes. */
const followUpKey = (key: string) => `supplement:${key}`;

/**
 * Whether this form was stored already: as an event on the case, or — the case was closed —
 * as a new report (which the code may since have moved to). Run under the case's row lock,
 * so a second post waits for the first and then sees it.
 */
async function alreadyStored(tx: Tx, caseId: string, key: string): Promise<boolean> {
  const [report] = await tx.select({ id: reports.id }).from(reports).where(eq(reports.idempotencyKey, followUpKey(key))).limit(1);
  if (report) return true;
  const [event] = await tx
    .select({ seq: caseEvents.seq })
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.caseId, caseId),
        eq(caseEvents.type, "REPORT_SUPPLEMENTED"),
        sql`${caseEvents.event}->>'idempotencyKey' = ${key}`,
      ),
    )
    .limit(1);
  return !!event;
}

async function addToReport(db: Db, reportId: string, text: string, how: How, now: Date): Promise<void> {
  const joined = await db.transaction(async (tx) => {
    const [row] = await tx.select({ caseId: reports.caseId }).from(reports).where(eq(reports.id, reportId));
    if (!row) throw new Error("report of a valid code or account not found");
    if (how.key) {
      await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, row.caseId)).for("update");
      if (await alreadyStored(tx, row.caseId, how.key)) return true;
    }
    const result = await applyToCase(tx, row.caseId, null, {
      type: "REPORT_SUPPLEMENTED",
      at: now.toISOString(),
      actor: how.actor,
      reportId,
      text,
      via: how.via,
      ...(how.key ? { idempotencyKey: how.key } : {}),
    });
    if (result.ok) {
      await sealCase(tx, row.caseId, now);
      return true;
    }
    if (result.refusal === "closed") return false;
    throw new Error(`REPORT_SUPPLEMENTED refused: ${result.refusal}`);
  });
  if (joined) return;

  // The case is closed: a new report about the same child, linked to the closed case.
  const [original] = await db
    .select({ report: reports, childId: cases.childId })
    .from(reports)
    .innerJoin(cases, eq(cases.id, reports.caseId))
    .where(eq(reports.id, reportId));
  if (!original) throw new Error("report vanished");
  await submitReport(db, followUp(original.report, text, how.key), how.submitter, now, {
    childId: original.childId,
    moveCodeFrom: how.via === "code" ? reportId : undefined,
  });
}

/** The original report's facts with the addition as its concern. */
function followUp(r: typeof reports.$inferSelect, text: string, key: string | undefined): IntakeInput {
  let reporter: ReporterInput;
  if (r.reporterKind === "mandated") {
    reporter = {
      kind: "mandated",
      name: r.reporterName ?? "",
      organisation: r.reporterOrganisation ?? "",
      title: r.reporterTitle ?? "",
      phone: r.reporterPhone ?? "",
      email: r.reporterEmail,
      // The same reporter from the same organisation: the answer they gave (none before the form asked).
      sector: isReporterSector(r.reporterSector) ? r.reporterSector : null,
    };
  } else if (r.anonymous) {
    reporter = { kind: "private", anonymous: true };
  } else {
    reporter = { kind: "private", anonymous: false, name: r.reporterName ?? "", phone: r.reporterPhone, email: r.reporterEmail };
  }
  // A concern about violence stays one until staff have assessed the new report.
  const kinds = violenceKinds.filter((k): k is ViolenceKind => r.violenceKinds.includes(k));
  return {
    // The same form again finds this report (submitReport answers as the first time).
    idempotencyKey: key ? followUpKey(key) : randomUUID(),
    reporter,
    child: {
      name: r.childName,
      personalNumber: r.childPersonalNumber,
      birthDate: r.childBirthDate,
      address: r.childAddress,
      school: r.childSchool,
      whereabouts: null,
      protectedIdentity: r.childProtectedIdentity,
    },
    guardians: r.guardians,
    siblings: r.siblings,
    concern: { what: text, when: null, duration: null, ifNothing: null, childKnows: "unknown" },
    interpreterLanguage: r.interpreterLanguage,
    violenceKinds: kinds,
    details: {
      reporterRelation: r.reporterRelation,
      childAge: r.childAge,
      childLivesWith: r.childLivesWith,
      childView: null,
      policeReport: null,
      violenceAnswer: kinds.length > 0 ? "yes" : "unknown",
    },
  };
}
