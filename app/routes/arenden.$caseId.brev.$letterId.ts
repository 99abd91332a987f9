import type { LoaderFunctionArgs } from "@remix-run/node";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { attachmentHeader, downloadLetter } from "~/cases/case-page.server";
import { getDb } from "~/db.server";
import { errorResponse } from "~/server/error-page.server";

/** A letter of a case, exactly as archived. The read is logged (access_log 'letter'). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.cases);
  const letter = await downloadLetter(db, user, params.caseId ?? "", params.letterId ?? "");
  if (!letter) throw new Response("Not found", { status: 404 });
  if ("withheld" in letter) {
    return errorResponse(403, {}, {
      title: "Brevet lämnas inte ut",
      text: "Brevet skrevs ut med adressen till en person som nu har skyddade personuppgifter. Det finns kvar som det skickades och kan tas fram av en granskare.",
    });
  }
  return new Response(new Uint8Array(letter.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachmentHeader(letter.fileName),
      "Content-Length": String(letter.pdf.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
