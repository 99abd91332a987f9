import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { useT } from "~/i18n";
import { loadCodeSupplementPage, submitCodeSupplement } from "~/intake/supplement-page.server";
import { SupplementForm } from "~/intake/SupplementForm";
import { AcuteNotice } from "~/ui/acute-notice";

export const meta: MetaFunction = () => [{ title: "Komplettera din anmälan – Värna" }];

export const loader = () => loadCodeSupplementPage();

export const action = ({ request, context }: ActionFunctionArgs) => submitCodeSupplement(request, context.clientAddress);

export default function CodeSupplementPage() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const { idempotencyKey } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("supplement.title")}</h1>
      {params.get("klart") === "1" && !lastResult ? (
        <div className="success" role="status">
          <p>{t("supplement.done")}</p>
        </div>
      ) : null}
      <p>{t("supplement.lead")}</p>
      <AcuteNotice />
      <SupplementForm withCode id="supplement-code" result={lastResult} idempotencyKey={idempotencyKey} />
    </>
  );
}
