/**
 * A user's own account: choosing their own password. An admin chooses the first one (and any
 * reset); until the user has chosen their own, every page sends them here first (requireUser).
 */
import { eq } from "drizzle-orm";

import type { Db } from "../../db/client";
import { adminLog, sessions, users } from "../../db/schema";
import { ACCOUNT_THROTTLE } from "../auth/login.server";
import { hashPassword, verifyPassword } from "../auth/password.server";
import { reset, throttle } from "../auth/rate-limit.server";
import { createSession, type SessionUser } from "../auth/session.server";

export type OwnPasswordResult =
  | { ok: true; setCookie: string }
  | { ok: false; reason: "wrongCurrent" }
  | { ok: false; reason: "rateLimited"; retryAfterSeconds: number };

/**
 * Checks the current password (each try counted with the account's sign-in tries, before the
 * check, so the form is no way around the login limit), then stores the new one. Every session
 * of the account ends, this browser's too, and a new one starts: a session opened with the old
 * password, perhaps by someone else, is closed. The admin log records it (never the password).
 */
export async function changeOwnPassword(
  db: Db,
  user: SessionUser,
  input: { current: string; password: string },
  now: Date = new Date(),
): Promise<OwnPasswordResult> {
  const accountKey = `login-account:${user.email.trim().toLowerCase()}`;
  const allowed = await throttle(db, accountKey, ACCOUNT_THROTTLE, now);
  if (!allowed.allowed) return { ok: false, reason: "rateLimited", retryAfterSeconds: allowed.retryAfterSeconds };
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id)).limit(1);
  if (!row || !(await verifyPassword(row.hash, input.current))) return { ok: false, reason: "wrongCurrent" };
  await reset(db, accountKey);
  // Hash outside the transaction: argon2 takes a while and needs no lock.
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangeRequired: false }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await tx.insert(adminLog).values({
      actorId: user.id,
      actorName: user.name,
      action: "ownPasswordChanged",
      targetUserId: user.id,
      detail: {},
      at: now,
    });
  });
  return { ok: true, setCookie: await createSession(db, user.id) };
}
