import type { LoaderFunctionArgs } from "@remix-run/node";

import { fileResponse } from "~/audit/download.server";
import { exportCaseHistoryJson } from "~/audit/export.server";
import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/db.server";

/** A case's whole history as JSON with its hashes and the chain's anchor (README: verifying an export). Auditors only; logged (access_log "export"). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.audit);
  const file = await exportCaseHistoryJson(db, user, params.caseId ?? "");
  if (!file) throw new Response("Ärendet finns inte.", { status: 404 });
  return fileResponse(file);
}
