import { createHash } from "node:crypto";

import canonicalize from "canonicalize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { canonicalJson, eventHash } from "./hash";
import { isoInstant } from "./verify-cases.server";

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
