import { keepStatistics, migrateDatabase, openDatabase, type Database } from "../db/client";
import { openEmbedded } from "../db/template";
import { env } from "./env.server";

// One database per process. The server entry and the Remix build are separate module
// graphs, so the handle lives on globalThis: opening one PGlite directory twice corrupts it.
const key = "__varnaDatabase" as const;
const store = globalThis as unknown as { [key]?: Promise<Database> };

export function database(): Promise<Database> {
  return (store[key] ??= open());
}

async function open(): Promise<Database> {
  const { databaseUrl, embeddedDatabaseDir } = env();
  const db = databaseUrl
    ? await openDatabase({ url: databaseUrl })
    : await openEmbedded({ dataDir: embeddedDatabaseDir });
  await migrateDatabase(db, databaseUrl);
  keepStatistics(db);
  return db;
}

export async function getDb() {
  return (await database()).db;
}
