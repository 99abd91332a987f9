/**
 * A new embedded database starts as a copy of one already made and migrated.
 *
 * Making a PGlite database runs PostgreSQL's initdb inside WebAssembly: 4–9 s on two cores,
 * most of a first start and of every test file's set-up. Loading the tarball of one already
 * made takes 1–2.5 s. The tarball is made once per PGlite version and set of migrations (by
 * `npm install`, or by the first database that needs it), kept under
 * `node_modules/.cache/varna/`, and holds nothing but what the migrations create: no account,
 * no case, no secret (the session secret and the audit key live outside the database).
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";

import { migrationsFolder, openDatabase, pgliteOptions, type Database } from "./client";

/** Where templates are kept: `VARNA_CACHE_DIR`, or the project's `node_modules/.cache/varna`. */
export function templateCacheDir(): string {
  return process.env.VARNA_CACHE_DIR ?? path.resolve(migrationsFolder, "../../node_modules/.cache/varna");
}

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve("@electric-sql/pglite"));
  while (!existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
}

/**
 * What a template depends on: PGlite's version, the extensions it is opened with, and every
 * file of the migrations folder. Any change makes another template; old ones are removed.
 */
export function templateKey(folder: string = migrationsFolder): string {
  const hash = createHash("sha256");
  hash.update(`pglite ${pgliteVersion()}\n`);
  hash.update(`extensions ${Object.keys(pgliteOptions.extensions).sort().join(",")}\n`);
  const files = (dir: string, prefix = ""): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
      .sort();
  for (const file of files(folder)) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(path.join(folder, file)));
  }
  return hash.digest("hex").slice(0, 24);
}

/**
 * The tarball of a database made and migrated with `folder`'s migrations, made now if it is
 * not kept yet. Its name carries its SHA-256, checked on every read: a damaged or half-copied
 * file is removed and made again, never handed to PGlite (which fails on it outside any
 * promise, taking the process down). Written to a temporary name and renamed, so a process
 * reading it never sees half a file, and two processes making it at once both succeed.
 */
export async function migratedTemplate(folder: string = migrationsFolder): Promise<Blob> {
  const dir = templateCacheDir();
  const prefix = `pglite-${templateKey(folder)}-`;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (!name.startsWith(prefix) || !name.endsWith(".tar")) continue;
    try {
      const bytes = readFileSync(path.join(dir, name));
      if (`${prefix}${digest(bytes)}.tar` === name) return new Blob([bytes]);
      rmSync(path.join(dir, name), { force: true });
    } catch {
      // removed meanwhile by another process: make it
    }
  }

  const pg = new PGlite(pgliteOptions);
  let tarball: Blob;
  try {
    await pg.waitReady;
    await migrate(drizzle(pg), { migrationsFolder: folder });
    await pg.exec("analyze");
    tarball = await pg.dumpDataDir("none");
  } finally {
    await pg.close();
  }
  const bytes = Buffer.from(await tarball.arrayBuffer());
  const file = path.join(dir, `${prefix}${digest(bytes)}.tar`);
  const partial = `${file}.${randomBytes(6).toString("hex")}.partial`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(partial, bytes);
    renameSync(partial, file);
    removeOldTemplates(dir, file);
  } catch {
    // A read-only installation keeps no template: each new database is made from nothing.
    rmSync(partial, { force: true });
  }
  return new Blob([bytes]);
}

const digest = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex").slice(0, 32);

/**
 * Templates of other migrations or PGlite versions untouched for a day are of no more use
 * (younger ones may be another checkout's or test's, being read right now).
 */
function removeOldTemplates(dir: string, keep: string): void {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (p === keep || !name.startsWith("pglite-")) continue;
    if (statSync(p).mtimeMs < dayAgo) rmSync(p, { force: true });
  }
}

/**
 * Opens an embedded database, in `dataDir` or in memory. A new one (no directory, or an
 * empty one) starts from the migrated template instead of being made from nothing; the caller
 * still runs `migrateDatabase`, which then finds every migration applied. If the template
 * cannot be made or loaded, the database is made from nothing, as it would be without one.
 */
export async function openEmbedded(
  options: { dataDir: string } | { memory: true },
  folder: string = migrationsFolder,
): Promise<Database> {
  if ("dataDir" in options && existsSync(options.dataDir) && readdirSync(options.dataDir).length > 0) {
    return openDatabase(options);
  }
  try {
    return await openDatabase({ ...options, startFrom: await migratedTemplate(folder) });
  } catch {
    // It was empty before: nothing of anyone's is removed.
    if ("dataDir" in options) rmSync(options.dataDir, { recursive: true, force: true });
    return openDatabase(options);
  }
}
