/**
 * audit:verify's walk over the cases, page by page (a range of case ids each, so memory stays
 * flat however large the log): per page one read of each table — the cases, their checkpoints,
 * their reports and letters, their events — and then every check of a case in JavaScript.
 * Runs in the calling thread, or in worker threads each with its own connection
 * (verify-worker.mjs), so hashing uses every core.
 */
import { sql, type SQL } from "drizzle-orm";

import type { Database } from "../../db/client";
import { CASE_MACHINE_VERSION, replay, upgradeSnapshot, type CaseEvent, type PersistedCase } from "../../workflows";
import { caseColumns } from "../cases/store.server";
import { checkpointHash, checkpointMac, keyId } from "./checkpoint";
import { documentEntriesSql, isoInstant, rowsOf, type CaseFilter } from "./digests.server";
import { canonicalJson, eventHashOfJsonb, genesisHash } from "./hash";

export type VerifyProblem = { caseId: string; referenceNumber: string | null; seq: number | null; problem: string };

/** A range of case ids: `lo <= id < hi`, either end open when null. */
export type Page = { lo: string | null; hi: string | null };
export type CasesOptions = { keys: string[]; replay: boolean };
export type CasesResult = { cases: number; events: number; problems: VerifyProblem[] };

/** About this many cases a page: ~20,000 events at today's ten a case. */
export const CASES_PER_PAGE = 2_000;

/**
 * Pages covering every possible case id. Ids are random (v4 uuids), so equal slices of the
 * id space hold about equally many cases; a case id outside the pattern still falls in one.
 */
export async function planPages(database: Database, casesPerPage = CASES_PER_PAGE): Promise<Page[]> {
  const [row] = rowsOf<{ n: number }>(
    await database.db.execute(sql`select greatest((select count(*) from cases), (select count(*) from audit_checkpoints) / 10)::int as n`),
  );
  const count = Math.max(1, Math.min(65_536, Math.ceil(Number(row?.n ?? 0) / casesPerPage)));
  const bound = (i: number) => `${Math.floor((i * 2 ** 32) / count).toString(16).padStart(8, "0")}-0000-0000-0000-000000000000`;
  return Array.from({ length: count }, (_, i) => ({ lo: i === 0 ? null : bound(i), hi: i === count - 1 ? null : bound(i + 1) }));
}

type CheckpointRow = {
  seq: number;
  case_id: string;
  case_seq: number;
  case_hash: string;
  snapshot_digest: string;
  from_digest: string;
  documents: string;
  at: string;
  prev_hash: string;
  hash: string;
  key_id: string;
  mac: string;
};
type EventRow = {
  case_id: string;
  seq: number;
  type: string;
  /** The jsonb as PostgreSQL prints it; parsed here (once) for hashing and replay. */
  event: string;
  actor_id: string | null;
  actor_name: string;
  occurred_at: string;
  prev_hash: string;
  hash: string;
};
/** A case's row: its id, reference, version, the columns copied from the snapshot, and the snapshot's text. */
type CaseRow = Record<string, unknown> & {
  id: string;
  reference_number: string;
  version: number;
  child_id: string;
  snapshot: string;
  snapshot_digest: string;
};

/** The columns the inbox copies from the snapshot (caseColumns), compared with it; dates as text. */
const COPIED_COLUMNS = ["state", "machine_version", "open", "urgent", "violence", "report_count", "assignee_id", "next_deadline_kind", "next_deadline", "decision_due"];
const TEXT_COLUMNS = new Set(["next_deadline", "decision_due"]);
type DocumentRow = { case_id: string; entry: string; altered_file: string | null };
type PageRows = { caseRows: CaseRow[]; checkpoints: CheckpointRow[]; documents: DocumentRow[]; eventRows: EventRow[] };

