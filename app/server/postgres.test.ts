/**
 * Two server processes over one PostgreSQL, probed as an attacker and an operator would:
 * concurrent password guesses across both, and the database blinking under load. Runs when
 * TEST_DATABASE_URL is set (CI sets it).
 */
import net from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "../../db/testing";
import { ACCOUNT_THROTTLE } from "~/auth/login.server";
import { DEMO_PASSWORD } from "~/demo/accounts";
import { validIntakeFields } from "~/intake/fixtures";

import { client, startServer, type ServerProcess } from "../../test/server-process";

const enabled = !!process.env.TEST_DATABASE_URL;
const VICTIM = "handlaggare@demo.varna.se";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(enabled)("two server processes on one PostgreSQL", () => {
  let t: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
    const env = { DATABASE_URL: t.url!, SESSION_SECRET: "test-secret-for-two-processes" };
    a = await startServer({ ...env, SEED_DEMO: "1" });
    b = await startServer({ ...env, SEED_DEMO: "0" });
  }, 180_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await t?.drop();
  });

  it("50 concurrent wrong passwords over both: at most the limit are checked; the real user still gets in", async () => {
    const servers = [client(a.url), client(b.url)];
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => servers[i % 2]!.post("/logga-in", { email: VICTIM, password: `gissning-${i}` }, { ip: "10.70.0.1" })),
    );
    const burstSeconds = (Date.now() - started) / 1000;
    const statuses = answers.map((r) => r.status);
    const checked = statuses.filter((s) => s === 401).length;
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    // The free tries, plus at most one per delay that ran out while the burst lasted (1 s, 2 s, …).
    expect(checked).toBeLessThanOrEqual(ACCOUNT_THROTTLE.free + Math.floor(Math.log2(1 + burstSeconds)));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(50 - checked);

    // The real user, from their own address, is asked to wait a little — then gets in.
    let res = await servers[1]!.post("/logga-in", { email: VICTIM, password: DEMO_PASSWORD }, { ip: "10.70.9.9" });
    for (let i = 0; i < 3 && res.status === 429; i++) {
      const wait = Number(res.headers.get("retry-after"));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(ACCOUNT_THROTTLE.maxSeconds);
      await sleep(wait * 1000 + 100);
      res = await servers[i % 2]!.post("/logga-in", { email: VICTIM, password: DEMO_PASSWORD }, { ip: "10.70.9.9" });
    }
    expect(res.status).toBe(302);
  }, 60_000);
});

/**
 * A TCP proxy in front of PostgreSQL that can cut every connection and stop listening (new
 * connections are refused, as during a failover), then listen again on the same port.
 */
function cuttableProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let port = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(target);
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream).pipe(client);
  });
  const listen = () =>
    new Promise<number>((resolve) =>
      server.listen(port, "127.0.0.1", () => resolve((port = (server.address() as net.AddressInfo).port))),
    );
  return {
    listen,
    cut() {
      server.close();
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    restore: listen,
    close: () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}

/** The server's log without its request lines: what it said last, for a failure's message. */
const lastLines = (output: string) => output.split("\n").filter((l) => !l.includes('"msg":"request"')).slice(-15).join("\n");

describe.runIf(enabled)("the database blinks under load", () => {
  let t: TestDatabase;
  let server: ServerProcess;
  let proxy: ReturnType<typeof cuttableProxy>;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
    const url = new URL(t.url!);
    proxy = cuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const port = await proxy.listen();
    url.hostname = "127.0.0.1";
    url.port = String(port);
    server = await startServer({ DATABASE_URL: url.toString(), SESSION_SECRET: "test-secret-for-outage", SEED_DEMO: "0" });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await t?.drop();
  });

  it("stays up, answers 503 meanwhile, recovers alone, and loses no acknowledged report", async () => {
    const http = client(server.url);
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let running = true;
    const worker = async (w: number) => {
      for (let i = 0; running; i++) {
        const fields = validIntakeFields({ childName: `Barn ${w}-${i}` });
        const res = await http.post("/anmalan", fields, { ip: `10.80.${w}.${i % 250}` }).catch(() => null);
        const status = res?.status ?? 0;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 302) acknowledged.push(res!.headers.get("location")!.split("/").pop()!);
        else await sleep(100);
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    // Reports acknowledged before the blink, however slow the machine: at least two seconds' worth, and six.
    const started = Date.now();
    while ((Date.now() - started < 2_000 || acknowledged.length < 6) && Date.now() - started < 30_000) await sleep(100);
    const before = acknowledged.length;
    proxy.cut();
    const duringCut: number[] = [];
    for (let i = 0; i < 6; i++) {
      await sleep(500);
      duringCut.push((await http.get("/healthz")).status);
    }
    await proxy.restore();
    // It recovers by itself: /healthz answers 200 again within seconds.
    let healthy = false;
    for (let i = 0; i < 60 && !healthy; i++) {
      await sleep(250);
      healthy = (await http.get("/healthz")).status === 200;
    }
    await sleep(1_500);
    running = false;
    await Promise.all(workers);

    expect(server.proc.exitCode).toBeNull();
    expect(healthy, lastLines(server.output())).toBe(true);
    expect(duringCut).toContain(503);
    const failures = [...statuses.keys()].filter((s) => s >= 500 || s === 0);
    expect(failures.filter((s) => s !== 503), JSON.stringify([...statuses])).toEqual([]);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect(before).toBeGreaterThan(5);
    // Every report the server acknowledged is there.
    const stored = await t.rows<{ id: string }>(`select id::text from reports where id = any($1::uuid[])`, [acknowledged]);
    expect(stored.length).toBe(acknowledged.length);
    // And once back, a new report goes through (a pooled connection cut in the blink may
    // fail one more request, with a 503, before the pool has replaced it).
    let after = 0;
    for (let i = 0; i < 10 && after !== 302; i++) {
      after = (await http.post("/anmalan", validIntakeFields(), { ip: "10.80.9.9" }).catch(() => null))?.status ?? 0;
      if (after !== 302) await sleep(500);
    }
    expect(after, `exit code ${server.proc.exitCode}; the server's last lines:\n${lastLines(server.output())}`).toBe(302);
    expect(server.proc.exitCode).toBeNull();
  }, 120_000);
});
