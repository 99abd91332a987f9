import { randomUUID } from "node:crypto";

import { json, redirect } from "@remix-run/node";
import { and, eq } from "drizzle-orm";

import { reports } from "../../db/schema";

import { requireUser } from "../auth/session.server";
import { pageAccess } from "../auth/roles";
import { getDb } from "../db.server";
import { parseSupplementForm, type SupplementFormResult } from "./supplement-schema";
import { supplementByCode, supplementOwnReport } from "./supplement.server";

function refused(result: Omit<SupplementFormResult, "id">, status: number) {
  return json({ ...result, id: randomUUID() }, { status });
}

/**
 * /anmalan/komplettera: the code and the addition, nothing else. A wrong and an expired code
 * get the same answer, and a right one gets only "thank you": nothing about the case.
 */
export async function submitCodeSupplement(request: Request, clientAddress: string) {
  const parsed = parseSupplementForm(await request.formData(), true);
  if (!parsed.ok) return refused(parsed.result, 400);
  const result = await supplementByCode(await getDb(), { ...parsed.value, clientAddress });
  if (!result.ok) {
    const values = { code: parsed.value.code, text: parsed.value.text };
    if (result.reason === "rateLimited") {
      return refused({ fieldErrors: {}, formErrors: ["supplement.error.rateLimited"], values }, 429);
    }
    return refused({ fieldErrors: { code: ["supplement.error.invalidCode"] }, formErrors: [], values }, 400);
  }
  return redirect("/anmalan/komplettera?klart=1");
}

/** /mina-anmalningar/:reportId/komplettera: a reporter with an account adds to their own report. */
export async function submitOwnSupplement(request: Request, reportId: string) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.myReports);
  const parsed = parseSupplementForm(await request.formData(), false);
  if (!parsed.ok) return refused(parsed.result, 400);
  const result = await supplementOwnReport(db, user, reportId, parsed.value.text, new Date(), parsed.value.idempotencyKey);
  if (!result.ok) throw new Response("Not found", { status: 404 });
  return redirect("/mina-anmalningar?kompletterad=1");
}

/** A fresh form: its own idempotency key, so posting it twice stores one addition. */
export function loadCodeSupplementPage() {
  return { idempotencyKey: randomUUID() };
}

/** The page is there only for the reporter's own report. */
export async function loadOwnSupplementPage(request: Request, reportId: string) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.myReports);
  const own = /^[0-9a-f-]{36}$/i.test(reportId)
    ? await db
        .select({ id: reports.id })
        .from(reports)
        .where(and(eq(reports.id, reportId), eq(reports.reporterUserId, user.id)))
    : [];
  if (own.length === 0) throw new Response("Not found", { status: 404 });
  return { idempotencyKey: randomUUID() };
}
