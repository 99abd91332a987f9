import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

import * as schema from "./schema";

/** Both drivers expose the same query builder; code is written against this type. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs raw SQL and returns its rows, whichever driver is underneath. */
  rows<T extends Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { url: string; max?: number }
  | { dataDir: string }
  | { memory: true };

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ("url" in options) {
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      // During an outage a request must fail soon, not wait half a minute for a connection,
      // and after it the pool reconnects within a second (the default backoff grows to 20 s).
      connect_timeout: 5,
      backoff: (retries: number) => Math.min(0.1 * 2 ** retries, 1),
      // Timestamps and dates come back as the drizzle column modes expect.
      connection: { TimeZone: "UTC" },
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      rows: async (query, params = []) =>
        (await client.unsafe(query, params as never[])) as unknown as never[],
      close: () => client.end({ timeout: 5 }),
    };
  }
  let pg: PGlite;
  if ("dataDir" in options) {
    mkdirSync(options.dataDir, { recursive: true });
    pg = new PGlite(options.dataDir);
  } else {
    pg = new PGlite();
  }
  await pg.waitReady;
  await pg.exec("SET TIME ZONE 'UTC'");
  const db = drizzlePglite(pg, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    rows: async (query, params = []) => (await pg.query(query, params)).rows as never[],
    close: () => pg.close(),
  };
}

/**
 * Applies the committed drizzle-kit migrations. On PostgreSQL an advisory lock keeps two
 * server processes starting at once from migrating over each other.
 */
export async function migrateDatabase(database: Database, url?: string): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  if (!url) throw new Error("migrateDatabase: the PostgreSQL URL is needed to migrate");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(824731)`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder });
    await client`select pg_advisory_unlock(824731)`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
