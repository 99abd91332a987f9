import { eq } from "drizzle-orm";

import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { verifyPassword } from "./password.server";
import { block, giveBack, pruneRateLimits, reset, throttle, type Block, type Throttle } from "./rate-limit.server";
import { createSession } from "./session.server";

/**
 * Per account: 5 tries at once, then one try per delay that doubles from 1 s up to a minute
 * — guessing becomes slow, while the real user is only ever asked to wait (no lockout).
 * The count starts again after 15 minutes without tries, and when the owner signs in.
 */
export const ACCOUNT_THROTTLE: Throttle = { free: 5, baseSeconds: 1, maxSeconds: 60, quietSeconds: 15 * 60 };
/** Per address: 30 failed tries in 15 minutes, then refused until the window ends (a sign-in gives its try back). */
export const ADDRESS_BLOCK: Block = { max: 30, windowSeconds: 15 * 60 };

export type LoginResult =
  | { ok: true; setCookie: string; userId: string }
  | { ok: false; reason: "failed" }
  | { ok: false; reason: "rateLimited"; retryAfterSeconds: number };

/**
 * Checks e-mail and password. Every try is counted (atomically, across server processes)
 * BEFORE the password is checked, so concurrent guesses cannot pass the limits together.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; clientAddress: string },
  now = new Date(),
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const accountKey = `login-account:${email}`;

  const addressKey = `login-address:${input.clientAddress}`;
  const byAddress = await block(db, addressKey, ADDRESS_BLOCK, now);
  if (!byAddress.allowed) return { ok: false, reason: "rateLimited", retryAfterSeconds: byAddress.retryAfterSeconds };
  const byAccount = await throttle(db, accountKey, ACCOUNT_THROTTLE, now);
  if (!byAccount.allowed) return { ok: false, reason: "rateLimited", retryAfterSeconds: byAccount.retryAfterSeconds };

  const [user] = await db
    .select({ id: users.id, hash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const valid = await verifyPassword(user?.active ? user.hash : null, input.password);
  if (!user || !valid) return { ok: false, reason: "failed" };

  await reset(db, accountKey);
  // Counted before the check, so concurrent guesses cannot slip through; a real sign-in gives its try back.
  await giveBack(db, addressKey);
  if (Math.random() < 0.05) await pruneRateLimits(db, now);
  return { ok: true, setCookie: await createSession(db, user.id), userId: user.id };
}
