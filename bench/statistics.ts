// quality.md, "statistics": /statistik for a year at 100,000 cases, < 200 ms server time.
// The subject is the real page: GET /statistik through the Remix build's request handler
// (session, role check, the SQL, the SVG charts rendered to HTML). The baseline is the same
// figures' SQL alone (computeStatistics: one statement through the driver), in the same run.
// Needs `npx remix build` first. PostgreSQL from TEST_DATABASE_URL (a fresh database, dropped
// afterwards); without it, an in-memory PGlite.

import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { sql } from "drizzle-orm";

import { createTestDatabase } from "../db/testing";
import { addCalendarDays, stockholmDate } from "../workflows/deadlines";
import { measurePair, type BenchContext, type Row } from "./lib";

const FULL_CASES = 100_000;
/** `--quick`: enough cases to run every query, not to measure. */
const QUICK_CASES = 4_000;
const BAR_MS = 200;

/** 100,000 cases over two years, each with its report and five events, written by generate_series. */
export async function seed(db: Awaited<ReturnType<typeof createTestDatabase>>["db"], unitId: string, CASES = FULL_CASES) {
  await db.execute(sql`
    insert into children (id, unit_id, name, birth_date)
    select md5('child' || i)::uuid, ${unitId}, 'Barn ' || i, date '2012-01-01' + (i % 3000)
    from generate_series(0, ${CASES}) i`);
  // Repeat reports: every fifth case is about the child of the case a day before it (137 cases
  // earlier), and one in twenty-five about the child of 138 cases before, who so has three.
  await db.execute(sql`
    insert into cases (id, unit_id, reference_number, child_id, state, snapshot, machine_version, version,
                       open, received_at, next_deadline_kind, next_deadline, decision_due)
    select md5('case' || i)::uuid, ${unitId}, 'BENCH-' || lpad(i::text, 6, '0'), md5('child' || (case when i <= 138 then i when i % 5 = 0 then i - 137 when i % 25 = 1 then i - 138 else i end))::uuid,
           case when i <= 3000 then 'preliminaryAssessment.planning' else 'closed' end, '{}'::jsonb, 1, 5,
           i <= 3000, now() - i * interval '631 seconds',
           case when i <= 3000 then 'decision' end,
           case when i <= 3000 then (now() - i * interval '631 seconds' + interval '14 days')::date end,
           (now() - i * interval '631 seconds' + interval '14 days')::date
    from generate_series(1, ${CASES}) i`);
  // The per-row triggers that keep the statistics' derived tables are off for these bulk inserts;
  // rebuild_statistics() computes what they would have written, at the end.
  await db.execute(sql`alter table reports disable trigger reports_statistics`);
  await db.execute(sql`alter table case_decisions disable trigger case_decisions_statistics`);
  await db.execute(sql`
    insert into reports (id, case_id, idempotency_key, received_at, reporter_kind, anonymous, reporter_name,
                         reporter_organisation, reporter_title, child_name, guardians, siblings, concern_what,
                         child_knows, violence_kinds)
    select md5('report' || i)::uuid, md5('case' || i)::uuid, 'bench-' || i, now() - i * interval '631 seconds',
           case when i % 10 < 2 then 'private' else 'mandated' end, i % 10 = 0,
           case when i % 10 <> 0 then 'Anmälare ' || i end,
           case when i % 10 >= 2 then (array['Gullmarsskolan', 'Förskolan Solen', 'Vårdcentralen Lysekil', 'Polisen',
                                             'Fält- och fritidsverksamheten, Lysekils kommun', 'Lysekils församling',
                                             'Gullmarsgymnasiet', 'BUP Uddevalla'])[1 + i % 8] end,
           case when i % 10 >= 2 then 'Handläggare' end,
           'Barn ' || i, '[]'::jsonb, '[]'::jsonb, 'Oro för barnet.', 'unknown', '[]'::jsonb
    from generate_series(1, ${CASES}) i`);
  // Five events a case: opened, assessed (one in twenty urgent), proposed, approved, a note.
  // Likewise the trigger that keeps case_decisions: the rows it would write are inserted directly
  // below (one report per case: received = the case's receipt).
  await db.execute(sql`alter table case_events disable trigger case_events_decision`);
  await db.execute(sql`
    insert into case_events (case_id, seq, type, event, actor_name, occurred_at, prev_hash, hash)
    select md5('case' || i)::uuid, s,
           case s when 1 then 'CASE_OPENED' when 2 then 'PROTECTION_ASSESSED'
                  when 3 then case when i % 20 = 0 then 'NOTE_ADDED' else 'DECISION_PROPOSED' end
                  when 4 then case when i % 20 = 0 then 'NOTE_ADDED' else 'DECISION_APPROVED' end
                  else 'NOTE_ADDED' end,
           case s when 2 then jsonb_build_object('needsProtection', i % 20 = 0)
                  when 3 then jsonb_build_object(
                    'outcome', (array['noInvestigation', 'openInvestigation', 'alreadyInvestigated', 'transfer'])[1 + i % 4],
                    'support', case when i % 3 = 0 then '["parentalSupport"]'::jsonb else '[]'::jsonb end)
                  else '{}'::jsonb end,
           'Bench',
           now() - i * interval '631 seconds' + case s when 1 then interval '0' when 2 then interval '2 hours'
             else (i % 20 + s - 3) * interval '1 day' + interval '3 hours' end,
           'x', 'x'
    from generate_series(1, ${CASES}) i cross join generate_series(1, 5) s
    where not (i <= 3000 and s >= 3)`);
  await db.execute(sql`alter table case_events enable trigger case_events_decision`);
  await db.execute(sql`
    insert into case_decisions (case_id, seq, unit_id, decided_at, received_at, outcome)
    select md5('case' || i)::uuid, case when i % 20 = 0 then 2 else 4 end, ${unitId},
           now() - i * interval '631 seconds' + case when i % 20 = 0 then interval '2 hours'
             else (i % 20 + 1) * interval '1 day' + interval '3 hours' end,
           now() - i * interval '631 seconds',
           case when i % 20 = 0 then 'investigation'
                else (array['noInvestigation', 'investigation', 'alreadyInvestigated', 'transfer'])[1 + i % 4] end
    from generate_series(3001, ${CASES}) i`);
  // Those with support offered.
  await db.execute(sql`
    update case_decisions set outcome = 'support'
    where outcome = 'noInvestigation' and case_id in (select md5('case' || i)::uuid from generate_series(3, ${CASES}, 3) i)`);
  await db.execute(sql`alter table reports enable trigger reports_statistics`);
  await db.execute(sql`alter table case_decisions enable trigger case_decisions_statistics`);
  await db.execute(sql`select rebuild_statistics()`);
  await db.execute(sql`analyze`);
}

