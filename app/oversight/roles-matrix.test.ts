/**
 * The role × page × action matrix for auditors and admins, through the real route modules
 * (loader and action with a real session cookie, against a real database): every write an
 * auditor tries is refused and changes nothing; an admin never gets a case's contents;
 * a deactivated user is signed out on the next request.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { accessLog, adminLog, caseEvents, cases, letters, sessions, users } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import type { Role } from "../auth/roles";
import { createSession, type SessionUser } from "../auth/session.server";
import { changeOwnPassword } from "../account/account.server";
import { createStaff, report } from "../../test/testing.server";
import { ensureDefaultUnit } from "../units.server";

process.env.SESSION_SECRET ??= "matrix-test-secret";

type Args = { request: Request; params: Record<string, string>; context: { clientAddress: string } };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RouteModule = { loader?: (args: any) => Promise<unknown>; action?: (args: any) => Promise<unknown> };

const routes = {
  inbox: () => import("../routes/arenden._index"),
  casePage: () => import("../routes/arenden.$caseId"),
  caseLetter: () => import("../routes/arenden.$caseId.brev.$letterId"),
  audit: () => import("../routes/granskning._index"),
  auditCase: () => import("../routes/granskning.arenden.$caseId._index"),
  auditLetter: () => import("../routes/granskning.arenden.$caseId.brev.$letterId"),
  auditUsers: () => import("../routes/granskning.anvandare._index"),
  auditUser: () => import("../routes/granskning.anvandare.$userId"),
  review: () => import("../routes/granskning.loggkontroll._index"),
  reviewCsv: () => import("../routes/granskning.loggkontroll.rapport[.]csv"),
  exportPage: () => import("../routes/granskning.export._index"),
  admin: () => import("../routes/admin._index"),
  adminUser: () => import("../routes/admin.anvandare.$userId"),
  adminUnits: () => import("../routes/admin.enheter._index"),
  adminUnit: () => import("../routes/admin.enheter.$unitId"),
  adminLog: () => import("../routes/admin.logg"),
  myReports: () => import("../routes/mina-anmalningar._index"),
  desk: () => import("../routes/skrivbord._index"),
} satisfies Record<string, () => Promise<RouteModule>>;

/** What a loader or action answered: a status, and the body when it is data. */
async function call(
  kind: "loader" | "action",
  route: keyof typeof routes,
  path: string,
  cookie: string | null,
  params: Record<string, string> = {},
  form?: Record<string, string>,
): Promise<{ status: number; location: string | null; body: string }> {
  const mod = (await routes[route]()) as RouteModule;
  const fn = mod[kind];
  if (!fn) throw new Error(`${route} has no ${kind}`);
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  const init: RequestInit = { method: kind === "loader" ? "GET" : "POST", headers };
  if (form) init.body = new URLSearchParams(form);
  const request = new Request(`http://localhost${path}`, init);
  let result: unknown;
  try {
    const args: Args = { request, params, context: { clientAddress: "127.0.0.1" } };
    result = await fn(args);
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    const body = result.headers.get("Content-Type")?.includes("pdf") ? "<pdf>" : await result.text();
    return { status: result.status, location: result.headers.get("Location"), body };
  }
  throw result;
}

