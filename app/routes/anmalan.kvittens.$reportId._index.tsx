import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { formatDateTime, useLocale, useT } from "~/i18n";
import { loadReceiptPage } from "~/intake/intake-page.server";
import { ReportCodeNotice } from "~/intake/ReportCodeNotice";
import { AcuteNotice } from "~/ui/acute-notice";

export const meta: MetaFunction = () => [{ title: "Anmälan mottagen – Värna" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await loadReceiptPage(request, params.reportId ?? "");
  if (!page) throw new Response("Not found", { status: 404 });
  const { receipt, code, codeValidUntil } = page;
  return json(
    { reportNumber: receipt.reportNumber, receivedAt: receipt.receivedAt, reportId: params.reportId!, code, codeValidUntil },
    { headers: { ...page.headers, "Cache-Control": "no-store" } },
  );
}

export default function ReceiptPage() {
  const { reportNumber, receivedAt, reportId, code, codeValidUntil } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("receipt.title")}</h1>
      <div className="success" role="status">
        <p>
          {t("receipt.reference")} <strong data-testid="report-number">{reportNumber}</strong>
        </p>
        <p>
          {t("receipt.received")} {formatDateTime(locale, receivedAt)}
        </p>
      </div>
      <p>{t("receipt.next")}</p>
      {code && codeValidUntil ? <ReportCodeNotice code={code} validUntil={codeValidUntil} /> : null}
      <p>
        <a href={`/anmalan/kvittens/${reportId}/pdf`}>{t("receipt.download")}</a>
      </p>
      <AcuteNotice />
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </>
  );
}
