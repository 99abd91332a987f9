import type { LoaderFunctionArgs } from "@remix-run/node";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { loadStatisticsPage, statisticsCsv } from "~/statistics/statistics.server";

/** The statistics page's figures for the same period, as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.statistics);
  const { period, stats } = await loadStatisticsPage(db, user, new URL(request.url));
  const body = stats ? statisticsCsv(stats) : "figure,month,key,value\r\n";
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="statistik-${period.from}-${period.to}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
