// The baseline for pages that are one query: a bare `node:http` server that runs the same SQL
// (with the same parameters) the app's query builder produced and answers the rows as JSON.
// Run as a child process: DATABASE_URL or DATA_DIR, PORT, and BARE_QUERIES = JSON
// { name: { sql, params } }; GET /q/<name> runs one.
import http from "node:http";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";

import { pgliteExtensions } from "../db/client";

const queries = JSON.parse(process.env.BARE_QUERIES ?? "{}") as Record<string, { sql: string; params: unknown[] }>;
let run: (sql: string, params: unknown[]) => Promise<unknown[]>;
if (process.env.DATABASE_URL) {
  const sql = postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {}, connection: { TimeZone: "UTC" } });
  run = (q, params) => sql.unsafe(q, params as never[], { prepare: true }) as never;
} else {
  const pg = new PGlite(path.join(process.env.DATA_DIR!, "pgdata"), { extensions: pgliteExtensions });
  await pg.waitReady;
  await pg.exec("set time zone 'UTC'");
  run = async (q, params) => (await pg.query(q, params)).rows;
}

http
  .createServer((req, res) => {
    if (req.url === "/healthz") {
      res.writeHead(200).end("ok");
      return;
    }
    const query = queries[(req.url ?? "").replace(/^\/q\//, "")];
    if (!query) {
      res.writeHead(404).end();
      return;
    }
    run(query.sql, query.params)
      .then((rows) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(rows)))
      .catch((error) => {
        console.error(error);
        res.writeHead(500).end();
      });
  })
  .listen(Number(process.env.PORT));
