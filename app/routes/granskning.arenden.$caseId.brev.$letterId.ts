import type { LoaderFunctionArgs } from "@remix-run/node";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { attachmentHeader } from "~/cases/case-page.server";
import { getDb } from "~/db.server";
import { downloadAuditLetter } from "~/oversight/audit-cases.server";

/** A letter of a case, exactly as archived, for an auditor. The read is logged (access_log 'letter'). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.audit);
  const letter = await downloadAuditLetter(db, user, params.caseId ?? "", params.letterId ?? "");
  if (!letter) throw new Response("Not found", { status: 404 });
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
