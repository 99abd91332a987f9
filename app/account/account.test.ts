/**
 * Choosing one's own password: an admin's password (a new account, a reset) lets the user in
 * only to choose their own; the change needs the current password, counts wrong tries with the
 * sign-in limit, ends every session opened with the old one, and is logged without the password.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { adminLog, sessions, users } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { createStaff } from "../../test/testing.server";
import { performAdminHomeAction, performAdminUserAction } from "../admin/admin-pages.server";
import { login } from "../auth/login.server";
import { createSession, getSessionUser, requireUser, type SessionUser } from "../auth/session.server";
import { signedInReporter } from "../intake/intake-page.server";
import { ensureDefaultUnit } from "../units.server";
import { changeOwnPassword } from "./account.server";
import { ownPasswordSchema } from "./schema";

process.env.SESSION_SECRET ??= "account-test-secret";

const FIRST = "adminens-forsta-losenord";
const OWN = "mitt eget långa lösenord";

describe.each(testDatabaseKinds())("one's own password (%s)", (kind) => {
  let t: TestDatabase;
  let admin: SessionUser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    unitId = await ensureDefaultUnit(t.db);
    admin = await createStaff(t.db, unitId, "admin", "Per Admin");
  });
  afterAll(() => t.drop());

  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };
  const request = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie.split(";")[0]! } });
  const signIn = async (email: string, password: string) => login(t.db, { email, password, clientAddress: "10.0.0.9" });

  async function newCaseworker(email: string): Promise<SessionUser> {
    const created = await performAdminHomeAction(t.db, admin, form({ email, password: FIRST, name: "Nora Ny", role: "caseworker", unitId, phone: "0523-61 30 10" }));
    expect(created).toMatchObject({ ok: true });
    const signedIn = await signIn(email, FIRST);
    if (!signedIn.ok) throw new Error("could not sign in");
    return (await getSessionUser(t.db, request("/", signedIn.setCookie)))!;
  }

  it("a new account's admin-chosen password opens only the account page, until the user has chosen their own", async () => {
    const signedIn = await signIn("nora@lysekil.se", FIRST);
    expect(signedIn.ok).toBe(false);
    await newCaseworker("nora@lysekil.se");
    const first = await signIn("nora@lysekil.se", FIRST);
    if (!first.ok) throw new Error("no session");
    const redirected = await requireUser(t.db, request("/arenden?q=Adam", first.setCookie), ["caseworker"]).catch((r: Response) => r);
    expect(redirected).toBeInstanceOf(Response);
    expect((redirected as Response).headers.get("Location")).toBe("/konto?redirectTo=%2Farenden%3Fq%3DAdam");
    expect((await requireUser(t.db, request("/konto", first.setCookie), ["caseworker"], { ownPassword: true })).email).toBe("nora@lysekil.se");

    const user = (await getSessionUser(t.db, request("/", first.setCookie)))!;
    const changed = await changeOwnPassword(t.db, user, { current: FIRST, password: OWN });
    if (!changed.ok) throw new Error(changed.reason);
    // Every session opened with the old password is over; the new one goes on.
    expect(await getSessionUser(t.db, request("/", first.setCookie))).toBeNull();
    expect((await requireUser(t.db, request("/arenden", changed.setCookie), ["caseworker"])).email).toBe("nora@lysekil.se");
    expect((await signIn("nora@lysekil.se", FIRST)).ok).toBe(false);
    expect((await signIn("nora@lysekil.se", OWN)).ok).toBe(true);
    const [logged] = await t.db.select().from(adminLog).where(eq(adminLog.action, "ownPasswordChanged"));
    expect(logged).toMatchObject({ actorId: user.id, targetUserId: user.id, detail: {} });
    expect(JSON.stringify(logged)).not.toContain(OWN);
  });

  it("a wrong current password changes nothing and counts as a sign-in try", async () => {
    const user = await newCaseworker("olle@lysekil.se");
    const [before] = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    const tries = [];
    for (let i = 0; i < 6; i += 1) tries.push(await changeOwnPassword(t.db, user, { current: "fel-losenord-123", password: OWN }));
    expect(tries.slice(0, 5).map((r) => !r.ok && r.reason)).toEqual(Array(5).fill("wrongCurrent"));
    // Then the account's sign-in limit: the same as guessing at the sign-in page.
    expect(tries[5]).toMatchObject({ ok: false, reason: "rateLimited" });
    expect(await signIn("olle@lysekil.se", FIRST)).toMatchObject({ ok: false, reason: "rateLimited" });
    const [after] = await t.db.select({ hash: users.passwordHash, required: users.passwordChangeRequired }).from(users).where(eq(users.id, user.id));
    expect(after).toEqual({ hash: before!.hash, required: true });
  });

  it("an admin's reset asks for a new own password again and ends the sessions", async () => {
    const user = await newCaseworker("pia@lysekil.se");
    const changed = await changeOwnPassword(t.db, user, { current: FIRST, password: OWN });
    expect(changed.ok).toBe(true);
    expect(await performAdminUserAction(t.db, admin, user.id, form({ intent: "resetPassword", password: "nytt-fran-admin-1" }))).toMatchObject({ ok: true });
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    const [row] = await t.db.select({ required: users.passwordChangeRequired }).from(users).where(eq(users.id, user.id));
    expect(row!.required).toBe(true);
  });

  it("the demo's and the tests' accounts are not asked (their password is not an admin's secret)", async () => {
    const cookie = await createSession(t.db, admin.id);
    expect((await requireUser(t.db, request("/admin", cookie), ["admin"])).id).toBe(admin.id);
  });

  it("a reporter still on the admin's password sends no report in the account's name", async () => {
    const created = await performAdminHomeAction(t.db, admin, form({ email: "kurator@skolan.se", password: FIRST, name: "Kim Kurator", role: "reporter" }));
    expect(created).toMatchObject({ ok: true });
    const signedIn = await signIn("kurator@skolan.se", FIRST);
    if (!signedIn.ok) throw new Error("no session");
    const reporter = (await getSessionUser(t.db, request("/anmalan", signedIn.setCookie)))!;
    expect(signedInReporter(reporter)).toBeNull();
    const changed = await changeOwnPassword(t.db, reporter, { current: FIRST, password: OWN });
    if (!changed.ok) throw new Error(changed.reason);
    expect(signedInReporter((await getSessionUser(t.db, request("/anmalan", changed.setCookie)))!)?.email).toBe("kurator@skolan.se");
  });

  it("the form says in Swedish what is wrong, beside the field", () => {
    const errors = (fields: Record<string, string>) => {
      const r = ownPasswordSchema.safeParse(fields);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(errors({ current: FIRST, password: "kort", repeat: "kort" })).toEqual({ password: "admin.passwordShort" });
    expect(errors({ current: FIRST, password: OWN, repeat: `${OWN}!` })).toEqual({ repeat: "account.repeatMismatch" });
    expect(errors({ current: OWN, password: OWN, repeat: OWN })).toEqual({ password: "account.samePassword" });
    expect(errors({ current: "", password: OWN, repeat: OWN })).toEqual({ current: "field.required" });
    expect(errors({ current: FIRST, password: OWN, repeat: OWN })).toEqual({});
  });
});
