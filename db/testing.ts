/**
 * Real databases for tests: an embedded PGlite per test file, and — when
 * TEST_DATABASE_URL is set — a fresh PostgreSQL database per test file as well.
 */
import { randomBytes } from "node:crypto";

import postgres from "postgres";

import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { migrateDatabase, migrationsFolder as allMigrations, openDatabase, type Database } from "./client";
import { openEmbedded } from "./template";

export type TestDatabaseKind = "pglite" | "postgres";

/** The kinds every integration suite runs against. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export type TestDatabase = Database & { url: string | null; drop(): Promise<void> };

/** `migrationsFolder`: migrate with another set (e.g. only the migrations before a new one). */
export async function createTestDatabase(
  kind: TestDatabaseKind,
  { migrationsFolder }: { migrationsFolder?: string } = {},
): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = await openEmbedded({ memory: true }, migrationsFolder);
    await migrateDatabase(db, undefined, migrationsFolder);
    return { ...db, url: null, drop: () => db.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `varna_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), max: 20 });
  await migrateDatabase(db, url.toString(), migrationsFolder);
  return {
    ...db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      const admin2 = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin2.unsafe(`drop database if exists ${name} with (force)`);
      await admin2.end();
    },
  };
}

/**
 * A copy of the committed migrations up to and including `lastTag` (e.g. "0013_statistics_counters"),
 * in a temporary folder: a database migrated with it is one made before the later migrations.
 */
export function migrationsUpTo(lastTag: string): string {
  const journal = JSON.parse(readFileSync(path.join(allMigrations, "meta", "_journal.json"), "utf8")) as {
    entries: { idx: number; tag: string }[];
  };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  const entries = journal.entries.slice(0, last + 1);
  const folder = mkdtempSync(path.join(tmpdir(), "varna-migrations-"));
  for (const e of entries) cpSync(path.join(allMigrations, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  // drizzle's migrator reads only the journal and the SQL files.
  const meta = path.join(folder, "meta");
  mkdirSync(meta);
  writeFileSync(path.join(meta, "_journal.json"), JSON.stringify({ ...journal, entries }, null, 2));
  return folder;
}
