import { createHash } from "node:crypto";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { migrateDatabase, migrationsFolder, openDatabase, type Database } from "./client";
import { migratedTemplate, openEmbedded, templateKey } from "./template";

// A new embedded database starts as a copy of a migrated one (db/template.ts). The copy
// must be the database the migrations make, an existing database must never be replaced by
// it, and a damaged copy must not take the server down.

/** Every table, column, index, constraint, trigger, function and sequence of the public schema. */
async function schemaOf(database: Database): Promise<string[]> {
  const rows = await database.rows<{ line: string }>(`
    select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') as line
      from information_schema.columns where table_schema = 'public'
    union all select 'index ' || indexname || ' ' || indexdef from pg_indexes where schemaname = 'public'
    union all select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      from pg_constraint where connamespace = 'public'::regnamespace
    union all select 'trigger ' || tgrelid::regclass || ' ' || tgname from pg_trigger where not tgisinternal
    union all select 'function ' || proname || ' ' || md5(prosrc) from pg_proc where pronamespace = 'public'::regnamespace
    union all select 'sequence ' || sequencename || ' ' || coalesce(last_value, 0) from pg_sequences where schemaname = 'public'
    union all select 'extension ' || extname from pg_extension
    union all select 'migration ' || hash from drizzle.__drizzle_migrations
    order by 1`);
  return rows.map((r) => r.line);
}

const caches: string[] = [];
function freshCache(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "varna-template-"));
  caches.push(dir);
  process.env.VARNA_CACHE_DIR = dir;
  return dir;
}
afterEach(() => {
  delete process.env.VARNA_CACHE_DIR;
});
afterAll(() => {
  for (const dir of caches) rmSync(dir, { recursive: true, force: true });
});

describe("a new embedded database starts from the migrated template", () => {
  let fromNothing: Database;
  let fromTemplate: Database;
  beforeAll(async () => {
    fromNothing = await openDatabase({ memory: true });
    await migrateDatabase(fromNothing);
    fromTemplate = await openEmbedded({ memory: true });
    await migrateDatabase(fromTemplate);
  });
  afterAll(async () => {
    await fromNothing?.close();
    await fromTemplate?.close();
  });

  it("has the very schema the migrations make from nothing, and no rows", async () => {
    const expected = await schemaOf(fromNothing);
    expect(expected.length).toBeGreaterThan(100);
    expect(await schemaOf(fromTemplate)).toEqual(expected);
    const [counts] = await fromTemplate.rows<{ n: number }>(
      "select (select count(*) from users) + (select count(*) from units) + (select count(*) from cases) + (select count(*) from case_events) as n",
    );
    expect(Number(counts!.n)).toBe(0);
  });
});

describe("the template kept on disk", () => {
  it("is made once and then read, in a new data directory that keeps what is written to it", async () => {
    const cache = freshCache();
    const dataDir = path.join(cache, "data");
    const first = await openEmbedded({ dataDir });
    await migrateDatabase(first);
    await first.rows("insert into units (name, municipality) values ('Barn och unga', 'Lysekil')");
    await first.close();
    const kept = readdirSync(cache).filter((f) => f.endsWith(".tar"));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(new RegExp(`^pglite-${templateKey()}-[0-9a-f]{32}\\.tar$`));

    // Opened again, the directory is the database itself, not the template once more.
    const again = await openEmbedded({ dataDir });
    await migrateDatabase(again);
    expect(await again.rows("select name from units")).toEqual([{ name: "Barn och unga" }]);
    await again.close();
  });

  it("a damaged template is removed and made again; the database still opens, migrated", async () => {
    const cache = freshCache();
    const good = await migratedTemplate();
    const [name] = readdirSync(cache).filter((f) => f.endsWith(".tar"));
    // The same name, other bytes (a disk error, a half-finished copy).
    writeFileSync(path.join(cache, name!), Buffer.alloc(100_000, 7));

    const database = await openEmbedded({ dataDir: path.join(cache, "data") });
    await migrateDatabase(database);
    expect(await database.rows("select count(*)::int as n from cases")).toEqual([{ n: 0 }]);
    await database.close();
    // Made again, under the name of its own digest (a tarball's bytes differ each time it is made).
    const remade = readdirSync(cache).filter((f) => f.endsWith(".tar"));
    expect(remade).toHaveLength(1);
    const bytes = readFileSync(path.join(cache, remade[0]!));
    expect(bytes.length).toBe(good.size);
    expect(remade[0]).toBe(`pglite-${templateKey()}-${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}.tar`);
  });

  it("a changed migration makes another template, never the old one", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "varna-migrations-"));
    caches.push(folder);
    cpSync(migrationsFolder, folder, { recursive: true });
    const before = templateKey(folder);
    expect(before).toBe(templateKey());
    const last = readdirSync(folder).filter((f) => f.endsWith(".sql")).sort().at(-1)!;
    appendFileSync(path.join(folder, last), "\n-- changed\n");
    expect(templateKey(folder)).not.toBe(before);
  });

  it("an installation that cannot write the cache still opens new databases", async () => {
    const cache = freshCache();
    // The cache's place is taken by a file: no directory can be made there.
    const blocked = path.join(cache, "blocked");
    writeFileSync(blocked, "");
    process.env.VARNA_CACHE_DIR = path.join(blocked, "varna");
    const database = await openEmbedded({ dataDir: path.join(cache, "data") });
    await migrateDatabase(database);
    expect(await database.rows("select count(*)::int as n from users")).toEqual([{ n: 0 }]);
    await database.close();
    expect(existsSync(path.join(blocked, "varna"))).toBe(false);
  });
});
