/**
 * Real databases for tests: an embedded PGlite per test file, and — when
 * TEST_DATABASE_URL is set — a fresh PostgreSQL database per test file as well.
 */
import { randomBytes } from "node:crypto";

import postgres from "postgres";

import { migrateDatabase, openDatabase, type Database } from "./client";

export type TestDatabaseKind = "pglite" | "postgres";

/** The kinds every integration suite runs against. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export type TestDatabase = Database & { url: string | null; drop(): Promise<void> };

export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = await openDatabase({ memory: true });
    await migrateDatabase(db);
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
  await migrateDatabase(db, url.toString());
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
