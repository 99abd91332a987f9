import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { IntakeForm } from "~/intake/IntakeForm";
import { loadIntakePage, submitIntakeForm } from "~/intake/intake-page.server";
import { retryAfterHeaders } from "~/server/route-headers";

export const meta: MetaFunction = () => [{ title: "Gör en orosanmälan – Värna" }];

export const loader = ({ request }: LoaderFunctionArgs) => loadIntakePage(request);

export const headers = retryAfterHeaders;

export const action = ({ request, context }: ActionFunctionArgs) => submitIntakeForm(request, context.clientAddress);

export default function IntakePage() {
  const { idempotencyKey, defaultValue, signedIn } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return <IntakeForm lastResult={lastResult} defaultValue={defaultValue} idempotencyKey={idempotencyKey} signedIn={signedIn} />;
}
