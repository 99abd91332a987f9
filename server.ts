/**
 * The HTTP server: validates the environment, opens and migrates the database, seeds the
 * demo on first start, then serves the Remix build behind the HTTP layer of app/server/
 * (security headers, Origin check, body limits, the outage gate, the access log).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { ServerBuild } from "@remix-run/node";

import { seedDemo } from "./app/demo/seed.server";
import { database } from "./app/db.server";
import { env } from "./app/env.server";
import { lockDataDir } from "./app/data-dir-lock.server";
import { closeLetterWorkers, letterWorkerReady } from "./app/letters/draw.server";
import { ensureDefaultUnit } from "./app/units.server";
import { isConnectionError, noteDatabaseError, setDatabaseProbe } from "./app/server/db-outage.server";
import { createHttpApp } from "./app/server/http.server";
import { logger, safeError } from "./app/server/logger.server";

// A dropped database socket can make the driver throw outside any request (postgres.js
// writes to a socket it has just closed). That is an outage to ride out, not a reason to
// die; anything else still stops the process, logged without its message.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (error: unknown) => {
    if (noteDatabaseError(error)) return;
    logger.fatal({ err: safeError(error) }, event);
    process.exit(1);
  });
}

const started = Date.now();
const config = env();
// A first start seeds the demo, about fifty letters: a letter worker loads (tsx, pdfkit, the
// fonts, one letter drawn) on the second core while this thread opens the database, and
// draws them. It is this module graph's; the requests draw on the Remix build's own.
const seedsDemo = config.seedDemo && !config.databaseUrl && !existsSync(config.embeddedDatabaseDir);
if (seedsDemo) void letterWorkerReady();
if (!config.databaseUrl) lockDataDir(config.dataDir);
const db = await database();
setDatabaseProbe(() => db.rows("select 1 as ok"));
// Reports need a unit to arrive at, with or without the demo.
await ensureDefaultUnit(db.db);
logger.info(
  { database: db.kind, mode: config.production ? "production" : "development" },
  `Database: ${db.kind === "pglite" ? `embedded (PGlite) in ${config.dataDir}` : "PostgreSQL"}; migrations applied.`,
);
if (config.seedDemo) {
  const seeded = await seedDemo(db);
  if (seeded) {
    logger.info("First start: demo accounts created (password: demo-password):");
    for (const account of seeded.accounts) logger.info(`  ${account.email.padEnd(30)} ${account.role}`);
    logger.info(`  … and ${seeded.cases} demo cases.`);
  }
}
if (seedsDemo) await closeLetterWorkers();

const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;

let stopping = false;
const app = createHttpApp({ build, production: config.production, trustProxy: config.trustProxy, stopping: () => stopping });

const server = app.listen(config.port, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  logger.info({ port, startedMs: Date.now() - started }, `Värna is listening on http://localhost:${port}`);
});
// What Node's HTTP parser itself refuses (broken framing, huge headers) gets a plain 400.
server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
  if (!socket.writable) return socket.destroy();
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  socket.end(`HTTP/1.1 ${status} ${status === 431 ? "Request Header Fields Too Large" : status === 408 ? "Request Timeout" : "Bad Request"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
});
// The whole request must arrive in time: a slow or endless upload is cut off (408).
server.requestTimeout = 20_000;
server.headersTimeout = 10_000;
server.keepAliveTimeout = 5_000;

/** Stops taking new connections, lets the requests in flight finish, then closes the database. */
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down: draining requests in flight");
  server.close(() => {
    void db
      .close()
      .catch((error: unknown) => {
        if (!isConnectionError(error)) logger.warn({ err: safeError(error) }, "closing the database");
      })
      .finally(() => {
        logger.info("stopped");
        process.exit(0);
      });
  });
  server.closeIdleConnections();
  setTimeout(() => {
    logger.warn("requests still running after 25 s: stopping anyway");
    process.exit(1);
  }, 25_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
