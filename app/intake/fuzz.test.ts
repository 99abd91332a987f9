/**
 * Property test: bad submissions are refused with errors a person can read, and parsing never
 * throws. Starts from a valid form and applies 1–3 random mutations, each of which alone makes
 * the form invalid. Seeded, so a failure is reproducible from the printed seed and index.
 */
import { describe, expect, it } from "vitest";

import { intakeSv } from "~/i18n/intake.sv";
import { isMessageKey, translate } from "~/i18n";

import { validIntakeFields } from "./fixtures";
import { createIntakeSchema, intakeFieldNames, MAX_LENGTHS, parseIntake } from "./schema";

const SEED = 0x5eed_2025;
const SAMPLES = 2_000;
const schema = createIntakeSchema(() => new Date("2025-06-15T10:00:00Z"));

/** mulberry32: small, fast, good enough to spread the cases. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Entry = [name: string, value: string | File];
type Rng = { pick: <T>(items: readonly T[]) => T; int: (max: number) => number };
type Mutation = { name: string; apply: (entries: Entry[], rng: Rng) => Entry[] };

const textFields = Object.keys(MAX_LENGTHS) as (keyof typeof MAX_LENGTHS)[];
const requiredFields = [
  "childName",
  "concernWhat",
  "childKnows",
  "reporterKind",
  "idempotencyKey",
  "violence",
];
const enumFields = [
  "reporterKind",
  "childKnows",
  "policeReport",
  "guardian1Knows",
  "violence",
  "anonymous",
  "childProtectedIdentity",
  "reporterSector",
];
const controlChars = [
  "\u0000",
  "\u0007",
  "\u0008",
  "\u000b",
  "\u000c",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u009f",
];
const oddValues = [
  '["private"]',
  '{"kind":"private"}',
  "null",
  "undefined",
  "true",
  "0",
  "[object Object]",
  "<script>",
];

const without = (entries: Entry[], name: string) => entries.filter(([n]) => n !== name);
const set = (entries: Entry[], name: string, value: string | File): Entry[] => [
  ...without(entries, name),
  [name, value],
];
const get = (entries: Entry[], name: string) => entries.find(([n]) => n === name)?.[1];

const mandatedFields: Entry[] = [
  ["reporterKind", "mandated"],
  ["reporterName", "Karin Berg"],
  ["reporterOrganisation", "Gullmarsskolan"],
  ["reporterTitle", "Kurator"],
  ["reporterPhone", "0523-61 30 00"],
  ["reporterSector", "school"],
];
const asMandated = (entries: Entry[]) =>
  mandatedFields.reduce((acc, [n, v]) => set(acc, n, v), without(entries, "anonymous"));

const mutations: Mutation[] = [
  { name: "drop a required field", apply: (e, r) => without(e, r.pick(requiredFields)) },
  {
    name: "blank a required field",
    apply: (e, r) => set(e, r.pick(["childName", "concernWhat"]), r.pick(["", " ", "\n\t "])),
  },
  { name: "100 kB text", apply: (e, r) => set(e, r.pick(textFields), "å".repeat(100_000)) },
  {
    name: "one over the limit",
    apply: (e, r) => {
      const f = r.pick(textFields);
      return set(e, f, "x".repeat(MAX_LENGTHS[f] + 1));
    },
  },
  {
    name: "control character",
    apply: (e, r) => {
      const f = r.pick(textFields);
      const v = get(e, f);
      const base = typeof v === "string" && v !== "" ? v : "text";
      const at = r.int(base.length + 1);
      return set(e, f, base.slice(0, at) + r.pick(controlChars) + base.slice(at));
    },
  },
  {
    name: "invalid personnummer",
    apply: (e, r) => {
      const bad = [
        "20140315-2381", // check digit
        "20230230-1235", // 30 February, check digit right
        "140315-238", // too short
        "2014031523800",
        "abcdefghij",
        "20300101-1234",
        "701093-1234",
        `${r.int(10 ** 10)}`.padStart(10, "9"),
      ];
      return set(e, "childPersonalNumber", r.pick(bad));
    },
  },
  {
    name: "repeated single-valued field",
    apply: (e, r) => {
      const f = r.pick(["reporterKind", "childName", "concernWhat", "childKnows", "idempotencyKey"]);
      return [...e, [f, get(e, f) ?? "x"]];
    },
  },
  { name: "file instead of text", apply: (e, r) => set(e, r.pick(requiredFields), new File(["x"], "x.txt")) },
  {
    name: "nested name instead of a field",
    apply: (e, r) => {
      const f = r.pick(["childName", "concernWhat", "reporterKind"]);
      return [...without(e, f), [`${f}.value`, "x"], [`${f}[0]`, "y"]];
    },
  },
  { name: "object or array as a string", apply: (e, r) => set(e, r.pick(enumFields), r.pick(oddValues)) },
  {
    name: "unknown enum value",
    apply: (e, r) => set(e, r.pick(enumFields), r.pick(["admin", "YES", "Private", "none ", "maybe", "1"])),
  },
  {
    name: "forged idempotency key",
    apply: (e, r) =>
      set(
        e,
        "idempotencyKey",
        r.pick([
          "",
          "1",
          "not-a-uuid",
          "3f2b8c1e-7d4a-4e9b-a1c2-5d6e7f8a9b0",
          "3f2b8c1e7d4a4e9ba1c25d6e7f8a9b0c",
          "' OR 1=1 --",
          "../../etc/passwd",
          "3f2b8c1e-7d4a-4e9b-a1c2-5d6e7f8a9b0g",
        ])
      ),
  },
  { name: "mandated without phone", apply: (e) => set(asMandated(e), "reporterPhone", "") },
  { name: "mandated without organisation", apply: (e) => without(asMandated(e), "reporterOrganisation") },
  { name: "mandated without role", apply: (e) => set(asMandated(e), "reporterTitle", "   ") },
  { name: "mandated without kind of organisation", apply: (e, r) => r.int(2) ? set(asMandated(e), "reporterSector", "") : without(asMandated(e), "reporterSector") },
  { name: "mandated and anonymous", apply: (e) => [...asMandated(e), ["anonymous", "on"]] },
  {
    name: "private without name",
    apply: (e) => set(set(without(e, "anonymous"), "reporterKind", "private"), "reporterName", ""),
  },
  { name: "honeypot", apply: (e, r) => set(e, "website", r.pick(["http://spam.example", "x", " "])) },
  {
    name: "bad e-mail",
    apply: (e, r) =>
      set(e, r.pick(["reporterEmail", "guardian1Email"]), r.pick(["a@", "@b.se", "a b@c.se", "a@b"])),
  },
  {
    name: "bad phone",
    apply: (e, r) =>
      set(
        e,
        r.pick(["reporterPhone", "guardian1Phone"]),
        r.pick(["12", "ring mig", "070-12a4567", "+".repeat(8)])
      ),
  },
  {
    name: "bad birth date",
    apply: (e, r) =>
      set(
        set(e, "childPersonalNumber", ""),
        "childBirthDate",
        r.pick(["2015-02-29", "2099-01-01", "14/3/2015", "2015-13-01", "1800-01-01"])
      ),
  },
  {
    name: "sibling age out of range",
    apply: (e, r) => set(e, "sibling1Age", r.pick(["26", "-1", "1.5", "100", "ett"])),
  },
  {
    name: "interpreter without language",
    apply: (e) => set(set(e, "interpreterNeeded", "on"), "interpreterLanguage", ""),
  },
  {
    name: "violence no or don't know and a kind",
    apply: (e, r) => [
      ...set(e, "violence", r.pick(["no", "unknown"])),
      ["violence", r.pick(["familyViolence", "sexualAbuse", "honourViolence"])],
    ],
  },
  {
    name: "guardian details without a name",
    apply: (e) => set(set(e, "guardian2Phone", "070-111 22 33"), "guardian2Name", ""),
  },
];

/** Harmless by themselves; added to some samples to shake the parser. */
const noise: Entry[] = [
  ["__proto__", "x"],
  ["constructor", "x"],
  ["toString", "x"],
  ["__intent__", "{not json"],
  ["__state__", "]"],
  ["unknownField", "x"],
  ["reporter.name", "x"],
];

