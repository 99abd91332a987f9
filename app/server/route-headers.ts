import type { HeadersFunction } from "@remix-run/node";

/**
 * Remix carries only Set-Cookie from an action to the page it renders. A route whose action
 * refuses with 429 exports this as `headers`, so the browser (and a client that backs off)
 * is told when to try again.
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
