import { causeChain, errorCode, logger } from "./logger.server";

/**
 * Whether the database is reachable, as this process last saw it. A connection error marks
 * it down; from then on a probe runs every half second and requests get a 503 page at once
 * (instead of each waiting for a connection) until the probe succeeds. Kept on globalThis:
 * the server and the Remix build are separate module graphs.
 */
type State = { down: boolean; since: number; probe?: () => Promise<unknown>; timer?: NodeJS.Timeout };
const key = "__varnaDbOutage" as const;
const store = globalThis as unknown as { [key]?: State };
const state: State = (store[key] ??= { down: false, since: 0 });

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, failing over)
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

/** True for errors that mean "no database connection", including postgres.js' own internals. */
export function isConnectionError(error: unknown): boolean {
  const code = errorCode(error);
  if (code && CONNECTION_CODES.has(code)) return true;
  // postgres.js can throw from a dropped socket outside any query (a write after close);
  // drizzle wraps what a query gets in its own error, the driver's as the cause.
  for (const e of causeChain(error)) {
    if (e instanceof TypeError && /[\\/]postgres[\\/](cjs[\\/])?src[\\/]connection\.js/.test(e.stack ?? "")) return true;
  }
  return false;
}

/** The server gives the probe once it has opened the database. */
export function setDatabaseProbe(probe: () => Promise<unknown>): void {
  state.probe = probe;
}

export function databaseDown(): boolean {
  return state.down;
}

/** Called with every error a request or the driver raised; connection errors mark an outage. */
export function noteDatabaseError(error: unknown): boolean {
  if (!isConnectionError(error)) return false;
  if (!state.down) {
    state.down = true;
    state.since = Date.now();
    logger.warn({ code: errorCode(error) ?? "driver" }, "database unreachable: answering 503 until it is back");
    startProbing();
  }
  return true;
}

function startProbing() {
  if (state.timer || !state.probe) return;
  let running = false;
  state.timer = setInterval(() => {
    if (running || !state.probe) return;
    running = true;
    // A probe stuck on a half-open connection must not stop the probing: 2 s each.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("probe timeout")), 2_000);
    });
    Promise.race([state.probe(), timeout])
      .finally(() => clearTimeout(timer))
      .then(() => {
        logger.info({ downMs: Date.now() - state.since }, "database reachable again");
        state.down = false;
        clearInterval(state.timer);
        state.timer = undefined;
      })
      .catch(() => {})
      .finally(() => (running = false));
  }, 500);
  state.timer.unref();
}
