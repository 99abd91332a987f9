import { describe, expect, it } from "vitest";

import { keepStatistics, migrateDatabase, openDatabase } from "./client";

// PGlite has no autovacuum: without statistics its planner guessed, and the intake's lookup
// of a child's open case read every case. These show the embedded database gets them.
describe("planner statistics on the embedded database", () => {
  const reltuples = async (db: Awaited<ReturnType<typeof openDatabase>>, table: string) =>
    Number((await db.rows<{ n: number }>("select reltuples as n from pg_class where relname = $1", [table]))[0]!.n);

  it("are gathered when the migrations have run, and again periodically as rows accumulate", async () => {
    const db = await openDatabase({ memory: true });
    try {
      await migrateDatabase(db);
      expect(await reltuples(db, "units")).toBe(0); // analysed, empty (never analysed: -1)

      await db.rows("insert into units (name, municipality) select 'Enhet ' || g, 'Kommun' from generate_series(1, 2000) g");
      const stop = keepStatistics(db, 50);
      try {
        await expect.poll(() => reltuples(db, "units"), { timeout: 10_000, interval: 100 }).toBe(2000);
      } finally {
        stop();
      }
    } finally {
      await db.close();
    }
  });

  it("a start with nothing to migrate keeps the statistics it has, not analysing every table and catalog again", async () => {
    const db = await openDatabase({ memory: true });
    try {
      await migrateDatabase(db);
      await db.rows("insert into units (name, municipality) select 'Enhet ' || g, 'Kommun' from generate_series(1, 2000) g");
      await migrateDatabase(db);
      expect(await reltuples(db, "units")).toBe(0);
    } finally {
      await db.close();
    }
  });

  it("loads pg_trgm, so name search uses its trigram index", async () => {
    const db = await openDatabase({ memory: true });
    try {
      await migrateDatabase(db);
      const indexes = await db.rows<{ indexname: string }>(
        "select indexname from pg_indexes where indexname in ('children_name_trgm_idx', 'cases_reference_trgm_idx', 'cases_inbox_order_idx') order by 1",
      );
      expect(indexes.map((i) => i.indexname)).toEqual(["cases_inbox_order_idx", "cases_reference_trgm_idx", "children_name_trgm_idx"]);
      await db.rows("set enable_seqscan = off");
      const plan = await db.rows<{ "QUERY PLAN": string }>("explain select id from children where name ilike '%lindström%'");
      expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("children_name_trgm_idx");
    } finally {
      await db.close();
    }
  });
});
