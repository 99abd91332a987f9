/**
 * ≥ 1,000 generated malformed HTTP requests against the real server: wrong methods, paths,
 * encodings, content types, broken multipart and URL-encoding, garbage cookies, foreign
 * origins, oversized bodies. Every one must get an answer below 500, in time.
 * fast-check shrinks a failure to the smallest request and prints its seed.
 */
import http from "node:http";

import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";

import { startServer, type ServerProcess } from "../../test/server-process";
import { BODY_LIMIT } from "./body.server";

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer({ SEED_DEMO: "0" });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

type Sent = { method: string; path: string; headers: Record<string, string>; body: Buffer | null };

function send(req: Sent): Promise<number> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      { host: "127.0.0.1", port: server.port, method: req.method, path: req.path, headers: req.headers, agent, timeout: 15_000 },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    r.on("timeout", () => r.destroy(new Error("no answer in 15 s")));
    // A refused upload may be answered before it is all sent; the answer is what counts.
    r.on("error", (e) => ((e as NodeJS.ErrnoException).code === "EPIPE" ? undefined : reject(e)));
    if (req.body) r.end(req.body);
    else r.end();
  });
}

const text = fc.string({ maxLength: 40, unit: "binary" });
const segment = fc.oneof(
  fc.constantFrom("anmalan", "logga-in", "logga-ut", "sprak", "arenden", "mina-anmalningar", "kvittens", "brev", "pdf", "healthz", "konto", "build", "..", "%2e%2e", "%E0%A4%A", "%00", "%ZZ", "_index"),
  fc.uuid(),
  fc.stringMatching(/^[\w.%~-]{0,20}$/),
);
const path = fc
  .tuple(
    fc.array(segment, { minLength: 0, maxLength: 5 }),
    fc.option(
      fc.oneof(
        fc.constantFrom("_data=root", "_data=routes%2Flogga-in", "_data=routes%2Fanmalan._index", "_data=%ZZ", "index", "redirectTo=//evil", "q=%", "page=-1"),
        fc.stringMatching(/^[\w=&%.-]{0,30}$/),
      ),
    ),
  )
  .map(([segments, query]) => `/${segments.join("/")}${query === null ? "" : `?${query}`}`);

const contentType = fc.oneof(
  fc.constantFrom(
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-16",
    "multipart/form-data",
    "multipart/form-data; boundary=X",
    "multipart/form-data; boundary=",
    "application/json",
    "text/plain",
    "application/xml",
    "",
  ),
  fc.stringMatching(/^[\w/;=. -]{0,30}$/),
);

const body = fc.oneof(
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: text.map((s) => Buffer.from(s, "latin1")), weight: 3 },
  { arbitrary: fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)), weight: 2 },
  {
    arbitrary: fc.array(fc.tuple(fc.stringMatching(/^[\w%]{0,12}$/), fc.string({ maxLength: 30 })), { maxLength: 8 }).map((pairs) =>
      Buffer.from(pairs.map(([k, v]) => `${k}=${v}`).join("&")),
    ),
    weight: 3,
  },
  {
    // multipart, whole or cut off anywhere
    arbitrary: fc.tuple(fc.string({ maxLength: 30 }), fc.nat({ max: 200 })).map(([value, cut]) => {
      const whole = `--X\r\nContent-Disposition: form-data; name="childName"\r\n\r\n${value}\r\n--X\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n\u0000\u0001\r\n--X--\r\n`;
      return Buffer.from(whole.slice(0, cut));
    }),
    weight: 3,
  },
  { arbitrary: fc.constant(Buffer.alloc(BODY_LIMIT + 1000, "a")), weight: 1 },
);

const request = fc
  .record({
    method: fc.constantFrom("GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"),
    path,
    contentType,
    body,
    origin: fc.constantFrom("same", "same", "same", "foreign", "none", "null"),
    cookie: fc.option(fc.oneof(fc.stringMatching(/^[\w=;. %-]{0,60}$/), fc.constant("varna_session=eyJub3QiOiJzaWduZWQifQ%3D%3D.xx"))),
    encoding: fc.option(fc.constantFrom("gzip", "br", "identity", "x-bogus")),
    chunked: fc.boolean(),
  })
  .map((r): Sent => {
    // (a Sent prints its body's length only: a failing case must stay readable)
    const headers: Record<string, string> = { Host: `localhost:${server.port}` };
    if (r.contentType) headers["Content-Type"] = r.contentType;
    if (r.origin === "same") headers.Origin = `http://localhost:${server.port}`;
    if (r.origin === "foreign") headers.Origin = "https://evil.example";
    if (r.origin === "null") headers.Origin = "null";
    if (r.cookie) headers.Cookie = r.cookie;
    if (r.encoding) headers["Content-Encoding"] = r.encoding;
    const sendBody = r.method !== "GET" && r.method !== "HEAD" ? r.body : null;
    // Framed either way (Node's client would not frame a DELETE's or OPTIONS' body itself).
    if (sendBody) headers[r.chunked ? "Transfer-Encoding" : "Content-Length"] = r.chunked ? "chunked" : String(sendBody.length);
    return { method: r.method, path: r.path, headers, body: sendBody };
  });

it("1,000 malformed requests: never a 5xx, never a hang", async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(request, async (req) => {
      const status = await send(req);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const what = `${req.method} ${req.path} ${JSON.stringify(req.headers)} body ${req.body?.length ?? 0} bytes`;
      expect(status, what).toBeGreaterThanOrEqual(200);
      expect(status, what).toBeLessThan(500);
    }),
    { numRuns: 1_000, seed: 0x7a11_2026, endOnFailure: true },
  );
  // The server is still well afterwards, and the mix reached the app, not only the guards.
  const health = await send({ method: "GET", path: "/healthz", headers: {}, body: null });
  expect(health).toBe(200);
  expect([...statuses.keys()].filter((s) => s === 200 || s === 302 || s === 404).length).toBeGreaterThan(0);
  expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
}, 300_000);
