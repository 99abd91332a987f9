/**
 * Cross-site request forgery: a request that can change anything (every method but GET and
 * HEAD) must come from a page of this site, i.e. carry an Origin whose host is the host it
 * was sent to. Checked in the server before Remix, so `?_data=` requests (which Remix's own
 * check skips) are covered too. A missing or "null" Origin is refused.
 */
export function isSafeMethod(method: string): boolean {
  return method === "GET" || method === "HEAD";
}

export function sameOrigin(headers: { origin?: string | string[]; host?: string | string[] }): boolean {
  const origin = typeof headers.origin === "string" ? headers.origin : undefined;
  const host = typeof headers.host === "string" ? headers.host : undefined;
  if (!origin || !host || origin === "null") return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  return url.host.toLowerCase() === host.toLowerCase();
}
