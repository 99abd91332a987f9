import type { LoaderFunctionArgs } from "@remix-run/node";

import { streamResponse } from "~/audit/download.server";
import { exportCasesJsonLines, parseDateRange } from "~/audit/export-range.server";
import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/db.server";

/** Every case received in a period as JSON Lines, with every event and its hashes. ?from=YYYY-MM-DD&to=YYYY-MM-DD, streamed. Auditors only; logged. */
export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.audit);
  const range = parseDateRange(new URL(request.url).searchParams);
  if (!range.ok) return new Response(range.message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const exported = await exportCasesJsonLines(db, user, range);
  if (!exported) throw new Response("Forbidden", { status: 403 });
  return streamResponse(exported);
}
