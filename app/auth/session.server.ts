import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomBytes } from "node:crypto";

import { createCookie, redirect } from "@remix-run/node";
import { and, eq, gt, sql } from "drizzle-orm";

import { organisations, sessions, users } from "../../db/schema";
import { builtOnce, type Db } from "../../db/client";
import { env } from "../env.server";
import type { Role } from "./roles";

const SESSION_HOURS = 10;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  unitId: string | null;
  phone: string | null;
  organisation: string | null;
  title: string | null;
  mandatedReporter: boolean;
  /** An admin chose the password: every page but the account page sends them there first. */
  passwordChangeRequired: boolean;
};

let cookie: ReturnType<typeof createCookie> | undefined;

/** The cookie holds only a random session token; the session itself is a database row. */
export function sessionCookie() {
  return (cookie ??= createCookie("varna_session", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    // Marked Secure by the server whenever the request came over TLS in production
    // (app/server/remix-handler.server.ts), so a plain-HTTP localhost still works.
    secure: false,
    secrets: env().sessionSecrets,
    maxAge: SESSION_HOURS * 60 * 60,
  }));
}

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(db: Db, userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({
    id: digest(token),
    userId,
    expiresAt: new Date(Date.now() + SESSION_HOURS * 60 * 60 * 1000),
  });
  return sessionCookie().serialize(token);
}

async function tokenOf(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/**
 * A page's loaders (the root's and the route's, run side by side) each ask who is signed in.
 * Within one reading request they share one lookup; a request that changes something (a
 * POST, whose action may sign in, out or deactivate) looks up afresh every time.
 */
const lookups = new AsyncLocalStorage<Map<string, Promise<SessionUser | null>>>();

/** Runs a GET or HEAD request's handling with one session lookup per token. */
export function sharingSessionLookups<T>(method: string, handle: () => T): T {
  return method === "GET" || method === "HEAD" ? lookups.run(new Map(), handle) : handle();
}

export async function getSessionUser(db: Db, request: Request): Promise<SessionUser | null> {
  const token = await tokenOf(request);
  if (!token) return null;
  const shared = lookups.getStore();
  if (!shared) return lookUpSession(db, token);
  let lookup = shared.get(token);
  if (!lookup) {
    lookup = lookUpSession(db, token);
    shared.set(token, lookup);
  }
  return lookup;
}

/** The signed-in user of a session that has not expired (every request asks: built once). */
const sessionUser = builtOnce((db) =>
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      unitId: users.unitId,
      phone: users.phone,
      organisation: organisations.name,
      title: users.title,
      mandatedReporter: users.mandatedReporter,
      passwordChangeRequired: users.passwordChangeRequired,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(sessions.id, sql.placeholder("id")), gt(sessions.expiresAt, sql.placeholder("now")), eq(users.active, true)))
    .limit(1)
    .prepare("session_user"),
);

async function lookUpSession(db: Db, token: string): Promise<SessionUser | null> {
  const [row] = await sessionUser(db).execute({ id: digest(token), now: new Date().toISOString() });
  return row ?? null;
}

/** Ends the session in the database (revoking it) and returns the header that clears the cookie. */
export async function destroySession(db: Db, request: Request): Promise<string> {
  const token = await tokenOf(request);
  if (token) await db.delete(sessions).where(eq(sessions.id, digest(token)));
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** The account page, where a user changes their own password. */
export const ACCOUNT_PAGE = "/konto";

/**
 * The role check every protected page uses: no session → to the sign-in page (and back
 * afterwards); a password an admin chose → to the account page to choose one's own (and back
 * afterwards); the wrong role → 403. `ownPassword`: the account page itself, which lets them in.
 */
export async function requireUser(
  db: Db,
  request: Request,
  allowed: readonly Role[],
  options: { ownPassword?: boolean } = {},
): Promise<SessionUser> {
  const user = await getSessionUser(db, request);
  const url = new URL(request.url);
  const back = encodeURIComponent(url.pathname + url.search);
  if (!user) throw redirect(`/logga-in?redirectTo=${back}`);
  if (user.passwordChangeRequired && !options.ownPassword) throw redirect(`${ACCOUNT_PAGE}?redirectTo=${back}`);
  if (!allowed.includes(user.role)) {
    throw new Response("Forbidden", { status: 403 });
  }
  return user;
}
