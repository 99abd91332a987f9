import {
  type ActionFunctionArgs,
  type AppLoadContext,
  type EntryContext,
  type HandleDataRequestFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";

import { databaseDown, noteDatabaseError } from "./server/db-outage.server";
import { errorResponse } from "./server/error-page.server";
import { logger, safeError } from "./server/logger.server";
import { NonceProvider } from "./ui/nonce";

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A loader or action failed because the database is gone: the outage page, not a 500.
  if (responseStatusCode >= 500 && databaseDown()) return errorResponse(503, { "Retry-After": "5" });
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  // No route defers data (every loader has finished before rendering), so streaming would send
  // the same page in pieces: it is rendered to one string and sent as one body. That is also
  // about a millisecond cheaper a page (no stream of streams), and free of React 18's streaming
  // bug that padded chunks ending on å, ä or ö with NUL bytes (react#24985).
  // A render that throws goes back to Remix, which logs it through handleError (below) and
  // renders the error boundary instead.
  const html = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} />
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}

/**
 * Every error a loader or action throws comes here (instead of Remix' console.error, which
 * would print a database error with all its parameters): connection errors mark an outage,
 * and the log gets the error's type, code and statement name only.
 */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  noteDatabaseError(error);
  logger.error({ reqId: request.headers.get("x-request-id"), err: safeError(error) }, "loader or action failed");
}

/** `?_data` requests: a failure during an outage is a 503 as well. */
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  if (response.status >= 500 && databaseDown()) {
    return new Response(response.body, { status: 503, headers: response.headers });
  }
  return response;
};
