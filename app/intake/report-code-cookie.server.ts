import { createCookie } from "@remix-run/node";

import { env } from "../env.server";

/**
 * Carries the one-time code from the submit to the receipt page, once: read and cleared on
 * the first view. HttpOnly, limited to the receipt pages, ten minutes; the code is never
 * stored anywhere else in clear.
 */
let cookie: ReturnType<typeof createCookie> | undefined;
function codeCookie() {
  return (cookie ??= createCookie("varna_report_code", {
    path: "/anmalan/kvittens",
    httpOnly: true,
    sameSite: "lax",
    secure: env().production,
    secrets: env().sessionSecrets,
    maxAge: 600,
  }));
}

export function reportCodeCookie(reportId: string, code: string): Promise<string> {
  return codeCookie().serialize({ reportId, code });
}

/** The code for this report if the cookie carries it, and the header that clears the cookie. */
export async function takeReportCode(
  request: Request,
  reportId: string,
): Promise<{ code: string | null; clear: string | null }> {
  const value: unknown = await codeCookie().parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return { code: null, clear: null };
  const { reportId: id, code } = value as { reportId?: unknown; code?: unknown };
  const clear = await codeCookie().serialize("", { maxAge: 0 });
  return { code: id === reportId && typeof code === "string" ? code : null, clear };
}
