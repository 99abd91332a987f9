import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { PGlite, types, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
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

/**
 * A query of a fixed shape that drizzle builds once per database instead of on every call:
 * building one costs the server's thread 50–150 µs, and the session lookup runs on every
 * request. `build` ends in drizzle's `.prepare(name)`; the values are `sql.placeholder`s,
 * given to `execute({…})` on each call. On the database itself only, never inside a
 * transaction (the built query keeps the client it was built on).
 */
export function builtOnce<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) built.set(db, (query = build(db)));
    return query;
  };
}

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs raw SQL and returns its rows, whichever driver is underneath. */
  rows<T extends Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

/** `startFrom`: the tarball of a database to begin a new embedded one with (db/template.ts). */
export type DatabaseOptions =
  | { url: string; max?: number }
  | { dataDir: string; startFrom?: Blob }
  | { memory: true; startFrom?: Blob };

/**
 * How every embedded database is opened: with the extensions the migrations use (pg_trgm:
 * name search), and with bytea (letters' PDFs) passed as it is. PGlite's own bytea serializer
 * writes the hex text byte by byte through an array of strings, and its parser reads it back
 * the same way: a 43 kB receipt took 5 ms to insert and 3.3 ms to read, on the server's thread.
 * Handed the bytes themselves, PGlite sends them as a binary parameter (0.8 ms), and the hex
 * text of a result is read by Node's Buffer (0.5 ms).
 */
export const pgliteOptions = {
  extensions: { pg_trgm },
  serializers: { [types.BYTEA]: (bytes: Uint8Array) => bytes as unknown as string },
  parsers: { [types.BYTEA]: (text: string) => Buffer.from(text.slice(2), "hex") },
} satisfies PGliteOptions;

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
    const db = drizzlePostgres(preparing(client), { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      rows: async (query, params = []) =>
        (await client.unsafe(query, params as never[])) as unknown as never[],
      close: () => client.end({ timeout: 5 }),
    };
  }
  const embedded = options.startFrom ? { ...pgliteOptions, loadDataDir: options.startFrom } : pgliteOptions;
  let pg: PGlite;
  if ("dataDir" in options) {
    mkdirSync(options.dataDir, { recursive: true });
    pg = new PGlite(options.dataDir, embedded);
  } else {
    pg = new PGlite(embedded);
  }
  try {
    await pg.waitReady;
  } catch (error) {
    await pg.close().catch(() => {});
    throw error;
  }
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
 * drizzle runs every query through postgres.js `unsafe()` unprepared, and postgres.js then
 * needs a round trip to learn the parameter types before it can send the values: two round
 * trips a query. Prepared (a named statement per distinct SQL text, kept per connection),
 * a query is one round trip once seen. The wrapper asks for that, in transactions and
 * savepoints too. The SQL texts are the app's own, a bounded set.
 */
type Sql = postgres.Sql;
function preparing<T extends Sql | postgres.TransactionSql>(sql: T): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params as never[], { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const callback = args.pop() as (tx: postgres.TransactionSql) => unknown;
          return (target as unknown as Record<string, (...a: unknown[]) => unknown>)[property]!(...args, (tx: postgres.TransactionSql) =>
            callback(preparing(tx)),
          );
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Applies the committed drizzle-kit migrations (`folder`: another set, for tests that upgrade
 * a database made by older migrations). On PostgreSQL an advisory lock keeps two
 * server processes starting at once from migrating over each other.
 */
export async function migrateDatabase(database: Database, url?: string, folder: string = migrationsFolder): Promise<void> {
  if (database.kind === "pglite") {
    const before = await appliedMigrations(database);
    await migratePglite(database.db as never, { migrationsFolder: folder });
    // PGlite has no autovacuum: without statistics the planner guesses, and e.g. the
    // lookup of a child's open case read every case (32 ms at 90k cases, 0.1 ms with them).
    // ANALYZE (every table, the catalogs' too: 0.25–0.6 s even when empty) when migrations
    // were applied; on an ordinary start the statistics kept in the database stand, and
    // keepStatistics gathers them again a minute later.
    if ((await appliedMigrations(database)) !== before) await database.rows("analyze");
    return;
  }
  if (!url) throw new Error("migrateDatabase: the PostgreSQL URL is needed to migrate");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(824731)`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder: folder });
    await client`select pg_advisory_unlock(824731)`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function appliedMigrations(database: Database): Promise<number> {
  const [table] = await database.rows<{ t: string | null }>("select to_regclass('drizzle.__drizzle_migrations')::text as t");
  if (!table?.t) return 0;
  const [row] = await database.rows<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
  return row!.n;
}

/**
 * The embedded database has no autovacuum to keep the planner's statistics current as cases
 * accumulate: gather them a minute after start (not during it) and then every `intervalMs`
 * (default 10 minutes; ANALYZE samples at most 30,000 rows a table, a fraction of a second).
 * PostgreSQL's autovacuum does this itself.
 */
export function keepStatistics(database: Database, intervalMs = 10 * 60_000): () => void {
  if (database.kind !== "pglite") return () => {};
  const analyze = () => {
    database.rows("analyze").catch(() => {
      // closed or busy: the next round tries again
    });
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    analyze();
    interval = setInterval(analyze, intervalMs);
    interval.unref();
  }, Math.min(60_000, intervalMs));
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(interval);
  };
}
