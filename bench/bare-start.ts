// Baseline for the first start: open (or create) a PGlite database in DATA_DIR/pgdata and
// answer /healthz with `select 1`. Run as a child process by bench/start.ts.
import http from "node:http";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";

const pg = new PGlite(path.join(process.env.DATA_DIR!, "pgdata"));
await pg.waitReady;
http
  .createServer((_req, res) => {
    pg.query("select 1").then(
      () => res.writeHead(200).end('{"status":"ok"}'),
      () => res.writeHead(503).end(),
    );
  })
  .listen(Number(process.env.PORT));
