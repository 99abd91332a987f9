// The baseline for pages that are one query: a bare `node:http` server that runs the same SQL
// (with the same parameters) the app's query builder produced and answers the rows as JSON.
// Run as a child process: DATABASE_URL or DATA_DIR, PORT, and BARE_QUERIES = JSON
// { name: { sql, params, setup? } }; GET /q/<name> runs one — after `setup` in a transaction
// when the app runs it so (the inbox's search: SEARCH_PLANNER_SETTING).
import http from "node:http";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";

import { pgliteOptions } from "../db/client";

type Query = { sql: string; params: unknown[]; setup?: string };
const queries = JSON.parse(process.env.BARE_QUERIES ?? "{}") as Record<string, Query>;
let run: (query: Query) => Promise<unknown[]>;
if (process.env.DATABASE_URL) {
  const sql = postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {}, connection: { TimeZone: "UTC" } });
  run = ({ sql: q, params, setup }) =>
    setup
      ? (sql.begin(async (tx) => {
          await tx.unsafe(setup);
          return tx.unsafe(q, params as never[], { prepare: true });
        }) as never)
      : (sql.unsafe(q, params as never[], { prepare: true }) as never);
} else {
  const pg = new PGlite(path.join(process.env.DATA_DIR!, "pgdata"), pgliteOptions);
  await pg.waitReady;
  await pg.exec("set time zone 'UTC'");
  run = ({ sql: q, params, setup }) =>
    setup
      ? pg.transaction(async (tx) => {
          await tx.exec(setup);
          return (await tx.query(q, params)).rows;
        })
      : pg.query(q, params).then((r) => r.rows);
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
    run(query)
      .then((rows) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(rows)))
      .catch((error) => {
        console.error(error);
        res.writeHead(500).end();
      });
  })
  .listen(Number(process.env.PORT));
