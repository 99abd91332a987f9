import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { useT } from "~/i18n";
import { loadOwnSupplementPage, submitOwnSupplement } from "~/intake/supplement-page.server";
import { SupplementForm } from "~/intake/SupplementForm";

export const meta: MetaFunction = () => [{ title: "Komplettera anmälan – Värna" }];

export const loader = ({ request, params }: LoaderFunctionArgs) => loadOwnSupplementPage(request, params.reportId ?? "");

export const action = ({ request, params }: ActionFunctionArgs) => submitOwnSupplement(request, params.reportId ?? "");

export default function OwnSupplementPage() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const { idempotencyKey } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("supplement.own.title")}</h1>
      <p>{t("supplement.own.lead")}</p>
      <SupplementForm withCode={false} id="supplement-own" result={lastResult} idempotencyKey={idempotencyKey} />
      <p>
        <Link to="/mina-anmalningar">{t("supplement.own.back")}</Link>
      </p>
    </>
  );
}
