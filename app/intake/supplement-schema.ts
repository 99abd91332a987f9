/**
 * The forms for adding to a report (komplettering): with the receipt's code (no account) or
 * from a reporter's account. One schema each for the browser and the server. Messages are
 * catalogue keys.
 */
import { z } from "zod";

// Control characters other than \t, \n and \r (C0, DEL and C1).
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
export const SUPPLEMENT_MAX = 10_000;

const typeError = (issue: { input?: unknown }) => (issue.input === undefined ? "field.required" : "field.invalid");

const supplementText = z
  .string({ error: typeError })
  .refine((s) => !CONTROL_CHARS.test(s), "field.controlChars")
  .trim()
  .min(1, "field.required")
  .max(SUPPLEMENT_MAX, "field.tooLong");

export const supplementSchema = z.object({ text: supplementText });

export const codeSupplementSchema = z.object({
  code: z
    .string({ error: typeError })
    .trim()
    .min(1, "field.required")
    .max(40, "supplement.error.codeFormat")
    .refine((s) => s.toUpperCase().replace(/[^A-Z0-9]/g, "").length === 16, "supplement.error.codeFormat"),
  text: supplementText,
});
