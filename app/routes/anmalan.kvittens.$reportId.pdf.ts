import type { LoaderFunctionArgs } from "@remix-run/node";

import { getSessionUser } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { receiptDownload } from "~/intake/intake-page.server";
import { pdfResponse } from "~/letters/response.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const receipt = await receiptDownload(db, await getSessionUser(db, request), params.reportId ?? "");
  if (!receipt) throw new Response("Not found", { status: 404 });
  return pdfResponse(receipt);
}
