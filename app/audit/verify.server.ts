import type { Database } from "../../db/client";
import { eventHash, genesisHash } from "./hash";

export type VerifyProblem = { caseId: string; referenceNumber: string | null; seq: number | null; problem: string };
export type VerifyReport = { cases: number; events: number; problems: VerifyProblem[] };

type Row = {
  id: string;
  case_id: string;
  seq: number;
  type: string;
  event: unknown;
  actor_id: string | null;
  actor_name: string;
  occurred_at: Date | string;
  prev_hash: string;
  hash: string;
};

const BATCH = 5000;

/**
 * Walks every case's hash chain in order: each event must follow its predecessor (seq
 * without gaps), name its predecessor's hash, and hash to what it says; the case's version
 * must be its last event. Changing, removing, reordering or inserting an event breaks one
 * of these. Reads in keyset-paged batches, so memory stays flat however large the log.
 */
export async function verifyHistory(db: Database): Promise<VerifyReport> {
  const caseRows = await db.rows<{ id: string; reference_number: string; version: number }>(
    "select id, reference_number, version from cases",
  );
  const cases = new Map(caseRows.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const problems: VerifyProblem[] = [];
  let events = 0;
  let current: { caseId: string; seq: number; hash: string } | null = null;

  const finish = (c: { caseId: string; seq: number } | null) => {
    if (!c) return;
    const row = cases.get(c.caseId);
    if (!row) {
      problems.push({ caseId: c.caseId, referenceNumber: null, seq: null, problem: "events of a case that does not exist" });
    } else if (row.version !== c.seq) {
      problems.push({
        caseId: c.caseId,
        referenceNumber: row.reference_number,
        seq: c.seq,
        problem: `the case says version ${row.version} but its last event is ${c.seq}`,
      });
    }
  };

  let after: [string, number] = ["00000000-0000-0000-0000-000000000000", 0];
  for (;;) {
    const rows = await db.rows<Row>(
      `select id, case_id, seq, type, event, actor_id, actor_name, occurred_at, prev_hash, hash
         from case_events where (case_id, seq) > ($1::uuid, $2::int)
         order by case_id, seq limit ${BATCH}`,
      after,
    );
    for (const e of rows) {
      events++;
      if (!current || current.caseId !== e.case_id) {
        finish(current);
        current = { caseId: e.case_id, seq: 0, hash: genesisHash(e.case_id) };
        seen.add(e.case_id);
      }
      const ref = cases.get(e.case_id)?.reference_number ?? null;
      const report = (problem: string) => problems.push({ caseId: e.case_id, referenceNumber: ref, seq: e.seq, problem });
      if (e.seq !== current.seq + 1) report(`event ${e.seq} follows event ${current.seq}: events are missing or reordered`);
      if (e.prev_hash !== current.hash) report(`event ${e.seq} does not link to the event before it`);
      const expected = eventHash(e.prev_hash, {
        caseId: e.case_id,
        seq: e.seq,
        type: e.type,
        event: typeof e.event === "string" ? JSON.parse(e.event) : e.event,
        actorId: e.actor_id,
        actorName: e.actor_name,
        occurredAt: new Date(e.occurred_at).toISOString(),
      });
      if (expected !== e.hash) report(`event ${e.seq} (${e.type}) was altered: its hash does not match its contents`);
      current = { caseId: e.case_id, seq: e.seq, hash: e.hash };
    }
    if (rows.length < BATCH) break;
    const last = rows[rows.length - 1]!;
    after = [last.case_id, last.seq];
  }
  finish(current);
  for (const c of caseRows) {
    if (!seen.has(c.id)) problems.push({ caseId: c.id, referenceNumber: c.reference_number, seq: null, problem: "the case has no events" });
  }
  return { cases: caseRows.length, events, problems };
}
