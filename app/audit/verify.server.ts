import canonicalize from "canonicalize";
import { sql } from "drizzle-orm";

import type { Database } from "../../db/client";
import { CASE_MACHINE_VERSION, replay, upgradeSnapshot, type CaseEvent, type PersistedCase } from "../../workflows";
import { caseColumns } from "../cases/store.server";
import { env } from "../env.server";
import { CHECKPOINT_GENESIS, checkpointHash, checkpointMac, keyId } from "./checkpoint";
import { documentEntriesSql, rowsOf, type CaseFilter } from "./digests.server";
import { eventHash, genesisHash } from "./hash";

export type VerifyProblem = { caseId: string; referenceNumber: string | null; seq: number | null; problem: string };
export type VerifyReport = {
  cases: number;
  events: number;
  checkpoints: number;
  /** The newest checkpoint, to be kept apart as an anchor (audit:verify --anchor). */
  head: { seq: number; hash: string } | null;
  problems: VerifyProblem[];
};
export type VerifyOptions = {
  /** AUDIT_KEY: the keys checkpoints may be sealed with (default: the environment's). */
  keys?: string[];
  /** A head recorded earlier outside the database: the sequence must still contain it. */
  anchor?: { seq: number; hash: string } | null;
  /**
   * Also rebuild every case from its events through the statechart and compare with the
   * stored snapshot (audit:verify --replay). Slow (the machine, not the database, sets the
   * pace), and not needed to detect tampering: the sealed digests already pin every
   * snapshot; this proves the snapshots are what the events say.
   */
  replay?: boolean;
};

const BATCH = 5000;
const CASES_PER_PAGE = 500;
const NO_CASE = "00000000-0000-0000-0000-000000000000";

type CheckpointRow = {
  seq: number;
  case_id: string;
  case_seq: number;
  case_hash: string;
  snapshot_digest: string;
  from_digest: string;
  documents: string;
};
type EventRow = {
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
type CaseRow = { id: string; row: Record<string, unknown> | string; snapshot_digest: string };

/**
 * audit:verify. Two walks, each keyset-paged so memory stays flat however large the log:
 *
 * 1. The checkpoint sequence in order: numbered without gaps from 1, each linked to the one
 *    before, hashing to what it says and sealed by a MAC under AUDIT_KEY (which is not in
 *    the database, so recomputing the hashes is not enough to forge one).
 * 2. Every case (and every case id any checkpoint names), in id order: its event chain; its
 *    version; every checkpoint of the case still matching the event it pinned (so a rewritten
 *    chain or a removed tail shows); its snapshot equal to the replay of its events, the
 *    sealed digest, and its copied columns; its reports and letters exactly those sealed,
 *    never changed between checkpoints, each letter's bytes matching its SHA-256.
 */
export async function verifyHistory(database: Database, options: VerifyOptions = {}): Promise<VerifyReport> {
  const keys = new Map((options.keys ?? env().auditKeys).map((k) => [keyId(k), k]));
  const problems: VerifyProblem[] = [];
  // The two walks are independent: on PostgreSQL they run on two connections at once.
  const [sequence, walked] = await Promise.all([
    verifySequence(database, keys, options.anchor ?? null, problems),
    verifyCases(database, problems, options.replay ?? false),
  ]);
  await nameCases(database, problems);
  return { cases: walked.cases, events: walked.events, checkpoints: sequence.checkpoints, head: sequence.head, problems };
}

async function query<T>(database: Database, q: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await database.db.execute(q));
}

