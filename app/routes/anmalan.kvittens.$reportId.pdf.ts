import type { LoaderFunctionArgs } from "@remix-run/node";

import { loadReceipt } from "~/intake/intake-page.server";
import { pdfResponse } from "~/letters/response.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const receipt = await loadReceipt(request, params.reportId ?? "");
  if (!receipt) throw new Response("Not found", { status: 404 });
  return pdfResponse(receipt);
}
