/**
 * Reports sealed before the form asked a mandated reporter's kind of organisation (migration
 * 0014_reporter_sector) are upgraded with it: each keeps its statistics category, its sealed
 * digest (a checkpoint binds the whole report row) and its counters, and audit:verify still
 * passes. The old database is made with the migrations up to 0013, its reports written in SQL
 * as the code of the time wrote them.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrateDatabase } from "../../db/client";
import { children } from "../../db/schema";
import { createTestDatabase, migrationsUpTo, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { insertCase } from "../cases/store.server";
import { report } from "../../test/testing.server";
import { ensureDefaultUnit } from "../units.server";
import { documentEntriesSql, rowsOf } from "./digests.server";
import { sealCase } from "./seal.server";
import { verifyHistory } from "./verify.server";

const OLD = [
  { kind: "mandated", anonymous: false, organisation: "Gullmarsskolan", title: "Kurator", category: "school" },
  { kind: "mandated", anonymous: false, organisation: "Region Västra Götaland", title: "Utredare", category: "healthCare" },
  { kind: "mandated", anonymous: false, organisation: "Lysekils församling", title: "Diakon", category: "otherMandated" },
  { kind: "private", anonymous: false, organisation: null, title: null, category: "private" },
  { kind: "private", anonymous: true, organisation: null, title: null, category: "anonymous" },
] as const;

describe.each(testDatabaseKinds())("a database sealed before the form asked the kind of organisation (%s)", (kind) => {
  let t: TestDatabase;
  const folder = migrationsUpTo("0013_statistics_counters");

  const categories = async () =>
    rowsOf<{ id: string; reporter_category: string }>(
      await t.db.execute(sql`select id, reporter_category from reports order by id`),
    );
  const entries = async () =>
    rowsOf<{ entry: string }>(await t.db.execute(sql`select entry from (${documentEntriesSql(() => sql`true`)}) d order by entry`)).map(
      (r) => r.entry,
    );
  const counts = async () =>
    rowsOf<{ key: string; n: number }>(
      await t.db.execute(sql`select key, sum(n)::int as n from statistics_day_counts where figure = 'report' group by key order by key`),
    );

  beforeAll(async () => {
    t = await createTestDatabase(kind, { migrationsFolder: folder });
    const unitId = await ensureDefaultUnit(t.db);
    let n = 0;
    for (const r of OLD) {
      n += 1;
      const at = new Date(`2026-03-0${n}T09:00:00Z`);
      const caseId = randomUUID();
      const reportId = randomUUID();
      const childName = `Barn ${n}`;
      await t.db.transaction(async (tx) => {
        const [child] = await tx.insert(children).values({ unitId, name: childName }).returning({ id: children.id });
        await insertCase(tx, {
          caseId,
          unitId,
          previousCaseId: null,
          opened: {
            type: "CASE_OPENED",
            at: at.toISOString(),
            actor: { id: "public", name: "Anmälare via webbformuläret", role: "public" },
            caseId,
            referenceNumber: `VRN-2019-0000${n}`,
            childId: child!.id,
            child: { name: childName, protectedIdentity: false, birthDate: null },
            report: { id: reportId, receivedAt: at.toISOString(), violence: false, protectedIdentity: false, mandatedReporter: r.kind === "mandated", violenceKinds: [] },
          },
        });
        await tx.execute(sql`
          insert into reports (id, case_id, report_number, idempotency_key, received_at, reporter_kind, anonymous,
                               reporter_name, reporter_organisation, reporter_title, child_name, guardians, siblings,
                               concern_what, child_knows, violence_kinds)
          values (${reportId}, ${caseId}, ${`ANM-2019-00000${n}`}, ${randomUUID()}, ${at.toISOString()}, ${r.kind}, ${r.anonymous},
                  ${r.anonymous ? null : "Anna Anmälare"}, ${r.organisation}, ${r.title}, ${childName}, '[]'::jsonb, '[]'::jsonb,
                  'Barnet kommer hungrig till skolan.', 'unknown', '[]'::jsonb)`);
        await sealCase(tx, caseId, at);
      });
    }
  }, 120_000);
  afterAll(async () => {
    await t.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("keeps every report's category, sealed digest and counters through the migration, and still verifies", async () => {
    const before = { categories: await categories(), entries: await entries(), counts: await counts() };
    expect(before.categories.map((r) => r.reporter_category).sort()).toEqual(OLD.map((r) => r.category).sort());
    expect((await verifyHistory(t)).problems).toEqual([]);

    await migrateDatabase(t, t.url ?? undefined);

    expect(await categories()).toEqual(before.categories);
    expect(await entries()).toEqual(before.entries);
    expect(await counts()).toEqual(before.counts);
    const after = await verifyHistory(t);
    expect(after.problems).toEqual([]);
    expect(after.cases).toBe(OLD.length);
  });

  it("then counts a new report by the kind of organisation its reporter states", async () => {
    await report(t.db, "2026-03-20T09:00:00Z", {
      childName: "Barn Polis",
      reporter: { kind: "mandated", name: "Per Polis", organisation: "Region Västra Götaland", title: "Utredare", phone: "0523-61 30 00", email: null, sector: "police" },
    });
    expect(await counts()).toEqual([
      { key: "anonymous", n: 1 },
      { key: "healthCare", n: 1 },
      { key: "otherMandated", n: 1 },
      { key: "police", n: 1 },
      { key: "private", n: 1 },
      { key: "school", n: 1 },
    ]);
    expect((await verifyHistory(t)).problems).toEqual([]);
  });
});