async function readPage(database: Database, page: Page): Promise<PageRows> {
  const inPage: CaseFilter = (id) => {
    if (page.lo !== null && page.hi !== null) return sql`${id} >= ${page.lo} and ${id} < ${page.hi}`;
    if (page.lo !== null) return sql`${id} >= ${page.lo}`;
    if (page.hi !== null) return sql`${id} < ${page.hi}`;
    return sql`true`;
  };
  const query = async <T>(q: SQL) => rowsOf<T>(await database.db.execute(q));
  // On PostgreSQL the four run at once, each on a connection of its own. Unordered: sorting
  // is left to checkPage, per case, where it is almost always already done.
  const [caseRows, checkpoints, documents, eventRows] = await Promise.all([
    // The columns the checks use, not to_jsonb(c): that would print the snapshot twice.
    query<CaseRow>(
      sql`select c.id, c.reference_number, c.version, c.child_id, ${sql.raw(COPIED_COLUMNS.map((column) => `c.${column}${TEXT_COLUMNS.has(column) ? "::text" : ""} as ${column}`).join(", "))},
                 s.snapshot, encode(sha256(convert_to(s.snapshot, 'UTF8')), 'hex') as snapshot_digest
            from cases c cross join lateral (select c.snapshot::text as snapshot offset 0) s
           where ${inPage(sql.raw("c.id"))}`,
    ),
    query<CheckpointRow>(
      sql`select seq::float8 as seq, case_id, case_seq, case_hash, snapshot_digest, from_digest, documents,
                 at::text as at, prev_hash, hash, key_id, mac
            from audit_checkpoints where ${inPage(sql.raw("case_id"))}`,
    ),
    query<DocumentRow>(documentEntriesSql(inPage)),
    query<EventRow>(
      sql`select case_id, seq, type, event::text as event, actor_id, actor_name, occurred_at::text as occurred_at, prev_hash, hash
            from case_events where ${inPage(sql.raw("case_id"))}`,
    ),
  ]);
  return { caseRows, checkpoints, documents, eventRows };
}

/** Checks every case of the pages; the next page is read while this one is checked. */
export async function verifyCases(database: Database, pages: Page[], options: CasesOptions): Promise<CasesResult> {
  const keys = new Map(options.keys.map((k) => [keyId(k), k]));
  const problems: VerifyProblem[] = [];
  let cases = 0;
  let events = 0;
  let next = pages.length > 0 ? readPage(database, pages[0]!) : null;
  for (let i = 0; next; i++) {
    const rows = await next;
    next = i + 1 < pages.length ? readPage(database, pages[i + 1]!) : null;
    // A failed read of the next page is reported when it is awaited, not as an unhandled rejection meanwhile.
    next?.catch(() => {});
    checkPage(rows, keys, options.replay, problems);
    cases += rows.caseRows.length;
    events += rows.eventRows.length;
  }
  return { cases, events, problems };
}

function checkPage({ caseRows, checkpoints, documents, eventRows }: PageRows, keys: Map<string, string>, withReplay: boolean, problems: VerifyProblem[]) {
  const byCase = <T extends { case_id: string; seq?: number }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) {
      const list = map.get(r.case_id);
      if (list) list.push(r);
      else map.set(r.case_id, [r]);
    }
    for (const list of map.values()) {
      for (let i = 1; i < list.length; i++) {
        if (list[i - 1]!.seq! > list[i]!.seq!) {
          list.sort((a, b) => a.seq! - b.seq!);
          break;
        }
      }
    }
    return map;
  };
  const caseById = new Map(caseRows.map((c) => [c.id, c]));
  const checkpointsByCase = byCase(checkpoints);
  const documentsByCase = byCase(documents);
  const eventsByCase = byCase(eventRows);
  const ids = new Set<string>([...caseById.keys(), ...checkpointsByCase.keys(), ...documentsByCase.keys(), ...eventsByCase.keys()]);
  for (const id of ids) {
    checkCase(id, caseById.get(id), eventsByCase.get(id) ?? [], checkpointsByCase.get(id) ?? [], documentsByCase.get(id) ?? [], keys, withReplay, problems);
  }
}

