import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import type { SessionUser } from "../auth/session.server";
import { createStaff, newCase } from "../../test/test-support";
import { createStaff as createUser } from "../../test/testing.server";
import { exportCasesCsv, exportCasesJsonLines, parseDateRange, type CasesExport } from "./export-range.server";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const CASES = 20_000;
const EVENTS_PER_CASE = 5;
/** Retained memory (heap and buffers) allowed above the baseline while streaming, whatever the number of cases. */
const BOUND = 24 * 1024 * 1024;

/**
 * Consumes an export as a client would and watches that it streams: the heap and the buffers
 * (the chunks are bytes, outside the heap) after a full collection at every chunk, the size of
 * each chunk, and how many of the period's cases had been read (each batch is written to the
 * access log before it is handed out) when the first chunk of cases arrived.
 *
 * The embedded database lives in this process, in a WebAssembly buffer that grows with what it
 * stores (here the export's 20,000 access-log rows) and never shrinks; there only the heap is
 * counted, as no buffer can be told apart from the database's. On PostgreSQL (CI) the buffers
 * are all the export's.
 */
async function drain(exported: CasesExport, casesReadSoFar: () => Promise<number>, kind: "pglite" | "postgres") {
  const retained = () => {
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + (kind === "postgres" ? arrayBuffers : 0);
  };
  gc();
  const baseline = retained();
  let peak = 0;
  let bytes = 0;
  let chunks = 0;
  let largest = 0;
  let readAtFirstCases = -1;
  let text = "";
  for await (const chunk of exported.chunks) {
    const size = chunk.length;
    bytes += size;
    largest = Math.max(largest, size);
    // The first chunk is the header, written before any case is read; the second holds cases.
    if (++chunks === 2) readAtFirstCases = await casesReadSoFar();
    if (chunks <= 2) text += chunk.toString("utf8");
    gc();
    peak = Math.max(peak, retained() - baseline);
  }
  return { peak, bytes, chunks, largest, readAtFirstCases, start: text };
}

// Heavy (20,000 cases): on PostgreSQL when the suite has it, else on the embedded database.
const kinds = testDatabaseKinds().includes("postgres") ? (["postgres"] as const) : (["pglite"] as const);

describe.each(kinds)("a streamed export of many cases (%s)", (kind) => {
  let t: TestDatabase;
  let auditor: SessionUser;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const staff = await createStaff(t.db);
    auditor = await createUser(t.db, staff.unitId, "auditor", "Greta Granskare");
    const template = await newCase(t.db, {}, new Date("2025-06-01T08:00:00Z"));
    // 20,000 cases of 5 events each, made by the database, 2,000 cases to a statement (the
    // embedded database runs on this thread: the test runner must get a word in).
    for (let from = 1; from <= CASES; from += 2000) {
      const to = Math.min(from + 1999, CASES);
      await t.rows(
        `insert into cases (id, unit_id, reference_number, child_id, state, snapshot, machine_version, version, open, received_at, updated_at)
         select gen_random_uuid(), c.unit_id, 'GEN-' || lpad(g::text, 5, '0'), c.child_id, c.state, c.snapshot, c.machine_version,
                ${EVENTS_PER_CASE}, true, timestamptz '2026-01-01 00:00Z' + g * interval '10 minutes', now()
           from generate_series(${from}, ${to}) g, cases c where c.id = $1`,
        [template.caseId],
      );
      await t.rows(
        `insert into case_events (case_id, seq, type, event, actor_id, actor_name, occurred_at, prev_hash, hash)
         select c.id, s, 'NOTE_ADDED',
                jsonb_build_object('type', 'NOTE_ADDED', 'text', 'Anteckning nummer ' || s || ': ' || repeat('samtal med skolan om barnets situation ', 6)),
                null, 'Sara Testsson', c.received_at + s * interval '1 minute',
                encode(sha256(convert_to(c.id::text || (s - 1), 'UTF8')), 'hex'), encode(sha256(convert_to(c.id::text || s, 'UTF8')), 'hex')
           from cases c, generate_series(1, ${EVENTS_PER_CASE}) s
          where c.reference_number between 'GEN-' || lpad('${from}', 5, '0') and 'GEN-' || lpad('${to}', 5, '0')`,
      );
    }
  }, 300_000);
  afterAll(() => t?.drop());

  const year = () => {
    const range = parseDateRange(new URLSearchParams("from=2026-01-01&to=2026-12-31"));
    if (!range.ok) throw new Error(range.message);
    return range;
  };

  /** How many of the period's cases the auditor's export of this kind has read (and logged) so far. */
  const readSoFar = (file: string) => async () => {
    const [row] = await t.rows<{ n: number | string }>(
      `select count(*) as n from access_log where user_id = $1 and case_id is not null and detail = $2`,
      [auditor.id, file],
    );
    return Number(row!.n);
  };

  /** What streaming means here, whatever the format. */
  function expectStreamed(drained: Awaited<ReturnType<typeof drain>>) {
    // Many chunks (20,000 cases are 20 batches), none holding more than a tenth of the file.
    expect(drained.chunks).toBeGreaterThanOrEqual(20);
    expect(drained.largest).toBeLessThan(drained.bytes / 10);
    // The first cases leave before most of the period has been read.
    expect(drained.readAtFirstCases).toBeGreaterThan(0);
    expect(drained.readAtFirstCases).toBeLessThanOrEqual(CASES / 10);
    // The retained memory stays under the bound at every chunk.
    expect(drained.peak).toBeLessThan(BOUND);
  }

  it(`JSON Lines of ${CASES} cases streams under a fixed heap bound`, async () => {
    const exported = (await exportCasesJsonLines(t.db, auditor, year()))!;
    expect(exported.total).toBe(CASES);
    const drained = await drain(exported, readSoFar("export.jsonl"), kind);
    // The file is several times the bound, so holding it (or a large part) would fail.
    expect(drained.bytes).toBeGreaterThan(2 * BOUND);
    expectStreamed(drained);
    expect(drained.start).toContain('"kind":"case"');
  }, 300_000);

  it(`CSV of ${CASES} cases streams under the same bound and has every case`, async () => {
    const exported = (await exportCasesCsv(t.db, auditor, year()))!;
    let rows = -1; // the header
    const counted: CasesExport = {
      ...exported,
      chunks: (async function* () {
        for await (const chunk of exported.chunks) {
          rows += chunk.toString("utf8").split("\r\n").length - 1;
          yield chunk;
        }
      })(),
    };
    const drained = await drain(counted, readSoFar("export.csv"), kind);
    expect(rows).toBe(CASES);
    expectStreamed(drained);
    expect(drained.start).toContain("GEN-00001");
  }, 300_000);
});
