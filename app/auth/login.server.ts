import { and, count, eq, gt, inArray, lt } from "drizzle-orm";

import type { Db } from "../../db/client";
import { loginAttempts, users } from "../../db/schema";
import { verifyPassword } from "./password.server";
import { createSession } from "./session.server";

const WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts allowed in the window before further tries are refused. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

export type LoginResult =
  | { ok: true; setCookie: string; userId: string }
  | { ok: false; reason: "failed" | "rateLimited" };

/**
 * Checks e-mail and password; limited per account and per client address so that a
 * password cannot be guessed by trying many.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; clientAddress: string },
  now = new Date(),
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const accountKey = `email:${email}`;
  const addressKey = `ip:${input.clientAddress}`;
  const since = new Date(now.getTime() - WINDOW_MS);

  const counts = await db
    .select({ key: loginAttempts.key, n: count() })
    .from(loginAttempts)
    .where(and(inArray(loginAttempts.key, [accountKey, addressKey]), gt(loginAttempts.at, since)))
    .groupBy(loginAttempts.key);
  const failures = (key: string) => counts.find((c) => c.key === key)?.n ?? 0;
  if (
    failures(accountKey) >= MAX_FAILURES_PER_ACCOUNT ||
    failures(addressKey) >= MAX_FAILURES_PER_ADDRESS
  ) {
    return { ok: false, reason: "rateLimited" };
  }

  const [user] = await db
    .select({ id: users.id, hash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const valid = await verifyPassword(user?.active ? user.hash : null, input.password);
  if (!user || !valid) {
    await db.insert(loginAttempts).values([
      { key: accountKey, at: now },
      { key: addressKey, at: now },
    ]);
    // Old attempts are of no further use.
    await db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(now.getTime() - 2 * WINDOW_MS)));
    return { ok: false, reason: "failed" };
  }
  await db.delete(loginAttempts).where(eq(loginAttempts.key, accountKey));
  return { ok: true, setCookie: await createSession(db, user.id), userId: user.id };
}