function checkCase(
  caseId: string,
  caseRow: CaseRow | undefined,
  events: EventRow[],
  checkpoints: CheckpointRow[],
  documents: DocumentRow[],
  keys: Map<string, string>,
  withReplay: boolean,
  problems: VerifyProblem[],
) {
  const row = caseRow ?? null;
  const referenceNumber = row?.reference_number ?? null;
  const report = (problem: string, seq: number | null = null) => problems.push({ caseId, referenceNumber, seq, problem });
  const latest = checkpoints.at(-1);

  // Each checkpoint of the case, as sealed: its hash over its contents, its MAC under
  // AUDIT_KEY. (Its place in the sequence is checked by verifySequence.)
  for (const c of checkpoints) {
    const fields = { seq: c.seq, caseId: c.case_id, caseSeq: c.case_seq, caseHash: c.case_hash, snapshotDigest: c.snapshot_digest, fromDigest: c.from_digest, documents: c.documents, at: isoInstant(c.at) };
    if (checkpointHash(c.prev_hash, fields) !== c.hash) report(`checkpoint ${c.seq} was altered: its hash does not match its contents`);
    const key = keys.get(c.key_id);
    if (!key) report(`checkpoint ${c.seq} is sealed with a key audit:verify was not given (key id ${c.key_id})`);
    else if (checkpointMac(key, c.hash) !== c.mac) report(`checkpoint ${c.seq} has a wrong seal (MAC): it was rewritten by someone without AUDIT_KEY`);
  }

  if (!row) {
    if (latest) report(`the case was deleted: checkpoint ${latest.seq} sealed it with ${latest.case_seq} event(s)`);
    if (events.length > 0) report(`${events.length} event(s) of a case that does not exist`);
    if (documents.length > 0) report(`${documents.length} report(s) or letter(s) of a case that does not exist remain`);
    return;
  }

  // The event chain.
  const hashes: string[] = [];
  const parsed: unknown[] = [];
  let prevHash = genesisHash(caseId);
  let prevSeq = 0;
  for (const e of events) {
    if (e.seq !== prevSeq + 1) report(`event ${e.seq} follows event ${prevSeq}: events are missing or reordered`, e.seq);
    if (e.prev_hash !== prevHash) report(`event ${e.seq} does not link to the event before it`, e.seq);
    // The event's canonical JSON straight from its jsonb text; parsed only to be replayed.
    if (withReplay) parsed.push(JSON.parse(e.event));
    const fields = { caseId, seq: e.seq, type: e.type, actorId: e.actor_id, actorName: e.actor_name, occurredAt: isoInstant(e.occurred_at) };
    const expected = eventHashOfJsonb(e.prev_hash, fields, e.event);
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
    if (latest.snapshot_digest !== row.snapshot_digest) report(`the snapshot was edited after checkpoint ${latest.seq}`);
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
      replayed = replay(parsed as CaseEvent[]);
    } catch (error) {
      report(`its events do not replay: ${(error as Error).message}`);
    }
    if (replayed && canonicalJson(replayed) !== canonicalJson(current)) report("the snapshot does not match the replay of its events");
  }
  // The case points at the child record its events name: the one it was opened for, or the
  // one a confirmed match (CHILD_LINKED) moved it to. Only those events are parsed.
  const child = childOfCase(events);
  if (child && row.child_id !== child.childId) {
    const how = child.type === "CASE_OPENED" ? "opened it for" : "linked it to";
    report(`the case points at child record ${row.child_id}, but event ${child.seq} (${child.type}) ${how} child record ${child.childId}`, child.seq);
  }
  if (snapshot?.context) {
    const columns = caseColumns(snapshot) as Record<string, unknown>;
    for (const [key, value] of Object.entries(columns)) {
      if (key === "snapshot") continue;
      const column = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      if (!(column in row)) throw new Error(`audit:verify does not read the copied column ${column}: add it to COPIED_COLUMNS`);
      if ((row[column] ?? null) !== (value ?? null)) {
        report(`the column ${column} says ${JSON.stringify(row[column])} but the snapshot says ${JSON.stringify(value)}`);
      }
    }
  }
}

/**
 * The child record the case's events say it is about: the last CHILD_LINKED's, else the one
 * CASE_OPENED names. Null when neither names one (a case opened before CASE_OPENED carried
 * the child's record, never linked since): nothing to check it against.
 */
export function childOfCase(events: Pick<EventRow, "seq" | "type" | "event">[]): { seq: number; type: string; childId: string } | null {
  let child: { seq: number; type: string; childId: string } | null = null;
  for (const e of events) {
    if (e.type !== "CHILD_LINKED" && e.type !== "CASE_OPENED") continue;
    const named = (parseJson(e.event) as { childId?: unknown } | null)?.childId;
    if (named !== undefined) child = { seq: e.seq, type: e.type, childId: String(named) };
  }
  return child;
}

/**
 * Reports that left the case with a merge (CASE_MERGED names them; they joined the earlier
 * case of the same child): "report:<id>" → the seq of the event that moved them. Only merge
 * events are parsed (the type is a column), so the fast path stays free of JSON parsing.
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
  let earlierDocuments: string | null = null;
  let earlierSeq = 0;
  let flagged = false;
  for (const c of checkpoints) {
    // Most changes leave the documents as they were: the same text needs no second look.
    if (earlier && c.documents === earlierDocuments) {
      earlierSeq = c.seq;
      continue;
    }
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
    earlierDocuments = c.documents;
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
