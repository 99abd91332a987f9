import { createHash, randomBytes } from "node:crypto";

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "./testing";

// Letters are stored as bytea, and sealed by PostgreSQL's SHA-256 of the stored bytes
// (decision 0004): a letter must come back, and be hashed, exactly as it was given. On the
// embedded database bytea goes to and from its hex text through Node's Buffer (db/client.ts).
describe.each(testDatabaseKinds())("a letter's bytes (%s)", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.drop());

  const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const cases = {
    "every byte value": everyByte,
    "a receipt-sized PDF": Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(43_000), everyByte]),
    "empty": Buffer.alloc(0),
    "a view into a larger buffer": randomBytes(1_000).subarray(100, 300),
  };

  it.each(Object.entries(cases))("%s: stored, read back and hashed as given", async (_name, bytes) => {
    const [row] = await t.rows<{ stored: Uint8Array; sha: string; n: number }>(
      "select $1::bytea as stored, encode(sha256($1::bytea), 'hex') as sha, length($1::bytea) as n",
      [bytes],
    );
    expect(Buffer.compare(Buffer.from(row!.stored), bytes)).toBe(0);
    expect(row!.n).toBe(bytes.length);
    expect(row!.sha).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("through drizzle too, as the letters table is written and read", async () => {
    const bytes = Buffer.concat([everyByte, randomBytes(5_000)]);
    const rows = (await t.db.execute(sql`select ${bytes}::bytea as stored`)) as unknown;
    const stored = (Array.isArray(rows) ? rows : (rows as { rows: { stored: Uint8Array }[] }).rows)[0]!.stored as Uint8Array;
    expect(Buffer.compare(Buffer.from(stored), bytes)).toBe(0);
  });
});
