import { createCookie } from "@remix-run/node";

import type { Locale } from "./index";

export const localeCookie = createCookie("varna_lang", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 60 * 60 * 24 * 365,
});

export async function localeOf(request: Request): Promise<Locale> {
  const value: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return value === "en" ? "en" : "sv";
}