async function verifySequence(
  database: Database,
  keys: Map<string, string>,
  anchor: { seq: number; hash: string } | null,
  problems: VerifyProblem[],
) {
  const report = (caseId: string, problem: string) => problems.push({ caseId, referenceNumber: null, seq: null, problem });
  let prev = CHECKPOINT_GENESIS;
  let expected = 1;
  let count = 0;
  let anchorSeen = false;
  const batch = (after: number) =>
    query<CheckpointRow & { at: string; prev_hash: string; hash: string; key_id: string; mac: string }>(
      database,
      sql`select seq::float8 as seq, case_id, case_seq, case_hash, snapshot_digest, from_digest, documents,
                 to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, prev_hash, hash, key_id, mac
            from audit_checkpoints where seq > ${after} and seq <= ${after + BATCH} order by seq`,
    );
  // Checkpoint numbers are dense, so the next batch's range is known: fetch it while this one is checked.
  let next = batch(0);
  for (let after = 0; ; after += BATCH) {
    const rows = await next;
    next = batch(after + BATCH);
    for (const c of rows) {
      count++;
      const seq = Number(c.seq);
      if (seq !== expected) {
        // Whose changes they were is gone with them: named as the sequence's, not the next case's.
        report(NO_CASE, `checkpoint${seq - expected > 1 ? `s ${expected}–${seq - 1} are` : ` ${expected} is`} missing: changes were removed from the sequence`);
      }
      if (c.prev_hash !== prev) report(c.case_id, `checkpoint ${seq} does not link to the checkpoint before it`);
      const fields = { seq, caseId: c.case_id, caseSeq: c.case_seq, caseHash: c.case_hash, snapshotDigest: c.snapshot_digest, fromDigest: c.from_digest, documents: c.documents, at: c.at };
      const hash = checkpointHash(c.prev_hash, fields);
      if (hash !== c.hash) report(c.case_id, `checkpoint ${seq} was altered: its hash does not match its contents`);
      const key = keys.get(c.key_id);
      if (!key) report(c.case_id, `checkpoint ${seq} is sealed with a key audit:verify was not given (key id ${c.key_id})`);
      else if (checkpointMac(key, c.hash) !== c.mac) {
        report(c.case_id, `checkpoint ${seq} has a wrong seal (MAC): it was rewritten by someone without AUDIT_KEY`);
      }
      if (anchor && seq === anchor.seq) {
        anchorSeen = true;
        if (c.hash !== anchor.hash) report(c.case_id, `checkpoint ${seq} is not the one recorded in the anchor: the sequence was rewritten`);
      }
      prev = c.hash;
      expected = seq + 1;
    }
    if (rows.length === 0) {
      // A gap wider than a batch, or the end: look for any checkpoint further on.
      const [further] = await query<{ seq: number }>(database, sql`select min(seq)::float8 as seq from audit_checkpoints where seq > ${after + BATCH}`);
      if (further?.seq == null) break;
      after = Number(further.seq) - 1 - BATCH;
      next = batch(after + BATCH);
    }
  }
  await next;
  const last = count > 0 ? { seq: expected - 1, hash: prev } : null;
  const [head] = await query<{ seq: number; hash: string }>(database, sql`select seq::float8 as seq, hash from audit_head where id = 1`);
  if ((head ? Number(head.seq) : 0) !== (last?.seq ?? 0) || (head && head.hash !== last?.hash)) {
    problems.push({
      caseId: NO_CASE,
      referenceNumber: null,
      seq: null,
      problem: `the newest checkpoint is ${last?.seq ?? "none"} but the sequence's head says ${head ? Number(head.seq) : "none"}: checkpoints were removed or added`,
    });
  }
  if (anchor && !anchorSeen) {
    problems.push({
      caseId: NO_CASE,
      referenceNumber: null,
      seq: null,
      problem: `the anchor kept outside the database names checkpoint ${anchor.seq}, but the sequence ends at ${last?.seq ?? "none"}: its newest changes were removed`,
    });
  }
  return { checkpoints: count, head: last };
}

async function verifyCases(database: Database, problems: VerifyProblem[], withReplay: boolean) {
  let cases = 0;
  let events = 0;
  let lo = NO_CASE;
  let firstPage = true;
  for (;;) {
    // The page ends where the shorter of the two id lists ends, so no id of either is skipped.
    const caseIds = await query<{ id: string }>(database, sql`select id from cases where id > ${lo} order by id limit ${CASES_PER_PAGE}`);
    const sealedIds = await query<{ id: string }>(
      database,
      sql`select distinct case_id as id from audit_checkpoints where case_id > ${lo} order by case_id limit ${CASES_PER_PAGE}`,
    );
    const ends = [caseIds, sealedIds].filter((ids) => ids.length === CASES_PER_PAGE).map((ids) => ids.at(-1)!.id);
    const hi = ends.length > 0 ? ends.sort()[0]! : null;
    const inPage: CaseFilter = (id) =>
      hi === null
        ? firstPage ? sql`true` : sql`${id} > ${lo}`
        : firstPage ? sql`${id} <= ${hi}` : sql`${id} > ${lo} and ${id} <= ${hi}`;

    const caseRows = await query<CaseRow>(
      database,
      sql`select c.id, to_jsonb(c) as row, encode(sha256(convert_to(c.snapshot::text, 'UTF8')), 'hex') as snapshot_digest
            from cases c where ${inPage(sql.raw("c.id"))}`,
    );
    const checkpoints = await query<CheckpointRow>(
      database,
      sql`select seq::float8 as seq, case_id, case_seq, case_hash, snapshot_digest, from_digest, documents
            from audit_checkpoints where ${inPage(sql.raw("case_id"))} order by case_id, seq`,
    );
    const documents = await query<{ case_id: string; entry: string; altered_file: string | null }>(
      database,
      documentEntriesSql(inPage),
    );
    const eventRows = await query<EventRow>(
      database,
      sql`select case_id, seq, type, event, actor_id, actor_name, occurred_at, prev_hash, hash
            from case_events where ${inPage(sql.raw("case_id"))} order by case_id, seq`,
    );

    const ids = new Set<string>([
      ...caseRows.map((c) => c.id),
      ...checkpoints.map((c) => c.case_id),
      ...documents.map((d) => d.case_id),
      ...eventRows.map((e) => e.case_id),
    ]);
    const byCase = <T extends { case_id: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) {
        const list = map.get(r.case_id);
        if (list) list.push(r);
        else map.set(r.case_id, [r]);
      }
      return map;
    };
    const caseById = new Map(caseRows.map((c) => [c.id, c]));
    const checkpointsByCase = byCase(checkpoints);
    const documentsByCase = byCase(documents);
    const eventsByCase = byCase(eventRows);
    for (const id of ids) {
      checkCase(
        id,
        caseById.get(id),
        eventsByCase.get(id) ?? [],
        checkpointsByCase.get(id) ?? [],
        documentsByCase.get(id) ?? [],
        problems,
        withReplay,
      );
    }
    cases += caseRows.length;
    events += eventRows.length;
    if (hi === null) break;
    lo = hi;
    firstPage = false;
  }
  return { cases, events };
}

