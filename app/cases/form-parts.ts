/**
 * The building blocks of the case page's form schemas: texts with limits, choices,
 * checkboxes and dates, each failing with a catalogue key. Part of the browser bundle.
 */
import { z } from "zod";

import { isIsoDate } from "../../workflows/deadlines";

export const TEXT_LIMITS = { short: 200, medium: 1_000, long: 10_000 } as const;
export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
// Control characters other than \t, \n and \r (C0, DEL and C1).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Missing → "fill in"; a file or something else where a string belongs → "invalid". */
const typeError = (issue: { input?: unknown }) => (issue.input === undefined ? "field.required" : "field.invalid");

export function text(max: number) {
  return z
    .string({ error: typeError })
    .refine((s) => !CONTROL_CHARS.test(s), { message: "field.controlChars", abort: true })
    .trim()
    .max(max, { message: `field.tooLong|max=${max}` });
}

export const requiredText = (max: number) => text(max).min(1, { message: "field.required" });

/** Blank or missing → undefined. */
export const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((s) => (s ? s : undefined));

export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: () => "field.invalidChoice" });

/** Checkboxes: nothing ticked sends nothing, one sends a string, several an array. */
export const ticked = <T extends string>(allowed: () => readonly T[]) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string({ error: () => "field.invalidChoice" }))
      .max(50, { message: "field.invalidChoice" })
      .refine((values) => values.every((v) => (allowed() as readonly string[]).includes(v)), {
        message: "field.invalidChoice",
      })
      .transform((values) => [...new Set(values)] as T[]),
  );

export const date = () =>
  text(10)
    .min(1, { message: "field.required", abort: true })
    .refine(isIsoDate, { message: "field.date", abort: true });

export const str = (v: unknown): string => (typeof v === "string" ? v.trim() : "");
export const always = { when: () => true };

