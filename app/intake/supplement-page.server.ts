import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect } from "@remix-run/node";
import { and, eq } from "drizzle-orm";

import { reports } from "../../db/schema";

import { requireUser } from "../auth/session.server";
import { pageAccess } from "../auth/roles";
import { getDb } from "../db.server";
import { codeSupplementSchema, supplementSchema } from "./supplement-schema";
import { supplementByCode, supplementOwnReport } from "./supplement.server";

const CONFORM_RESERVED = new Set(["__intent__", "__state__"]);
async function cleanForm(request: Request): Promise<FormData> {
  const clean = new FormData();
  for (const [name, value] of (await request.formData()).entries()) {
    if (!CONFORM_RESERVED.has(name)) clean.append(name, value);
  }
  return clean;
}

/**
 * /anmalan/komplettera: the code and the addition, nothing else. A wrong and an expired code
 * get the same answer, and a right one gets only "thank you": nothing about the case.
 */
export async function submitCodeSupplement(request: Request, clientAddress: string) {
  const submission = parseWithZod(await cleanForm(request), { schema: codeSupplementSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await supplementByCode(await getDb(), { ...submission.value, clientAddress });
  if (!result.ok) {
    if (result.reason === "rateLimited") {
      return json(submission.reply({ formErrors: ["supplement.error.rateLimited"] }), { status: 429 });
    }
    return json(submission.reply({ fieldErrors: { code: ["supplement.error.invalidCode"] } }), { status: 400 });
  }
  return redirect("/anmalan/komplettera?klart=1");
}

/** /mina-anmalningar/:reportId/komplettera: a reporter with an account adds to their own report. */
export async function submitOwnSupplement(request: Request, reportId: string) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.myReports);
  const submission = parseWithZod(await cleanForm(request), { schema: supplementSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await supplementOwnReport(db, user, reportId, submission.value.text);
  if (!result.ok) throw new Response("Not found", { status: 404 });
  return redirect("/mina-anmalningar?kompletterad=1");
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
  return null;
}
