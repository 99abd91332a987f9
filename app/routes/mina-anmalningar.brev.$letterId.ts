import type { LoaderFunctionArgs } from "@remix-run/node";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { myLetter } from "~/intake/my-reports.server";
import { pdfResponse } from "~/letters/response.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.myReports);
  const letter = await myLetter(db, user, params.letterId ?? "");
  if (!letter) throw new Response("Not found", { status: 404 });
  return pdfResponse(letter);
}
