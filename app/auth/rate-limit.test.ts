import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { users } from "../../db/schema";
import { ensureDefaultUnit } from "../units.server";
import { ACCOUNT_THROTTLE, ADDRESS_BLOCK, login } from "./login.server";
import { hashPassword } from "./password.server";
import { block } from "./rate-limit.server";

const PASSWORD = "rätt lösenord 123";

describe.each(testDatabaseKinds())("sign-in rate limits (%s)", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const unitId = await ensureDefaultUnit(t.db);
    const passwordHash = await hashPassword(PASSWORD);
    await t.db.insert(users).values([
      { email: "offer@example.se", name: "Offer", role: "caseworker", unitId, passwordHash },
      { email: "annan@example.se", name: "Annan", role: "caseworker", unitId, passwordHash },
    ]);
  });
  afterAll(() => t.drop());

  it("50 concurrent wrong passwords: at most the free tries are checked; the real user is slowed, not locked out", async () => {
    const t0 = new Date("2026-06-01T10:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        login(t.db, { email: "offer@example.se", password: `gissning-${i}`, clientAddress: `10.0.${i}.1` }, t0),
      ),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "failed").length;
    const refused = results.filter((r) => !r.ok && r.reason === "rateLimited").length;
    expect(checked).toBe(ACCOUNT_THROTTLE.free);
    expect(refused).toBe(50 - ACCOUNT_THROTTLE.free);

    // Right away, even the right password waits (it is not checked, so it reveals nothing)…
    const early = await login(t.db, { email: "offer@example.se", password: PASSWORD, clientAddress: "10.9.9.9" }, t0);
    expect(early).toMatchObject({ ok: false, reason: "rateLimited" });
    const wait = early.ok || early.reason !== "rateLimited" ? 0 : early.retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(ACCOUNT_THROTTLE.maxSeconds);
    // …and after that short wait the real user gets in from their own address.
    const later = new Date(t0.getTime() + wait * 1000);
    const real = await login(t.db, { email: "offer@example.se", password: PASSWORD, clientAddress: "10.9.9.9" }, later);
    expect(real.ok).toBe(true);
    // Signing in clears the delay.
    const again = await login(t.db, { email: "offer@example.se", password: "fel", clientAddress: "10.9.9.9" }, later);
    expect(again).toMatchObject({ ok: false, reason: "failed" });
  });

  it("the delay doubles with every further guess and never exceeds a minute", async () => {
    let now = new Date("2026-06-02T10:00:00Z").getTime();
    const waits: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await login(t.db, { email: "annan@example.se", password: "fel", clientAddress: `10.1.${i}.1` }, new Date(now));
      expect(r).toMatchObject({ ok: false, reason: "failed" });
      const probe = await login(t.db, { email: "annan@example.se", password: "fel", clientAddress: `10.2.${i}.1` }, new Date(now));
      if (probe.ok || probe.reason === "failed") {
        waits.push(0);
        continue;
      }
      waits.push(probe.retryAfterSeconds);
      now += probe.retryAfterSeconds * 1000;
    }
    // Two tries per round: rounds 1–2 are the four free tries; the fifth starts the delay.
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    expect(waits.slice(2, 10)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(Math.max(...waits)).toBe(ACCOUNT_THROTTLE.maxSeconds);
  });

  it("a whole office signing in from one address is never blocked: only failed tries fill the address's window", async () => {
    const t0 = new Date("2026-06-03T07:55:00Z");
    for (let i = 0; i < ADDRESS_BLOCK.max + 5; i += 1) {
      const r = await login(t.db, { email: i % 2 ? "offer@example.se" : "annan@example.se", password: PASSWORD, clientAddress: "198.51.100.20" }, t0);
      expect(r.ok, `sign-in ${i + 1}`).toBe(true);
    }
    // Failures still count: the window fills with wrong passwords alone.
    const failures = [];
    for (let i = 0; i < ADDRESS_BLOCK.max + 1; i += 1) {
      failures.push(await login(t.db, { email: `ingen-${i}@example.se`, password: "fel", clientAddress: "198.51.100.20" }, t0));
    }
    expect(failures.at(-2)).toMatchObject({ ok: false, reason: "failed" });
    expect(failures.at(-1)).toMatchObject({ ok: false, reason: "rateLimited" });
    // About 65 argon2 checks one after another: 17 s on a quiet 2-core machine.
  }, 120_000);

  it("an address is blocked after its window's tries, concurrent ones counted one by one", async () => {
    const t0 = new Date("2026-06-03T10:00:00Z");
    const decisions = await Promise.all(
      Array.from({ length: ADDRESS_BLOCK.max + 20 }, () => block(t.db, "login-address:192.0.2.7", ADDRESS_BLOCK, t0)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(ADDRESS_BLOCK.max);
    const r = await login(t.db, { email: "offer@example.se", password: PASSWORD, clientAddress: "192.0.2.7" }, t0);
    expect(r).toMatchObject({ ok: false, reason: "rateLimited" });
    // Another address is not affected; the blocked one is let in again when its window ends.
    expect((await login(t.db, { email: "offer@example.se", password: PASSWORD, clientAddress: "192.0.2.8" }, t0)).ok).toBe(true);
    const after = new Date(t0.getTime() + ADDRESS_BLOCK.windowSeconds * 1000 + 1000);
    expect((await login(t.db, { email: "offer@example.se", password: PASSWORD, clientAddress: "192.0.2.7" }, after)).ok).toBe(true);
  });
});
