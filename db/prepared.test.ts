import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { openDatabase } from "./client";
import { units } from "./schema";
import { createTestDatabase } from "./testing";

// drizzle's queries reach postgres.js unprepared, which costs a second round trip each (the
// driver asks for the parameter types first). db/client.ts has them prepared, in
// transactions too: the statement is then kept on the connection.
describe.skipIf(!process.env.TEST_DATABASE_URL)("queries on PostgreSQL", () => {
  it("are prepared statements, also inside a transaction", async () => {
    const t = await createTestDatabase("postgres");
    const db = await openDatabase({ url: t.url!, max: 1 });
    try {
      await db.db.insert(units).values({ name: "Enhet A", municipality: "Kommun" });
      const found = await db.db.transaction(async (tx) => tx.select().from(units).where(eq(units.name, "Enhet A")));
      expect(found).toHaveLength(1);
      const prepared = await db.db.execute(sql`select statement from pg_prepared_statements`);
      const statements = (prepared as unknown as { statement: string }[]).map((r) => r.statement);
      expect(statements.some((s) => s.startsWith('insert into "units"'))).toBe(true);
      expect(statements.some((s) => s.startsWith('select "id", "name"'))).toBe(true);
    } finally {
      await db.close();
      await t.drop();
    }
  });
});