export async function benchStatistics(ctx: BenchContext): Promise<Row[]> {
  const CASES = ctx.quick ? QUICK_CASES : FULL_CASES;
  process.env.SESSION_SECRET ??= "bench-statistics-secret";
  const buildPath = path.resolve("build/index.js");
  if (!existsSync(buildPath)) throw new Error("bench statistics: run `npx remix build` first");

  const kind = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
  const database = await createTestDatabase(kind);
  try {
    const { db } = database;
    const [unit] = (await db.execute(
      sql`insert into units (name, municipality) values ('Bench', 'Benchkommun') returning id`,
    ).then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows))) as { id: string }[];
    const [lead] = (await db.execute(
      sql`insert into users (email, name, role, unit_id, password_hash)
          values ('lead@bench.varna.se', 'Bench Lead', 'teamLead', ${unit!.id}, 'x') returning id`,
    ).then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows))) as { id: string }[];
    const started = performance.now();
    await seed(db, unit!.id, CASES);
    process.stderr.write(`  seeded ${CASES} cases (${kind}) in ${Math.round(performance.now() - started)} ms\n`);

    // The app's getDb() finds the bench database (see app/db.server.ts).
    (globalThis as { __varnaDatabase?: Promise<unknown> }).__varnaDatabase = Promise.resolve(database);
    const { createSession } = await import("../app/auth/session.server");
    const { computeStatistics } = await import("../app/statistics/statistics.server");
    const { createRequestHandler } = await import("@remix-run/node");
    const build = await import(pathToFileURL(buildPath).href);
    const handle = createRequestHandler(build, "production");
    const cookie = (await createSession(db, lead!.id)).split(";")[0]!;

    const today = stockholmDate(new Date());
    const period = { from: addCalendarDays(today, -364), to: today };
    const url = `http://localhost/statistik?from=${period.from}&to=${period.to}`;
    const page = async () => {
      const response = await handle(new Request(url, { headers: { Cookie: cookie } }), {
        cspNonce: "bench",
        clientAddress: "127.0.0.1",
      });
      if (response.status !== 200) throw new Error(`/statistik answered ${response.status}`);
      await response.text();
    };
    const bare = () => computeStatistics(db, unit!.id, period);
    const check = await bare();
    process.stderr.write(
      `  a year: ${check.reports.total} reports about ${check.repeat.children} children (${check.repeat.byCount[2]} with two, ${check.repeat.byCount[3]} with three), ` +
        `${check.decisions.total} decisions, ${check.decisions.inTime} within 14 days\n`,
    );

    const { subject, baseline } = await measurePair(
      { name: "page", fn: page },
      { name: "sql", fn: bare },
      ctx.quick ? { iterations: 3, rounds: 1, warmup: 1 } : { iterations: 40, rounds: 4, warmup: 3 },
    );
    return [
      {
        figure: `statistics: /statistik for a year, ${CASES.toLocaleString("en")} cases (${kind}), p95`,
        value: subject.p95Ms,
        unit: "ms",
        baseline: baseline.p95Ms,
        ratio: subject.p95Ms / baseline.p95Ms,
        bar: `< ${BAR_MS} ms (baseline: the same SQL alone)`,
        pass: subject.p95Ms < BAR_MS,
      },
    ];
  } finally {
    await database.drop();
  }
}
