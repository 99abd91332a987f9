import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sessions, users } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { createStaff } from "../../test/testing.server";
import { ensureDefaultUnit } from "../units.server";
import { createSession, getSessionUser, sharingSessionLookups } from "./session.server";

process.env.SESSION_SECRET ??= "session-test-secret";

describe.each(testDatabaseKinds())("who is signed in (%s)", (kind) => {
  let t: TestDatabase;
  let userId: string;
  const request = (cookie: string) => new Request("http://localhost/arenden", { headers: { Cookie: cookie.split(";")[0]! } });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const unitId = await ensureDefaultUnit(t.db);
    userId = (await createStaff(t.db, unitId, "caseworker", "Sara Lindqvist")).id;
  });
  afterAll(() => t.drop());

  it("a page's loaders share one lookup while reading, so they agree on who is signed in", async () => {
    const cookie = await createSession(t.db, userId);
    const [first, second] = await sharingSessionLookups("GET", async () => {
      const first = await getSessionUser(t.db, request(cookie));
      // Signed out in between: the page being drawn still shows one person throughout.
      await t.db.delete(sessions).where(eq(sessions.userId, userId));
      return [first, await getSessionUser(t.db, request(cookie))];
    });
    expect(first?.name).toBe("Sara Lindqvist");
    expect(second).toBe(first);
    // The next request looks again.
    expect(await sharingSessionLookups("GET", () => getSessionUser(t.db, request(cookie)))).toBeNull();
  });

  it("a request that changes something looks up afresh every time: a deactivation counts at once", async () => {
    const cookie = await createSession(t.db, userId);
    const [before, after] = await sharingSessionLookups("POST", async () => {
      const before = await getSessionUser(t.db, request(cookie));
      await t.db.update(users).set({ active: false }).where(eq(users.id, userId));
      return [before, await getSessionUser(t.db, request(cookie))];
    });
    expect(before?.id).toBe(userId);
    expect(after).toBeNull();
    await t.db.update(users).set({ active: true }).where(eq(users.id, userId));
  });

  it("a session is over when the database says so, whatever the browser keeps: one minute past its end it lets nobody in", async () => {
    const cookie = await createSession(t.db, userId);
    const endAt = (ms: number) => t.db.update(sessions).set({ expiresAt: new Date(Date.now() + ms) }).where(eq(sessions.userId, userId));
    await endAt(60_000);
    expect((await getSessionUser(t.db, request(cookie)))?.id).toBe(userId);
    await endAt(-60_000);
    expect(await getSessionUser(t.db, request(cookie))).toBeNull();
    await t.db.delete(sessions).where(eq(sessions.userId, userId));
  });
});
