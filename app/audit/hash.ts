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
  return hashOfBody(prevHash, f, canonicalJson(f.event));
}

/** eventHash for an event read from the database as the text of its jsonb (audit:verify). */
export function eventHashOfJsonb(prevHash: string, f: Omit<HashedFields, "event">, eventJsonb: string): string {
  return hashOfBody(prevHash, f, canonicalJsonOfJsonb(eventJsonb));
}

function hashOfBody(prevHash: string, f: Omit<HashedFields, "event">, event: string): string {
  const body =
    `{${f.actorId === undefined ? "" : `"actorId":${scalar(f.actorId)},`}"actorName":${scalar(f.actorName)},` +
    `"caseId":${scalar(f.caseId)},"event":${event},"occurredAt":${scalar(f.occurredAt)},` +
    `"seq":${scalar(f.seq)},"type":${scalar(f.type)}}`;
  return sha256Hex(`${prevHash}\n${body}`);
}

/** A string field (the usual case) as JSON.stringify writes it, anything else canonically. */
const scalar = (value: unknown) => (typeof value === "string" ? JSON.stringify(value) : canonicalJson(value));

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

/**
 * canonicalJson(JSON.parse(text)) for the text PostgreSQL prints for a jsonb value, without
 * building the value: jsonb prints `{"key": value, …}` with ", " and ": " between tokens and
 * escapes strings exactly as JSON.stringify does, so only keys need sorting and numbers
 * rewriting. Anything else — a key with an escape in it, other spacing, a number JavaScript
 * cannot hold — goes the long way round, so the result is always canonicalJson's
 * (app/audit/hash.test.ts holds the two together against PostgreSQL's own output).
 */
export function canonicalJsonOfJsonb(text: string): string {
  return scanCanonical(text) ?? canonicalJson(JSON.parse(text));
}

/** The short way of canonicalJsonOfJsonb, or null where it does not go. */
export function scanCanonical(text: string): string | null {
  try {
    const scanner = { text, at: 0 };
    const out = scanValue(scanner);
    return scanner.at === text.length ? out : null;
  } catch {
    return null;
  }
}

type Scanner = { text: string; at: number };
const QUOTE = 34;
const BACKSLASH = 92;

function scanValue(s: Scanner): string | null {
  const c = s.text.charCodeAt(s.at);
  if (c === QUOTE) {
    const start = s.at;
    scanString(s);
    return s.text.slice(start, s.at);
  }
  if (c === 123 /* { */) return scanObject(s);
  if (c === 91 /* [ */) return scanArray(s);
  if (s.text.startsWith("true", s.at)) return (s.at += 4), "true";
  if (s.text.startsWith("false", s.at)) return (s.at += 5), "false";
  if (s.text.startsWith("null", s.at)) return (s.at += 4), "null";
  const start = s.at;
  while (s.at < s.text.length && /[-+.0-9eE]/.test(s.text[s.at]!)) s.at++;
  if (s.at === start) return null;
  const number = Number(s.text.slice(start, s.at));
  return Number.isFinite(number) ? JSON.stringify(number) : null;
}

/** Moves past a string; returns whether it held an escape. */
function scanString(s: Scanner): boolean {
  let escaped = false;
  for (let i = s.at + 1; i < s.text.length; i++) {
    const c = s.text.charCodeAt(i);
    if (c === BACKSLASH) {
      escaped = true;
      i++;
    } else if (c === QUOTE) {
      s.at = i + 1;
      return escaped;
    }
  }
  throw new Error("unterminated string");
}

function scanObject(s: Scanner): string | null {
  s.at++;
  if (s.text.charCodeAt(s.at) === 125 /* } */) return s.at++, "{}";
  const members: [string, string][] = [];
  for (;;) {
    if (s.text.charCodeAt(s.at) !== QUOTE) return null;
    const start = s.at;
    if (scanString(s)) return null; // a key with an escape: sorted by its decoded text, the long way
    const key = s.text.slice(start + 1, s.at - 1);
    if (!s.text.startsWith(": ", s.at)) return null;
    s.at += 2;
    const value = scanValue(s);
    if (value === null) return null;
    members.push([key, value]);
    if (s.text.startsWith(", ", s.at)) s.at += 2;
    else if (s.text.charCodeAt(s.at) === 125) break;
    else return null;
  }
  s.at++;
  members.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let out = "{";
  for (let i = 0; i < members.length; i++) out += `${i > 0 ? "," : ""}"${members[i]![0]}":${members[i]![1]}`;
  return `${out}}`;
}

function scanArray(s: Scanner): string | null {
  s.at++;
  if (s.text.charCodeAt(s.at) === 93 /* ] */) return s.at++, "[]";
  let out = "[";
  for (;;) {
    const value = scanValue(s);
    if (value === null) return null;
    out += out.length > 1 ? `,${value}` : value;
    if (s.text.startsWith(", ", s.at)) s.at += 2;
    else if (s.text.charCodeAt(s.at) === 93) break;
    else return null;
  }
  s.at++;
  return `${out}]`;
}
