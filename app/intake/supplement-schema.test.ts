import { describe, expect, it } from "vitest";

import { parseSupplementForm } from "./supplement-schema";

const KEY = "5b0c3a56-0d7c-4b6e-9a54-3c2b8a1e0f11";
const form = (fields: Record<string, string | Blob>, key: string | null = KEY) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (key !== null) f.append("idempotencyKey", key);
  return f;
};

describe("the addition forms", () => {
  it("takes a code however it is typed, and the text", () => {
    const r = parseSupplementForm(form({ code: " k7qm 2xrt-9hbw pz4d ", text: " Mer. " }), true);
    expect(r).toEqual({ ok: true, value: { code: "k7qm 2xrt-9hbw pz4d", text: "Mer.", idempotencyKey: KEY } });
  });

  it("refuses bad input beside the field with what was typed, never throwing", () => {
    const cases: [Record<string, string | Blob>, Record<string, string[]>][] = [
      [{ code: "", text: "x" }, { code: ["field.required"] }],
      [{ code: "ABC", text: "x" }, { code: ["supplement.error.codeFormat"] }],
      [{ code: "K7QM-2XRT-9HBW-PZ4D", text: "   " }, { text: ["field.required"] }],
      [{ code: "K7QM-2XRT-9HBW-PZ4D", text: "a\u0000b" }, { text: ["field.controlChars"] }],
      [{ code: "K7QM-2XRT-9HBW-PZ4D", text: "å".repeat(10_001) }, { text: ["field.tooLong"] }],
      [{ code: "K7QM-2XRT-9HBW-PZ4D", text: new Blob(["x"]) }, { text: ["field.required"] }],
      [{ text: "x" }, { code: ["field.required"] }],
    ];
    for (const [fields, errors] of cases) {
      const r = parseSupplementForm(form(fields), true);
      expect(r.ok).toBe(false);
      // The first message per field is the one shown.
      if (!r.ok) {
        const first = Object.fromEntries(Object.entries(r.result.fieldErrors).map(([k, v]) => [k, [v![0]]]));
        expect(first, JSON.stringify(fields).slice(0, 60)).toEqual(errors);
      }
    }
  });

  it("from an account needs only the text", () => {
    expect(parseSupplementForm(form({ text: "Frånvarande igen." }), false).ok).toBe(true);
  });

  it("needs the form's idempotency key; without one (or a forged one) the form is stale, what was typed kept", () => {
    for (const key of [null, "", "not-a-uuid", "'; drop table reports; --"]) {
      for (const withCode of [true, false]) {
        const r = parseSupplementForm(form({ code: "K7QM-2XRT-9HBW-PZ4D", text: "Mer." }, key), withCode);
        expect(r).toMatchObject({ ok: false, result: { formErrors: ["form.stale"], fieldErrors: {}, values: { text: "Mer." } } });
      }
    }
  });
});