const formFields = new Set<string>(intakeFieldNames);

function isCatalogueKey(message: string): boolean {
  // The intake.* keys join the catalogue when intake.sv.ts is merged into sv.ts.
  return isMessageKey(message) || Object.prototype.hasOwnProperty.call(intakeSv, message);
}

function swedish(message: string): string {
  return isMessageKey(message)
    ? translate("sv", message, { max: 1 })
    : intakeSv[message as keyof typeof intakeSv];
}

describe("intake schema under bad input", () => {
  it(
    `refuses ${SAMPLES} generated bad submissions with translatable errors on known fields`,
    { timeout: 120_000 },
    () => {
      const random = prng(SEED);
      const rng: Rng = {
        pick: (items) => items[Math.floor(random() * items.length)]!,
        int: (max) => Math.floor(random() * max),
      };
      const seen = new Map<string, number>();

      for (let i = 0; i < SAMPLES; i++) {
        let entries: Entry[] = Object.entries(validIntakeFields());
        const applied: string[] = [];
        for (let m = 0, n = 1 + rng.int(3); m < n; m++) {
          const mutation = rng.pick(mutations);
          entries = mutation.apply(entries, rng);
          applied.push(mutation.name);
          seen.set(mutation.name, (seen.get(mutation.name) ?? 0) + 1);
        }
        if (random() < 0.2) entries.push(rng.pick(noise));
        const label = `seed ${SEED}, sample ${i}: ${applied.join(" + ")}`;

        const formData = new FormData();
        for (const [name, value] of entries) formData.append(name, value);

        let submission: ReturnType<typeof parseIntake>;
        try {
          submission = parseIntake(formData, { schema });
        } catch (error) {
          throw new Error(`${label} threw: ${String(error)}`);
        }
        expect(submission.status, label).toBe("error");
        const errors = Object.entries(submission.status === "error" ? submission.error ?? {} : {});
        const messages = errors.flatMap(([, list]) => list ?? []);
        expect(messages.length, label).toBeGreaterThan(0);
        for (const [field, list] of errors) {
          // Every error can be shown next to a field of the form, or above it ("").
          expect(field === "" || formFields.has(field), `${label}: field ${field}`).toBe(true);
          for (const message of list ?? []) {
            expect(isCatalogueKey(message), `${label}: message ${message}`).toBe(true);
            const text = swedish(message);
            expect(text && text !== message, `${label}: Swedish for ${message}`).toBeTruthy();
          }
        }
        // The schema alone (without conform) never throws either.
        expect(() => schema.safeParse(Object.fromEntries(entries)), label).not.toThrow();
      }

      // Every kind of mutation was exercised.
      expect([...seen.keys()].sort()).toEqual(mutations.map((m) => m.name).sort());
    }
  );
});
