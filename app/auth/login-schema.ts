import { z } from "zod";

/**
 * Only paths on this site; anything else would make sign-in and the language switch open
 * redirects. Browsers drop tabs and newlines from URLs and read "\\" as "/", so "/\t/evil"
 * and "/\\evil" mean "//evil" (another host): normalise first, then resolve against a
 * placeholder origin and keep the path only if the origin did not change.
 */
export function safeRedirect(to: unknown, fallback: string): string {
  if (typeof to !== "string") return fallback;
  const normalised = to.replace(/[\u0000-\u001f\u007f]/g, "").replace(/\\/g, "/").trim();
  if (!normalised.startsWith("/") || normalised.startsWith("//")) return fallback;
  const base = "http://same-site.invalid";
  let url: URL;
  try {
    url = new URL(normalised, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}

export const loginSchema = z.object({
  email: z.string({ error: "field.required" }).trim().min(1, "field.required").max(200, "field.invalid").email("field.email"),
  password: z.string({ error: "field.required" }).min(1, "field.required").max(200, "field.invalid"),
  redirectTo: z.string().max(500).optional(),
});
