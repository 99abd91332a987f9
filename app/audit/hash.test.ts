import { createHash } from "node:crypto";

import canonicalize from "canonicalize";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase, type Database } from "../../db/client";
import { testDatabaseKinds } from "../../db/testing";
import { canonicalJson, canonicalJsonOfJsonb, eventHash, scanCanonical } from "./hash";
import { isoInstant } from "./digests.server";

// The hash chain is published as "SHA-256 over JCS (RFC 8785)", and outsiders recompute it
// with other JCS implementations (the README's verifier, the `canonicalize` package): ours must
// write exactly the same bytes for every value, or an export would not verify.
describe("canonical JSON of an event", () => {
  it("is byte for byte what the canonicalize package writes, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2_000 },
    );
  });

  it("is the same for values as the app builds them: undefined fields left out, dates as ISO text", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.constant(undefined), fc.date({ noInvalidDate: true }), fc.jsonValue(), fc.array(fc.option(fc.constant(undefined))))),
        (value) => {
          expect(canonicalJson(value)).toBe(canonicalize(value));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("sorts keys by UTF-16 code units and escapes as JSON.stringify does", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "å\n\"x\""], "€": 1e21, "\u{1F600}": 0.1, A: -0 })).toBe(
      '{"A":0,"a":[true,null,"å\\n\\"x\\""],"b":1,"€":1e+21,"\u{1F600}":0.1}',
    );
  });
});

describe("an event's hash", () => {
  it("is SHA-256 over the previous hash, a line break and the canonical JSON of its seven fields", () => {
    const fields = fc.record({
      caseId: fc.uuid(),
      seq: fc.integer({ min: 1, max: 1_000_000 }),
      type: fc.string(),
      event: fc.jsonValue(),
      actorId: fc.option(fc.uuid(), { nil: null }),
      actorName: fc.string(),
      occurredAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    });
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 }), fields, (prev, f) => {
        expect(eventHash(prev, f)).toBe(createHash("sha256").update(`${prev}\n${canonicalize(f)}`).digest("hex"));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("an event's instant as PostgreSQL prints it", () => {
  it("is read back as the ISO text it was hashed with, to the millisecond", () => {
    expect(isoInstant("2026-03-01 08:00:00+00")).toBe("2026-03-01T08:00:00.000Z");
    expect(isoInstant("2026-03-01 08:00:00.1+00")).toBe("2026-03-01T08:00:00.100Z");
    expect(isoInstant("2026-03-01 08:00:00.123+00")).toBe("2026-03-01T08:00:00.123Z");
    expect(isoInstant("2026-03-01 08:00:00.123456+00")).toBe("2026-03-01T08:00:00.123Z");
    // Not a UTC session: still the same instant.
    expect(isoInstant("2026-03-01 09:00:00.5+01")).toBe("2026-03-01T08:00:00.500Z");
    expect(() => isoInstant("yesterday")).toThrow(/cannot read the instant/);
  });
});

// audit:verify writes an event's canonical JSON straight from the text PostgreSQL prints for
// its jsonb, without parsing it: for every value that text must give exactly what parsing
// and canonicalising gives, or a stored event would seem altered (or an altered one intact).
describe.each(testDatabaseKinds())("canonical JSON from PostgreSQL's jsonb text (%s)", (kind) => {
  let database: Database | undefined;
  beforeAll(async () => {
    database = kind === "postgres" ? await openDatabase({ url: process.env.TEST_DATABASE_URL!, max: 1 }) : await openDatabase({ memory: true });
  });
  afterAll(() => database?.close());

  it("is canonicalJson of the parsed value, for any JSON value jsonb can hold", async () => {
    const storable = fc.jsonValue({ stringUnit: "grapheme" }).filter((v) => !JSON.stringify(v).includes("\\u0000"));
    await fc.assert(
      fc.asyncProperty(fc.array(storable, { minLength: 1, maxLength: 20 }), async (values) => {
        const rows = await database!.rows<{ text: string }>(
          `select value::text as text from jsonb_array_elements($1::jsonb) value`,
          [JSON.stringify(values)],
        );
        for (const { text } of rows) expect(canonicalJsonOfJsonb(text)).toBe(canonicalJson(JSON.parse(text)));
      }),
      { numRuns: 150 },
    );
  });

  it("takes the short way (no parsing) for every value whose keys need no escaping", async () => {
    const key = fc.string({ unit: fc.constantFrom(..."abcAB_-1 åÖ€😀!#"), maxLength: 6 });
    const value = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof({ depthSize: "small" }, fc.jsonValue({ maxDepth: 0, stringUnit: "grapheme" }), fc.array(tie("v"), { maxLength: 4 }), fc.dictionary(key, tie("v"), { maxKeys: 5 })),
    })).v.filter((v) => !JSON.stringify(v).includes("\\u0000"));
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        const [{ text }] = (await database!.rows<{ text: string }>(`select $1::jsonb::text as text`, [JSON.stringify(v)])) as [{ text: string }];
        expect(scanCanonical(text)).toBe(canonicalJson(JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });

  it("is canonicalJson for events as Värna stores them, escapes and all", async () => {
    const event = { type: "NOTE_ADDED", at: "2026-03-01T08:00:00.000Z", actor: { id: "u", name: "Åsa \"Ö\" Nilsson", role: "caseworker" }, text: "rad 1\nrad 2\t\\ \u0001 € 😀", n: [1.5, -0, 1e21, 100, 0.000001], "k\"ey": { "": true, a: null, A: [] } };
    const [{ text }] = (await database!.rows<{ text: string }>(`select $1::jsonb::text as text`, [JSON.stringify(event)])) as [{ text: string }];
    expect(canonicalJsonOfJsonb(text)).toBe(canonicalize(event));
  });
});
