import pino, { type Logger } from "pino";

/**
 * The one logger: JSON lines on stdout. It is given only what is safe to keep — methods,
 * route patterns, statuses, times, request ids, error types and codes. Never bodies, query
 * strings, names, personnummer or receipt ids; the redaction below is the second line of
 * defence for fields someone adds by mistake.
 */
const key = "__varnaLogger" as const;
const store = globalThis as unknown as { [key]?: Logger };

export const logger: Logger = (store[key] ??= pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: {
    paths: [
      "req",
      "body",
      "query",
      "params",
      "headers",
      "cookie",
      "url",
      "*.body",
      "*.query",
      "*.params",
      "*.headers",
      "*.cookie",
      "*.url",
      "*.password",
      "*.email",
      "*.name",
      "*.personalNumber",
      "err.message",
    ],
    censor: "[redacted]",
  },
}));

/** An error and what caused it, outermost first (drizzle's error wraps the driver's), at most five deep. */
export function* causeChain(error: unknown): Generator<unknown> {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) yield e;
}

/** SQLSTATE (e.g. "40P01"), a socket errno ("ECONNRESET") or postgres.js' own code. */
export function errorCode(error: unknown): string | undefined {
  for (const e of causeChain(error)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z0-9_]{1,40}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * The name of the statement that failed, e.g. "insert reports" — from the SQL text, which
 * has placeholders, never from the parameters (drizzle's error message carries every one).
 */
export function statementName(error: unknown): string | undefined {
  for (const e of causeChain(error)) {
    const query = (e as { query?: unknown }).query;
    if (typeof query !== "string") continue;
    const q = query.replace(/\s+/g, " ").trim();
    const write = /^(insert into|update|delete from) "?([a-z_][a-z0-9_]*)"?/i.exec(q);
    if (write) return `${write[1]!.split(" ")[0]!.toLowerCase()} ${write[2]}`;
    const read = /^(select|with)\b.*? from "?([a-z_][a-z0-9_]*)"?/i.exec(q);
    if (read) return `select ${read[2]}`;
    const verb = /^([a-z]+)/i.exec(q);
    return verb ? verb[1]!.toLowerCase() : "sql";
  }
  return undefined;
}

/**
 * What may be logged of an error: its type, code, the failed statement's name and where it
 * was thrown. Not its message: a database error's message holds the query's parameters.
 */
export function safeError(error: unknown): { type: string; code?: string; statement?: string; at?: string[] } {
  const type = error instanceof Error ? error.constructor.name : typeof error;
  const stack = error instanceof Error && typeof error.stack === "string" ? error.stack : "";
  const at = stack
    .split("\n")
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 8)
    .map((l) => l.trim().replace(/\(file:\/\/[^)]*?\/(node_modules|app|build|db|server)/, "($1"));
  return {
    type,
    ...(errorCode(error) ? { code: errorCode(error) } : {}),
    ...(statementName(error) ? { statement: statementName(error) } : {}),
    ...(at.length ? { at } : {}),
  };
}
