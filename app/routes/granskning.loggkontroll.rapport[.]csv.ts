import type { LoaderFunctionArgs } from "@remix-run/node";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { localeOf } from "~/i18n/locale.server";
import { logReviewCsv } from "~/oversight/log-review.server";
import { parsePeriod } from "~/oversight/period";

/** The period's log review as CSV: every unusual read, why, its review, and the sign-off. */
export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.audit);
  const url = new URL(request.url);
  const parsed = parsePeriod(url.searchParams.get("from"), url.searchParams.get("to"));
  if (!parsed.ok) throw new Response("Bad request", { status: 400 });
  const csv = await logReviewCsv(db, user, parsed.period, await localeOf(request));
  if (csv === null) throw new Response("Forbidden", { status: 403 });
  const { from, to } = parsed.period;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="loggkontroll-${from}-${to}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
