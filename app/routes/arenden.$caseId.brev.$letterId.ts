import type { LoaderFunctionArgs } from "@remix-run/node";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { attachmentHeader, downloadLetter } from "~/cases/case-page.server";
import { getDb } from "~/db.server";
import { translate } from "~/i18n";
import { localeOf } from "~/i18n/locale.server";
import { errorResponse } from "~/server/error-page.server";

/** A letter of a case, exactly as archived. The read is logged (access_log 'letter'). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.cases);
  const letter = await downloadLetter(db, user, params.caseId ?? "", params.letterId ?? "");
  if (!letter) throw new Response("Not found", { status: 404 });
  if ("withheld" in letter) {
    const lang = await localeOf(request);
    const t = (key: string) => translate(lang, key);
    return errorResponse(403, {}, {
      lang,
      title: t("cases.letter.withheldTitle"),
      text: t("cases.letter.withheldText"),
      link: { href: `/arenden/${encodeURIComponent(params.caseId ?? "")}`, text: t("cases.letter.backToCase") },
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
