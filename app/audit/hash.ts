import crypto from "node:crypto";

/**
 * Hex SHA-256 of a text (UTF-8). crypto.hash (Node ≥ 20.12) skips making a Hash object: a third
 * faster, which counts a million times a run in audit:verify.
 */
export const sha256Hex: (text: string) => string =
  typeof crypto.hash === "function"
    ? (text) => crypto.hash("sha256", text, "hex")
    : (text) => crypto.createHash("sha256").update(text).digest("hex");

/** The chain of a case starts from this value, so a case's first event is bound to its id. */
export function genesisHash(caseId: string): string {
  return sha256Hex(`varna:case:${caseId}`);
}

export type HashedFields = {
  caseId: string;
  seq: number;
  type: string;
  event: unknown;
  actorId: string | null;
  actorName: string;
  occurredAt: string; // ISO instant
};

/**
 * SHA-256 over the previous hash and the RFC 8785 (JCS) canonical JSON of the event, so
 * anyone can recompute the chain from an export without this code. The seven fields are
 * written in their canonical (sorted) order directly: the same text as canonicalJson(fields).
 */
export function eventHash(prevHash: string, f: HashedFields): string {
  const body =
    `{${f.actorId === undefined ? "" : `"actorId":${canonicalJson(f.actorId)},`}"actorName":${canonicalJson(f.actorName)},` +
    `"caseId":${canonicalJson(f.caseId)},"event":${canonicalJson(f.event)},"occurredAt":${canonicalJson(f.occurredAt)},` +
    `"seq":${canonicalJson(f.seq)},"type":${canonicalJson(f.type)}}`;
  return sha256Hex(`${prevHash}\n${body}`);
}

/**
 * RFC 8785 (JCS) canonical JSON: object keys sorted by UTF-16 code units, no whitespace,
 * strings and numbers as ECMAScript's JSON.stringify writes them; like JSON.stringify, keys
 * whose value is undefined are left out, undefined in an array is null, and toJSON() is used.
 * The same output as the `canonicalize` package (app/audit/hash.test.ts holds them to it), in a
 * plain loop: audit:verify runs this once per event, a million times a run.
 */
export function canonicalJson(value: unknown): string {
  const text = canonical(value);
  if (text === undefined) throw new Error("the value is not serialisable as JSON");
  return text;
}

// Object keys as written ("key":), remembered: events repeat the same few dozen keys.
const writtenKeys = new Map<string, string>();

function canonical(value: unknown): string | undefined {
  if (value === null) return "null";
  const type = typeof value;
  if (type === "string") return JSON.stringify(value);
  if (type === "object") {
    if (Array.isArray(value)) {
      let out = "[";
      for (let i = 0; i < value.length; i++) {
        if (i > 0) out += ",";
        out += canonical(value[i]) ?? "null";
      }
      return `${out}]`;
    }
    if (typeof (value as { toJSON?: unknown }).toJSON === "function") return canonical((value as { toJSON(): unknown }).toJSON());
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    for (let i = 1; i < keys.length; i++) {
      if (keys[i - 1]! > keys[i]!) {
        keys.sort();
        break;
      }
    }
    let out = "{";
    for (const key of keys) {
      const text = canonical(object[key]);
      if (text === undefined) continue;
      let written = writtenKeys.get(key);
      if (written === undefined) {
        written = `${JSON.stringify(key)}:`;
        if (writtenKeys.size < 10_000) writtenKeys.set(key, written);
      }
      out += out.length > 1 ? `,${written}${text}` : `${written}${text}`;
    }
    return `${out}}`;
  }
  if (type === "number") {
    if (!Number.isFinite(value)) throw new Error(`${String(value)} is not allowed in canonical JSON`);
    return JSON.stringify(value);
  }
  if (type === "boolean") return value ? "true" : "false";
  return undefined; // undefined, functions, symbols: left out (null in an array)
}
