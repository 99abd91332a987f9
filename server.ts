/**
 * The HTTP server: validates the environment, opens and migrates the database, seeds the
 * demo on first start, then serves the Remix build with security headers.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import helmet from "helmet";

import { seedDemo } from "./app/demo/seed.server";
import { database } from "./app/db.server";
import { env } from "./app/env.server";
import { lockDataDir } from "./app/data-dir-lock.server";

const started = Date.now();
const config = env();
if (!config.databaseUrl) lockDataDir(config.dataDir);
const db = await database();
console.log(`Database: ${db.kind === "pglite" ? `embedded (PGlite) in ${config.dataDir}` : "PostgreSQL"}; migrations applied.`);
if (config.seedDemo) {
  const seeded = await seedDemo(db);
  if (seeded) {
    console.log("First start: demo accounts created (password: demo-password):");
    for (const account of seeded.accounts) console.log(`  ${account.email.padEnd(30)} ${account.role}`);
    console.log(`  … and ${seeded.cases} demo cases.`);
  }
}

const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", "loopback");

app.use((_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
});
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "connect-src": ["'self'"],
        "upgrade-insecure-requests": config.production ? [] : null,
      },
    },
    strictTransportSecurity: config.production,
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
  }),
);

// Fingerprinted client assets are immutable; the rest of public/ may change.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

// Access log: method, path without query, status and time — never bodies or names.
app.use((req, res, next) => {
  const t0 = process.hrtime.bigint();
  res.on("finish", () => {
    if (req.path === "/healthz") return;
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`${req.method} ${req.path} ${res.statusCode} ${ms.toFixed(1)}ms`);
  });
  next();
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: config.production ? "production" : "development",
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientAddress: req.ip ?? "unknown",
    }),
  }),
);

const server = app.listen(config.port, () => {
  console.log(`Värna is listening on http://localhost:${config.port} (started in ${Date.now() - started} ms)`);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing…`);
  server.close(() => {
    void db.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
