import { z } from "zod";

/** Only paths on this site; anything else would make the sign-in page an open redirect. */
export function safeRedirect(to: unknown, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}

export const loginSchema = z.object({
  email: z.string({ error: "field.required" }).trim().min(1, "field.required").max(200, "field.invalid").email("field.email"),
  password: z.string({ error: "field.required" }).min(1, "field.required").max(200, "field.invalid"),
  redirectTo: z.string().max(500).optional(),
});