function checkCase(
  caseId: string,
  caseRow: CaseRow | undefined,
  events: EventRow[],
  checkpoints: CheckpointRow[],
  documents: { entry: string; altered_file: string | null }[],
  problems: VerifyProblem[],
  withReplay: boolean,
) {
  const row = caseRow ? (typeof caseRow.row === "string" ? JSON.parse(caseRow.row) : caseRow.row) as Record<string, unknown> : null;
  const referenceNumber = (row?.reference_number as string | undefined) ?? null;
  const report = (problem: string, seq: number | null = null) => problems.push({ caseId, referenceNumber, seq, problem });
  const latest = checkpoints.at(-1);

  if (!row) {
    if (latest) report(`the case was deleted: checkpoint ${latest.seq} sealed it with ${latest.case_seq} event(s)`);
    if (events.length > 0) report(`${events.length} event(s) of a case that does not exist`);
    if (documents.length > 0) report(`${documents.length} report(s) or letter(s) of a case that does not exist remain`);
    return;
  }

  // The event chain.
  const hashes: string[] = [];
  let prevHash = genesisHash(caseId);
  let prevSeq = 0;
  for (const e of events) {
    if (e.seq !== prevSeq + 1) report(`event ${e.seq} follows event ${prevSeq}: events are missing or reordered`, e.seq);
    if (e.prev_hash !== prevHash) report(`event ${e.seq} does not link to the event before it`, e.seq);
    const expected = eventHash(e.prev_hash, {
      caseId,
      seq: e.seq,
      type: e.type,
      event: parseJson(e.event),
      actorId: e.actor_id,
      actorName: e.actor_name,
      occurredAt: new Date(e.occurred_at).toISOString(),
    });
    if (expected !== e.hash) report(`event ${e.seq} (${e.type}) was altered: its hash does not match its contents`, e.seq);
    hashes[e.seq] = e.hash;
    prevHash = e.hash;
    prevSeq = e.seq;
  }
  const lastSeq = events.at(-1)?.seq ?? 0;
  if (events.length === 0) report("the case has no events");
  if (row.version !== lastSeq) report(`the case says version ${String(row.version)} but its last event is ${lastSeq}`, lastSeq);

  // What the checkpoints sealed.
  if (!latest) {
    report("the case has no checkpoint: it was not written by Värna, or its checkpoints were removed");
  } else {
    const moved = checkpoints.find((c) => hashes[c.case_seq] !== c.case_hash);
    if (moved) {
      report(
        moved.case_seq > lastSeq
          ? `events after ${lastSeq} were removed: checkpoint ${moved.seq} sealed event ${moved.case_seq}`
          : `event ${moved.case_seq} is not the one checkpoint ${moved.seq} sealed: the history was rewritten and its chain recomputed`,
        Math.min(moved.case_seq, lastSeq),
      );
    } else if (latest.case_seq !== lastSeq) {
      report(`events ${latest.case_seq + 1}–${lastSeq} were added after the last checkpoint (${latest.seq})`, lastSeq);
    }
    if (latest.snapshot_digest !== caseRow!.snapshot_digest) report(`the snapshot was edited after checkpoint ${latest.seq}`);
    // Each change started from the snapshot the change before it sealed.
    const broken = checkpoints.findIndex((c, i) => c.from_digest !== (i === 0 ? "" : checkpoints[i - 1]!.snapshot_digest));
    if (broken >= 0) {
      report(
        broken === 0
          ? `checkpoint ${checkpoints[0]!.seq} is not the case's first`
          : `the snapshot was edited between checkpoints ${checkpoints[broken - 1]!.seq} and ${checkpoints[broken]!.seq}, and a later change built on it`,
      );
    }
    checkDocuments(checkpoints, documents, report, movedAway(events));
  }
  for (const d of documents) {
    if (d.altered_file) report(`the letter ${d.altered_file} was replaced: its bytes do not match its recorded SHA-256`);
  }

  // The snapshot against the replay of its events, and the inbox's copies against the snapshot.
  const snapshot = parseJson(row.snapshot) as PersistedCase;
  // An earlier machine version's snapshot is compared in today's shape, where it has one.
  const current = snapshot ? upgradeSnapshot(snapshot) : snapshot;
  if (withReplay && events.length > 0 && current?.machineVersion === CASE_MACHINE_VERSION) {
    let replayed: PersistedCase | null = null;
    try {
      replayed = replay(events.map((e) => parseJson(e.event) as CaseEvent));
    } catch (error) {
      report(`its events do not replay: ${(error as Error).message}`);
    }
    if (replayed && canonicalize(replayed) !== canonicalize(current)) report("the snapshot does not match the replay of its events");
  }
  if (snapshot?.context) {
    const columns = caseColumns(snapshot) as Record<string, unknown>;
    for (const [key, value] of Object.entries(columns)) {
      if (key === "snapshot") continue;
      const column = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      if ((row[column] ?? null) !== (value ?? null)) {
        report(`the column ${column} says ${JSON.stringify(row[column])} but the snapshot says ${JSON.stringify(value)}`);
      }
    }
  }
}

