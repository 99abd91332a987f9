import { sql } from "drizzle-orm";

import type { Db } from "../../db/client";
import { attemptCounters } from "../../db/schema";

/**
 * Counts one try under `key` in a fixed window and returns the count including it. One
 * upsert statement, so tries made at once — from several server processes too — each
 * count: N concurrent tries give counts 1…N, never N times 1.
 *
 * (A small limiter of its own for the report codes; the sign-in limiter lives in app/auth.)
 */
export async function countAttempt(db: Db, key: string, windowMs: number, now: Date = new Date()): Promise<number> {
  const windowStart = sql`${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(attemptCounters)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: attemptCounters.key,
      set: {
        count: sql`case when ${attemptCounters.windowStart} <= ${windowStart} then 1 else ${attemptCounters.count} + 1 end`,
        windowStart: sql`case when ${attemptCounters.windowStart} <= ${windowStart} then ${at} else ${attemptCounters.windowStart} end`,
      },
    })
    .returning({ count: attemptCounters.count });
  return row!.count;
}
