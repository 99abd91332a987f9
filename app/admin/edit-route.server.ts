/**
 * The HTTP shape shared by the admin's edit pages (a user, a unit, an organisation): only a
 * signed-in admin gets in; the page's record or 404, never cached; a POST performs the form and
 * goes back to the saved record with `?ok=<intent>`, or shows the form again with its errors.
 */
import { json, redirect } from "@remix-run/node";

import type { Db } from "../../db/client";
import { pageAccess } from "../auth/roles";
import { requireUser, type SessionUser } from "../auth/session.server";
import { getDb } from "../db.server";
import type { AdminActionOutcome } from "./admin-pages.server";

export async function adminEditLoader<T>(request: Request, load: (db: Db, admin: SessionUser) => Promise<T | null>) {
  const db = await getDb();
  const admin = await requireUser(db, request, pageAccess.admin);
  const data = await load(db, admin);
  if (!data) throw new Response("Not found", { status: 404 });
  return json(data, { headers: { "Cache-Control": "private, no-store" } });
}

export async function adminEditAction(
  request: Request,
  perform: (db: Db, admin: SessionUser, form: FormData) => Promise<AdminActionOutcome>,
  /** Where the saved record's page is. */
  pathOf: (id: string) => string,
) {
  const db = await getDb();
  const admin = await requireUser(db, request, pageAccess.admin);
  const form = await request.formData().catch(() => null);
  if (!form) throw new Response("Bad request", { status: 400 });
  const outcome = await perform(db, admin, form);
  if (outcome.ok) return redirect(`${pathOf(outcome.id)}?ok=${outcome.intent}`);
  if (outcome.status === 404) throw new Response("Not found", { status: 404 });
  return json(outcome.data, { status: outcome.status });
}