/**
 * Reports that left the case with a merge (CASE_MERGED names them; they joined the earlier
 * case of the same child): "report:<id>" → the seq of the event that moved them.
 */
function movedAway(events: EventRow[]): Map<string, number> {
  const moved = new Map<string, number>();
  for (const e of events) {
    if (e.type !== "CASE_MERGED") continue;
    const ids = (parseJson(e.event) as { reportIds?: unknown }).reportIds;
    if (Array.isArray(ids)) for (const id of ids) moved.set(`report:${String(id)}`, e.seq);
  }
  return moved;
}

/**
 * Reports and letters never change and never go: each sealed entry stays, byte for byte —
 * except a report that a sealed CASE_MERGED event moved to another case, from that event on
 * (the other case's checkpoints seal it there).
 */
function checkDocuments(
  checkpoints: CheckpointRow[],
  documents: { entry: string }[],
  report: (problem: string) => void,
  moved: Map<string, number> = new Map(),
) {
  const parse = (entries: Iterable<string>) => {
    const map = new Map<string, string>();
    for (const entry of entries) {
      const at = entry.lastIndexOf(":");
      map.set(entry.slice(0, at), entry.slice(at + 1));
    }
    return map;
  };
  const name = (key: string) => key.replace(/^report:/, "report ").replace(/^letter:/, "letter ");
  let earlier: Map<string, string> | null = null;
  let earlierSeq = 0;
  let flagged = false;
  for (const c of checkpoints) {
    const sealed = parse(c.documents ? c.documents.split(" ") : []);
    if (earlier && !flagged) {
      for (const [key, digest] of earlier) {
        const leftWithMerge = !sealed.has(key) && (moved.get(key) ?? Infinity) <= c.case_seq;
        if (sealed.get(key) !== digest && !leftWithMerge) {
          report(`${name(key)} was ${sealed.has(key) ? "changed" : "removed"} between checkpoints ${earlierSeq} and ${c.seq}`);
          flagged = true;
        }
      }
    }
    earlier = sealed;
    earlierSeq = c.seq;
  }
  const now = parse(documents.map((d) => d.entry));
  for (const [key, digest] of earlier ?? []) {
    if (!now.has(key)) report(`${name(key)} was deleted after checkpoint ${earlierSeq}`);
    else if (now.get(key) !== digest) report(`${name(key)} was edited after checkpoint ${earlierSeq}`);
  }
  for (const key of now.keys()) {
    if (!earlier?.has(key)) report(`${name(key)} was added without a checkpoint`);
  }
}

function parseJson(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}

/** Problems found in the sequence walk name only the case id; add the reference where the case still exists. */
async function nameCases(database: Database, problems: VerifyProblem[]) {
  const unnamed = [...new Set(problems.filter((p) => p.referenceNumber === null && p.caseId !== NO_CASE).map((p) => p.caseId))];
  if (unnamed.length === 0) return;
  const rows = await query<{ id: string; reference_number: string }>(
    database,
    sql`select id, reference_number from cases where id in ${unnamed}`,
  );
  const names = new Map(rows.map((r) => [r.id, r.reference_number]));
  for (const p of problems) if (p.referenceNumber === null) p.referenceNumber = names.get(p.caseId) ?? null;
}
