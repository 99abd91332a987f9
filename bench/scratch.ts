// Scratch databases for the benchmarks: a fresh PostgreSQL database (created on the server
// named by BENCH_DATABASE_URL or TEST_DATABASE_URL, dropped afterwards) or a fresh embedded
// PGlite directory under the system's temp folder.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import postgres from "postgres";

import { migrateDatabase, openDatabase, type Database } from "../db/client";

export function postgresAdminUrl(): string | null {
  return process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null;
}

export type Scratch =
  | { kind: "postgres"; url: string; name: string; drop(): Promise<void> }
  | { kind: "pglite"; dataDir: string; drop(): Promise<void> };

/** A new, migrated PostgreSQL database; `drop()` removes it. */
export async function scratchPostgres(adminUrl: string): Promise<Scratch & { kind: "postgres" }> {
  const name = `varna_bench_${randomBytes(5).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), max: 2 });
  await migrateDatabase(db, url.toString());
  await db.close();
  return {
    kind: "postgres",
    url: url.toString(),
    name,
    drop: async () => {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * A new embedded data directory laid out as the server expects (DATA_DIR/pgdata), migrated
 * unless `migrate` is false (first start measures an empty one).
 */
export async function scratchPglite(migrate = true): Promise<Scratch & { kind: "pglite" }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "varna-bench-"));
  if (migrate) {
    const db = await openDatabase({ dataDir: path.join(dataDir, "pgdata") });
    await migrateDatabase(db);
    await db.close();
  }
  return { kind: "pglite", dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** Opens a scratch database from the benchmark process (never while a server holds a PGlite one). */
export function openScratch(scratch: Scratch): Promise<Database> {
  return scratch.kind === "postgres"
    ? openDatabase({ url: scratch.url, max: 4 })
    : openDatabase({ dataDir: path.join(scratch.dataDir, "pgdata") });
}

/** The key the benchmarks seal checkpoints with (bench/generate.ts sealAll, the app server, audit:verify). */
export const BENCH_AUDIT_KEY = "bench-audit-key-bench-audit-key-bench-audit-key";

/** The environment a server (or a CLI) needs to use this scratch database. */
export function scratchEnv(scratch: Scratch): Record<string, string> {
  return scratch.kind === "postgres"
    ? { DATABASE_URL: scratch.url, SEED_DEMO: "0", AUDIT_KEY: BENCH_AUDIT_KEY }
    : { DATA_DIR: scratch.dataDir, SEED_DEMO: "0", AUDIT_KEY: BENCH_AUDIT_KEY };
}
