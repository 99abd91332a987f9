import { PassThrough, Transform, type Writable } from "node:stream";

import {
  createReadableStreamFromReadable,
  type ActionFunctionArgs,
  type AppLoadContext,
  type EntryContext,
  type HandleDataRequestFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

import { databaseDown, noteDatabaseError } from "./server/db-outage.server";
import { errorResponse } from "./server/error-page.server";
import { logger, safeError } from "./server/logger.server";
import { NonceProvider } from "./ui/nonce";

const ABORT_DELAY = 5_000;

/**
 * React 18's renderToPipeableStream fills 2 kB buffers with TextEncoder.encodeInto; when a
 * multi-byte character (å, ä, ö) does not fit at a buffer's end it flushes the whole buffer,
 * the unfilled tail included, so the page gets NUL bytes (react#24985, fixed in React 19).
 * The characters themselves are never split — encodeInto writes whole characters only — so
 * dropping the padding restores the exact HTML. A 0x00 byte is never part of a multi-byte
 * UTF-8 sequence, and nothing we render may contain a NUL (every input refuses control
 * characters), so no real content is removed.
 */
export function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      if (bytes.indexOf(0) === -1) return done(null, bytes);
      const out = Buffer.allocUnsafe(bytes.length);
      let n = 0;
      for (const b of bytes) if (b !== 0) out[n++] = b;
      done(null, out.subarray(0, n));
    },
  });
}

/** The HTML body stream for a rendered React tree: what React pipes, minus the NUL padding. */
export function htmlStream(pipe: (destination: Writable) => unknown): PassThrough {
  const body = new PassThrough();
  const clean = withoutNulBytes();
  clean.pipe(body);
  pipe(clean);
  return body;
}

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
  const ready = isbot(request.headers.get("user-agent")) ? "onAllReady" : "onShellReady";
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </NonceProvider>,
      {
        nonce,
        [ready]() {
          shellRendered = true;
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(htmlStream(pipe)), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors during streaming are logged without request data (no personal data in logs).
          if (shellRendered) logger.error({ err: safeError(error) }, "render failed");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
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
