import { createHash } from "node:crypto";

import { eq, sql } from "drizzle-orm";

import type { Db } from "../../db/client";
import { rateLimits } from "../../db/schema";

/**
 * Rate limits kept in the database, so that every server process counts against the same
 * rows. Each decision is ONE statement (insert … on conflict do update … returning): the
 * row is locked while it is counted, so N concurrent attempts count as N, on PostgreSQL and
 * on PGlite alike. Nothing is read first and written later.
 */

export type Throttle = {
  /** attempts let through at once before the delay starts */
  free: number;
  /** the first delay, doubled for every further attempt */
  baseSeconds: number;
  maxSeconds: number;
  /** the count starts again after this long without attempts */
  quietSeconds: number;
};

export type Block = {
  /** attempts allowed per window; further ones are refused until the window ends */
  max: number;
  windowSeconds: number;
};

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * Progressive delay (for an account): the first `free` attempts go through; after that one
 * attempt is let through per delay, and the delay doubles each time up to `maxSeconds`.
 * Attempts made during the delay are refused without being checked and do not lengthen it,
 * so the real user is slowed — never locked out for long.
 */
export async function throttle(db: Db, key: string, rule: Throttle, now = new Date()): Promise<LimitDecision> {
  const k = hashKey(key);
  const at = now.toISOString();
  // hits after this attempt: 1 when the key has been quiet long enough, else one more.
  const fresh = sql`r.next_at <= ${at}::timestamptz - make_interval(secs => ${rule.quietSeconds})`;
  const hits = sql`(case when ${fresh} then 1 else r.hits + 1 end)`;
  const delay = (n: SQL) =>
    sql`make_interval(secs => case when ${n} < ${rule.free} then 0 else least(${rule.maxSeconds}::float8, ${rule.baseSeconds}::float8 * power(2, ${n} - ${rule.free})) end)`;
  const result = await db.execute(sql`
    insert into rate_limits as r (key, hits, window_start, next_at)
    values (${k}, 1, ${at}::timestamptz, ${at}::timestamptz + ${delay(sql`1`)})
    on conflict (key) do update set
      hits = ${hits},
      window_start = case when ${fresh} then ${at}::timestamptz else r.window_start end,
      next_at = ${at}::timestamptz + ${delay(hits)}
    where r.next_at <= ${at}::timestamptz
    returning r.hits`);
  if (rowsOf(result).length > 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: await secondsUntilNext(db, k, now) };
}

/** A fixed window (for an address): up to `max` attempts, then refused until it ends. */
export async function block(db: Db, key: string, rule: Block, now = new Date()): Promise<LimitDecision> {
  const k = hashKey(key);
  const at = now.toISOString();
  const expired = sql`r.window_start <= ${at}::timestamptz - make_interval(secs => ${rule.windowSeconds})`;
  const result = await db.execute(sql`
    insert into rate_limits as r (key, hits, window_start, next_at)
    values (${k}, 1, ${at}::timestamptz, ${at}::timestamptz)
    on conflict (key) do update set
      hits = case when ${expired} then 1 else r.hits + 1 end,
      window_start = case when ${expired} then ${at}::timestamptz else r.window_start end,
      next_at = ${at}::timestamptz
    returning r.hits, r.window_start`);
  const [row] = rowsOf<{ hits: number | string; window_start: string | Date }>(result);
  if (!row || Number(row.hits) <= rule.max) return { allowed: true };
  const ends = new Date(row.window_start).getTime() + rule.windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) };
}

/**
 * Takes one attempt back from a window (e.g. an address's, once the attempt proved to be its
 * owner signing in): only failures fill it, so an office behind one address is not locked out.
 */
export async function giveBack(db: Db, key: string): Promise<void> {
  await db.execute(sql`update rate_limits set hits = greatest(hits - 1, 0) where key = ${hashKey(key)}`);
}

/** Forgets a key, e.g. an account's delay once its owner has signed in. */
export async function reset(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, hashKey(key)));
}

/** Rows nobody has touched for a day are of no further use. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<void> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString();
  await db.execute(sql`delete from rate_limits where next_at < ${dayAgo}::timestamptz and window_start < ${dayAgo}::timestamptz`);
}

async function secondsUntilNext(db: Db, k: string, now: Date): Promise<number> {
  const [row] = await db.select({ nextAt: rateLimits.nextAt }).from(rateLimits).where(eq(rateLimits.key, k));
  const ms = row ? row.nextAt.getTime() - now.getTime() : 1000;
  return Math.max(1, Math.ceil(ms / 1000));
}

type SQL = ReturnType<typeof sql>;
