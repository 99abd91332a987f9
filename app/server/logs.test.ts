/**
 * Personal data never reaches the logs — also when the database refuses a report. The real
 * server runs in production mode on an embedded database whose `reports` insert fails for
 * one marked report (a trigger raising a deadlock, as a failover or lock timeout would);
 * afterwards everything the process wrote is scanned.
 */
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrateDatabase, openDatabase } from "../../db/client";
import { validIntakeFields } from "~/intake/fixtures";

import { client, startServer, tempDataDir, type Client, type ServerProcess } from "../../test/server-process";

const FAIL_MARK = "Tvinga fel i databasen";
const good = {
  childName: "Saga Hemlig",
  childPersonalNumber: "20150923-2383",
  reporterName: "Gunnel Grannsdotter",
  reporterEmail: "gunnel.grannsdotter@example.se",
  reporterPhone: "070-555 12 34",
  concernWhat: "Saga berättar att hon blir inlåst i källaren när hon gör fel.",
};
const failing = {
  childName: "Tindra Tvingad",
  childPersonalNumber: "20130415-2380",
  reporterName: "Rebecka Rapportör",
  reporterEmail: "rebecka.rapportor@example.se",
  reporterPhone: "070-555 98 76",
  guardian1Name: "Torbjörn Tvingad",
  concernWhat: `Tindra säger att pappa slår henne med ett bälte. ${FAIL_MARK}.`,
};

let server: ServerProcess;
let http: Client;
const receiptIds: string[] = [];
let failedAnswer = "";

beforeAll(async () => {
  const dataDir = tempDataDir();
  const db = await openDatabase({ dataDir: path.join(dataDir, "pgdata") });
  await migrateDatabase(db);
  await db.rows(`
    create function fail_marked_report() returns trigger language plpgsql as $$
    begin
      if new.concern_what like '%${FAIL_MARK}%' then
        raise exception 'deadlock detected (simulated)' using errcode = '40P01';
      end if;
      return new;
    end $$`);
  await db.rows(`create trigger fail_marked_report before insert on reports for each row execute function fail_marked_report()`);
  await db.close();

  server = await startServer({ NODE_ENV: "production", DATA_DIR: dataDir, SEED_DEMO: "0" });
  http = client(server.url);

  const ok = await http.post("/anmalan", validIntakeFields(good), { ip: "10.60.0.1" });
  expect(ok.status).toBe(302);
  const receipt = ok.headers.get("location")!;
  receiptIds.push(receipt.split("/").pop()!);
  expect((await http.get(receipt)).status).toBe(200);
  expect((await http.get(`${receipt}/pdf`)).status).toBe(200);
  // A bearer link with a query string, and a sign-in with a name-like e-mail address.
  await http.get(`${receipt}?ref=${encodeURIComponent(good.childName)}`);
  await http.post("/logga-in", { email: failing.reporterEmail, password: "gissat-lösenord" }, { ip: "10.60.0.2" });

  const failed = await http.post("/anmalan", validIntakeFields(failing), { ip: "10.60.0.1" });
  expect(failed.status).toBe(500);
  failedAnswer = await failed.text();
  await server.stop();
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

describe("a forced database error on insert, then everything the server wrote", () => {
  it("logged the failure by its code and statement only", () => {
    const lines = server.output().split("\n").filter(Boolean);
    const failure = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => (l.err as { code?: string } | undefined)?.code === "40P01");
    expect(failure, server.output()).toBeDefined();
    expect(failure!.err).toMatchObject({ code: "40P01", statement: "insert reports" });
    // Every line is a JSON object: nothing printed around the logger.
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  });

  it("holds no name, personnummer, allegation, contact detail or receipt id", () => {
    const log = server.output();
    const secrets = [
      ...Object.values(good),
      ...Object.values(failing),
      "pappa slår",
      "inlåst i källaren",
      FAIL_MARK,
      ...[good.childPersonalNumber, failing.childPersonalNumber].flatMap((p) => [p, p.replace("-", ""), p.slice(2)]),
      ...receiptIds,
    ];
    for (const secret of secrets) expect(log, secret).not.toContain(secret);
    expect(log).not.toMatch(/params:|Failed query/);
  });

  it("showed the reporter no stack trace, SQL or data in production", () => {
    expect(failedAnswer).toContain("lang=\"sv\"");
    expect(failedAnswer).not.toMatch(/\bat .*\.(js|ts):\d+/);
    expect(failedAnswer).not.toMatch(/insert into|deadlock|40P01/i);
    expect(failedAnswer).not.toContain(failing.childName);
  });
});

describe("production headers", () => {
  let prod: ServerProcess;
  beforeAll(async () => {
    prod = await startServer({ NODE_ENV: "production", SEED_DEMO: "0" });
  }, 120_000);
  afterAll(async () => {
    await prod?.stop();
  });

  it("behind TLS: HSTS and Secure cookies; over plain HTTP neither (so localhost still works)", async () => {
    const c = client(prod.url);
    const tls = await c.post("/sprak", { lang: "en", redirectTo: "/" }, { headers: { "X-Forwarded-Proto": "https" } });
    expect(tls.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    expect(tls.headers.getSetCookie().join()).toMatch(/varna_lang=.*; Secure/);
    expect(tls.headers.getSetCookie().join()).toMatch(/HttpOnly/);
    const plain = await c.post("/sprak", { lang: "en", redirectTo: "/" });
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.getSetCookie().join()).not.toMatch(/Secure/);
    expect(prod.output()).toContain('"mode":"production"');
  });
});
