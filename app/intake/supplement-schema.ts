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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The form's hidden idempotency key: the same form posted twice is stored once. */
const idempotencyKey = z.string({ error: "form.stale" }).regex(UUID, "form.stale").transform((s) => s.toLowerCase());

export const supplementSchema = z.object({ text: supplementText, idempotencyKey });

export const codeSupplementSchema = z.object({
  code: z
    .string({ error: typeError })
    .trim()
    .min(1, "field.required")
    .max(40, "supplement.error.codeFormat")
    .refine((s) => s.toUpperCase().replace(/[^A-Z0-9]/g, "").length === 16, "supplement.error.codeFormat"),
  text: supplementText,
  idempotencyKey,
});

/** What the server answers a refused post with: errors per field (catalogue keys) and the values typed. */
export type SupplementFormResult = {
  id: string;
  fieldErrors: { code?: string[]; text?: string[] };
  formErrors: string[];
  values: { code?: string; text?: string };
};

/** Checks a posted form; never throws. */
export function parseSupplementForm(
  formData: FormData,
  withCode: boolean,
):
  | { ok: true; value: { code: string; text: string; idempotencyKey: string } }
  | { ok: false; result: Omit<SupplementFormResult, "id"> } {
  const raw = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : undefined;
  };
  const input = { code: raw("code"), text: raw("text"), idempotencyKey: raw("idempotencyKey") };
  const parsed = withCode
    ? codeSupplementSchema.safeParse(input)
    : supplementSchema.safeParse({ text: input.text, idempotencyKey: input.idempotencyKey });
  if (parsed.success) return { ok: true, value: { code: "", ...parsed.data } };
  const fieldErrors: SupplementFormResult["fieldErrors"] = {};
  const formErrors: string[] = [];
  for (const issue of parsed.error.issues) {
    const name = issue.path[0];
    if (name === "code" || name === "text") (fieldErrors[name] ??= []).push(issue.message);
    // A missing or forged key: the page is stale (reload gives a fresh form).
    else if (name === "idempotencyKey" && !formErrors.includes(issue.message)) formErrors.push(issue.message);
  }
  return {
    ok: false,
    result: { fieldErrors, formErrors, values: { code: (input.code ?? "").slice(0, 40), text: (input.text ?? "").slice(0, SUPPLEMENT_MAX + 100) } },
  };
}