describe.each(testDatabaseKinds())("auditor and admin: role × page × action (%s)", (kind) => {
  let t: TestDatabase;
  let unitId: string;
  let people: Record<Role, SessionUser>;
  let cookies: Record<Role, string>;
  let caseId: string;
  let letterId: string;
  const store = globalThis as unknown as { __varnaDatabase?: Promise<unknown> };

  async function snapshotOfData() {
    const [c] = await t.db.select({ version: cases.version, state: cases.state, assignee: cases.assigneeId }).from(cases).where(eq(cases.id, caseId));
    const [e] = await t.db.select({ n: count() }).from(caseEvents);
    const [l] = await t.db.select({ n: count() }).from(letters);
    const u = await t.db.select({ id: users.id, role: users.role, unitId: users.unitId, active: users.active, hash: users.passwordHash }).from(users).orderBy(users.id);
    return { c, events: e!.n, letters: l!.n, users: u };
  }

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    store.__varnaDatabase = Promise.resolve(t);
    unitId = await ensureDefaultUnit(t.db);
    people = {
      caseworker: await createStaff(t.db, unitId, "caseworker", "Sara Matris"),
      teamLead: await createStaff(t.db, unitId, "teamLead", "Maria Matris"),
      auditor: await createStaff(t.db, unitId, "auditor", "Erik Matris"),
      admin: await createStaff(t.db, unitId, "admin", "Per Matris"),
      reporter: await createStaff(t.db, null, "reporter", "Karin Matris"),
    };
    cookies = Object.fromEntries(
      await Promise.all(Object.entries(people).map(async ([role, u]) => [role, (await createSession(t.db, u.id)).split(";")[0]!])),
    ) as Record<Role, string>;
    const r = await report(t.db, "2026-03-02T09:00:00Z", { childName: "Vera Matrisdotter" });
    caseId = r.caseId;
    const [l] = await t.db.select({ id: letters.id }).from(letters).where(eq(letters.caseId, caseId));
    letterId = l!.id;
  });
  afterAll(async () => {
    delete store.__varnaDatabase;
    await t.drop();
  });

  it("the auditor reads every auditor page, and is refused every staff and admin page", async () => {
    const c = cookies.auditor;
    expect((await call("loader", "audit", "/granskning?q=Vera", c)).body).toContain("Vera Matrisdotter");
    const page = await call("loader", "auditCase", `/granskning/arenden/${caseId}`, c, { caseId });
    expect(page.status).toBe(200);
    expect(page.body).toContain("CASE_OPENED");
    expect((await call("loader", "auditLetter", "/x", c, { caseId, letterId })).status).toBe(200);
    for (const route of ["auditUsers", "review", "exportPage"] as const) expect((await call("loader", route, "/granskning/x", c)).status).toBe(200);
    expect((await call("loader", "auditUser", "/x", c, { userId: people.caseworker.id })).status).toBe(200);
    expect((await call("loader", "reviewCsv", "/x?from=2026-03-01&to=2026-03-31", c)).status).toBe(200);

    for (const route of ["inbox", "admin", "adminUnits", "adminLog", "myReports"] as const) {
      expect((await call("loader", route, "/x", c)).status, route).toBe(403);
    }
    expect((await call("loader", "casePage", "/x", c, { caseId })).status).toBe(403);
    expect((await call("loader", "caseLetter", "/x", c, { caseId, letterId })).status).toBe(403);
    expect((await call("loader", "adminUser", "/x", c, { userId: people.caseworker.id })).status).toBe(403);
  });

  it("every write an auditor tries is refused and changes nothing", async () => {
    const c = cookies.auditor;
    const before = await snapshotOfData();
    const [{ version }] = (await t.db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId))) as [{ version: number }];
    const caseCommands: Record<string, string>[] = [
      { intent: "PROTECTION_ASSESSED", version: String(version), needsProtection: "false", assessment: "Granskaren försöker." },
      { intent: "NOTE_ADDED", version: String(version), text: "Granskaren skriver." },
      { intent: "ASSIGNED", version: String(version), assigneeId: people.caseworker.id },
    ];
    for (const form of caseCommands) {
      expect((await call("action", "casePage", `/arenden/${caseId}`, c, { caseId }, form)).status).toBe(403);
    }
    // The desk's forms: an assignment, and an answer to a proposal (approve, return).
    const deskForms: Record<string, string>[] = [
      { caseId, version: String(version), assignee: people.caseworker.id },
      { intent: "DECISION_APPROVED", caseId, version: String(version), comment: "Granskaren godkänner." },
      { intent: "DECISION_RETURNED", caseId, version: String(version), comment: "Granskaren returnerar." },
    ];
    for (const form of deskForms) {
      expect((await call("action", "desk", "/skrivbord", c, {}, form)).status, JSON.stringify(form)).toBe(403);
    }
    const adminWrites: [keyof typeof routes, Record<string, string>, Record<string, string>][] = [
      ["admin", {}, { email: "ny@test.se", name: "Ny", role: "auditor", unitId, password: "ett-langt-losenord" }],
      ["adminUser", { userId: people.caseworker.id }, { intent: "update", name: "X", role: "admin", unitId }],
      ["adminUser", { userId: people.caseworker.id }, { intent: "deactivate" }],
      ["adminUser", { userId: people.caseworker.id }, { intent: "resetPassword", password: "ett-langt-losenord" }],
      ["adminUnit", { unitId }, { name: "Ändrad", municipality: "X" }],
    ];
    for (const [route, params, form] of adminWrites) {
      expect((await call("action", route, "/x", c, params, form)).status, route).toBe(403);
    }
    // The auditor pages have no writes to a case: posting to them is not an action.
    await expect(call("action", "auditCase", "/x", c, { caseId }, { intent: "NOTE_ADDED", text: "x" })).rejects.toThrow(/no action/);
    expect(await snapshotOfData()).toEqual(before);
    expect(await t.db.select().from(adminLog)).toHaveLength(0);
  });

  it("the admin manages users and units but is refused every case and auditor page", async () => {
    const c = cookies.admin;
    for (const route of ["admin", "adminUnits", "adminLog"] as const) {
      const res = await call("loader", route, "/admin", c);
      expect(res.status, route).toBe(200);
      // Never a case's contents, not even a child's name or a reference number.
      expect(res.body).not.toContain("Vera Matrisdotter");
      expect(res.body).not.toMatch(/VRN-/);
    }
    expect((await call("loader", "adminUnit", "/x", c, { unitId })).status).toBe(200);
    for (const route of ["inbox", "audit", "auditUsers", "review", "exportPage", "myReports"] as const) {
      expect((await call("loader", route, "/x", c)).status, route).toBe(403);
    }
    expect((await call("loader", "casePage", "/x", c, { caseId })).status).toBe(403);
    expect((await call("loader", "auditCase", "/x", c, { caseId })).status).toBe(403);
    expect((await call("loader", "caseLetter", "/x", c, { caseId, letterId })).status).toBe(403);
    expect((await call("loader", "auditLetter", "/x", c, { caseId, letterId })).status).toBe(403);
    const before = await snapshotOfData();
    expect((await call("action", "casePage", "/x", c, { caseId }, { intent: "NOTE_ADDED", version: "1", text: "x" })).status).toBe(403);
    expect((await snapshotOfData()).events).toBe(before.events);
    // No read of a case by the admin was ever logged, because none happened.
    expect(await t.db.select().from(accessLog).where(eq(accessLog.userId, people.admin.id))).toHaveLength(0);
  });

  it("caseworkers, team leads and reporters are refused the auditor and admin pages", async () => {
    for (const role of ["caseworker", "teamLead", "reporter"] as const) {
      for (const route of ["audit", "review", "exportPage", "admin", "adminUnits", "adminLog"] as const) {
        expect((await call("loader", route, "/x", cookies[role])).status, `${role} ${route}`).toBe(403);
      }
      expect((await call("loader", "auditCase", "/x", cookies[role], { caseId })).status).toBe(403);
      expect((await call("action", "review", "/x", cookies[role], {}, { intent: "signoff", from: "2026-03-01", to: "2026-03-02", findings: "x" })).status).toBe(403);
    }
    // Signed out: to the sign-in page, never a page's contents.
    const anonymous = await call("loader", "audit", "/granskning", null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toContain("/logga-in");
  });

  it("the admin creates a caseworker, and a deactivated user is signed out on the next request", async () => {
    const created = await call("action", "admin", "/admin", cookies.admin, {}, {
      email: "Ny.Handlaggare@Test.se",
      name: "Nils Ny",
      role: "caseworker",
      unitId,
      password: "ett-langt-losenord",
    });
    expect(created.status).toBe(302);
    const [nils] = await t.db.select().from(users).where(eq(users.email, "ny.handlaggare@test.se"));
    expect(nils).toMatchObject({ name: "Nils Ny", role: "caseworker", unitId, active: true });
    expect(nils!.passwordHash).toMatch(/^\$argon2id\$/);
    const log = await t.db.select().from(adminLog).where(eq(adminLog.targetUserId, nils!.id));
    expect(log.map((l) => l.action)).toEqual(["userCreated"]);
    expect(JSON.stringify(log)).not.toContain("ett-langt-losenord");

    // Bad input: a message beside the field, nothing stored.
    const bad = await call("action", "admin", "/admin", cookies.admin, {}, { email: "inte-en-adress", name: "", role: "caseworker", unitId: "", password: "kort" });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).fieldErrors).toMatchObject({ email: "field.email", name: "field.required", password: "admin.passwordShort" });
    const [{ n }] = (await t.db.select({ n: count() }).from(users)) as [{ n: number }];
    expect(n).toBe(Object.keys(people).length + 1);

    // The admin's password lets him in only to choose his own.
    const first = (await createSession(t.db, nils!.id)).split(";")[0]!;
    const toAccount = await call("loader", "inbox", "/arenden", first);
    expect(toAccount.status).toBe(302);
    expect(toAccount.location).toBe("/konto?redirectTo=%2Farenden");
    const chosen = await changeOwnPassword(t.db, { ...people.caseworker, id: nils!.id, email: nils!.email, name: nils!.name }, { current: "ett-langt-losenord", password: "hans eget långa lösenord" });
    if (!chosen.ok) throw new Error(chosen.reason);
    expect((await call("loader", "inbox", "/arenden", first)).status).toBe(302);
    const cookie = chosen.setCookie.split(";")[0]!;
    expect((await call("loader", "inbox", "/arenden", cookie)).status).toBe(200);
    const off = await call("action", "adminUser", "/x", cookies.admin, { userId: nils!.id }, { intent: "deactivate" });
    expect(off.status).toBe(302);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, nils!.id))).toHaveLength(0);
    const next = await call("loader", "inbox", "/arenden", cookie);
    expect(next.status).toBe(302);
    expect(next.location).toContain("/logga-in");
    // An admin cannot lock themselves out.
    expect((await call("action", "adminUser", "/x", cookies.admin, { userId: people.admin.id }, { intent: "deactivate" })).status).toBe(400);
  });
});
