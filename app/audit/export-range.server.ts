/**
 * Exports of many cases for auditors: every case received in a date range (Swedish calendar
 * dates), streamed from the database in keyset-paged batches, so memory stays flat however
 * many cases there are and the download starts before the first query.
 */
import { TZDate } from "@date-fns/tz";
import { sql, type SQL } from "drizzle-orm";

import type { Db } from "../../db/client";
import type { SessionUser } from "../auth/session.server";
import { csvLines } from "./csv.server";
import { isoInstant, rowsOf } from "./digests.server";
import { logExport, mayExport, municipalityFilter, stateLabel, stockholm } from "./export.server";
import { genesisHash } from "./hash";

export type DateRange = { from: string; to: string };
export type RangeCheck = { ok: true; range: DateRange; start: Date; end: Date } | { ok: false; message: string };

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

function stockholmMidnight(ymd: string): Date | null {
  const m = YMD.exec(ymd);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new TZDate(y, mo - 1, d, "Europe/Stockholm");
  // 2026-02-30 rolls over to March: not a date.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return new Date(date.getTime());
}

/** Reads ?from=YYYY-MM-DD&to=YYYY-MM-DD; both days are included. */
export function parseDateRange(params: URLSearchParams): RangeCheck {
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const start = stockholmMidnight(from);
  const last = stockholmMidnight(to);
  if (!start || !last) return { ok: false, message: "Ange perioden som två datum, ÅÅÅÅ-MM-DD (till exempel from=2026-01-01&to=2026-12-31)." };
  if (last < start) return { ok: false, message: "Periodens slutdatum ligger före startdatumet." };
  const [y, m, d] = to.split("-").map(Number) as [number, number, number];
  const end = new Date(new TZDate(y, m - 1, d + 1, "Europe/Stockholm").getTime());
  return { ok: true, range: { from, to }, start, end };
}

export type CasesExport = {
  fileName: string;
  contentType: string;
  /** How many cases the export holds, for a progress indication. */
  total: number;
  /** The file in pieces of whole lines, as UTF-8 bytes (what the client is sent). */
  chunks: AsyncIterable<Buffer>;
};

const CASES_PER_BATCH = 1000;
const EVENTS_PER_CHUNK = 2000;

/**
 * export.jsonl: a first line describing the export, then for each case (in order of receipt)
 * a "case" line with its chain's anchor followed by one "event" line per event with its
 * hashes — the same fields as the JSON export of one case, so the same verifier applies.
 * Logged once for the period and once per case as it is streamed. Null when not allowed.
 */
export async function exportCasesJsonLines(
  db: Db,
  user: SessionUser,
  check: Extract<RangeCheck, { ok: true }>,
  now: Date = new Date(),
  { eventsPerChunk = EVENTS_PER_CHUNK }: { eventsPerChunk?: number } = {},
): Promise<CasesExport | null> {
  if (!mayExport(user)) return null;
  const total = await countCases(db, user, check);
  await logExport(db, user, null, `export.jsonl ${check.range.from}–${check.range.to} (${total} ärenden)`, now);
  return {
    fileName: `arenden-${check.range.from}-${check.range.to}.jsonl`,
    contentType: "application/x-ndjson; charset=utf-8",
    total,
    chunks: jsonLines(db, user, check, total, now, eventsPerChunk),
  };
}

async function* jsonLines(db: Db, user: SessionUser, check: Extract<RangeCheck, { ok: true }>, total: number, now: Date, eventsPerChunk: number) {
  yield Buffer.from(
    `${JSON.stringify({ kind: "export", format: "varna.cases.v1", from: check.range.from, to: check.range.to, cases: total, exportedAt: now.toISOString(), exportedBy: user.name })}\n`,
  );
  let capacity = 64 * 1024;
  for await (const batch of loggedBatches(db, user, check, "export.jsonl", now)) {
    // The batch's events a chunk of seq ranges at a time (a case may have thousands), each
    // range read through the (case_id, seq) index; each chunk is put in order here.
    const chunks = [...eventRanges(batch.map((c) => c.version), eventsPerChunk)];
    // The event as the text PostgreSQL prints for its jsonb, written into the line as it is
    // (valid JSON, keys in jsonb's order), and the instant as PostgreSQL prints it on the
    // UTC session: parsing each event only to print it again cost more than reading it.
    const read = async (chunk: EventRange[]) =>
      rowsOf<EventLineRow>(
        await db.execute(sql`
          select r.at::int as at, e.seq, e.type, e.event::text as event, e.actor_id, e.actor_name, e.occurred_at::text as occurred_at, e.prev_hash, e.hash
            from unnest(string_to_array(${chunk.map((r) => batch[r.index]!.id).join(",")}, ',')::uuid[],
                        string_to_array(${chunk.map((r) => r.from).join(",")}, ',')::int[],
                        string_to_array(${chunk.map((r) => r.to ?? "").join(",")}, ',', '')::int[]) with ordinality r(id, lo, hi, at)
            join case_events e on e.case_id = r.id and e.seq between r.lo and coalesce(r.hi, 2147483647)`),
      );
    let reading = chunks.length > 0 ? read(chunks[0]!) : null;
    for (let k = 0; k < chunks.length; k++) {
      const rows = await reading!;
      // The next chunk is read while this one is written out; if the download stops here,
      // that read must not end as an unhandled rejection.
      reading = k + 1 < chunks.length ? read(chunks[k + 1]!) : null;
      reading?.catch(() => {});
      const chunk = chunks[k]!;
      const byRange = chunk.map((): EventLineRow[] => []);
      for (const row of rows) byRange[row.at - 1]!.push(row);
      // Sized like the chunk before (chunks are alike), so the buffer seldom has to grow.
      const out = new LineWriter(capacity);
      chunk.forEach((range, i) => {
        const c = batch[range.index]!;
        if (range.from === 1) out.write(caseLine(c));
        for (const r of byRange[i]!.sort((a, b) => a.seq - b.seq)) out.write(eventLine(c.id, r));
      });
      capacity = Math.max(capacity, out.length);
      if (out.length > 0) yield out.bytes();
    }
  }
}

/**
 * A chunk's lines encoded as UTF-8 one by one into a buffer as they are made. Joining a
 * chunk's thousands of small strings first and encoding the whole at the end costs three
 * times as much (V8 flattens the joined string, as two-byte text once any line holds a
 * character beyond Latin-1, such as "–"), and the bytes are what the client is sent.
 */
class LineWriter {
  private buffer: Buffer;
  length = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  write(line: string): void {
    // A UTF-16 code unit never takes more than three bytes in UTF-8.
    const room = line.length * 3;
    if (this.buffer.length - this.length < room) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + room));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(line, this.length);
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

type EventLineRow = { at: number; seq: number; type: string; event: string; actor_id: string | null; actor_name: string; occurred_at: string; prev_hash: string; hash: string };

function caseLine(c: CaseRow): string {
  return `${JSON.stringify({
    kind: "case",
    id: c.id,
    referenceNumber: c.reference_number,
    state: c.state,
    receivedAt: new Date(c.received_at).toISOString(),
    closedAt: c.closed_at ? new Date(c.closed_at).toISOString() : null,
    genesis: genesisHash(c.id),
  })}\n`;
}

/** An event line: the same fields, in the same order, as JSON.stringify writes them (the ids are uuids: nothing to escape). */
function eventLine(caseId: string, r: EventLineRow): string {
  return (
    `{"kind":"event","caseId":"${caseId}","seq":${r.seq},"type":${JSON.stringify(r.type)},"occurredAt":"${isoInstant(r.occurred_at)}",` +
    `"actorId":${r.actor_id === null ? "null" : `"${r.actor_id}"`},"actorName":${JSON.stringify(r.actor_name)},"event":${r.event},` +
    `"prevHash":${JSON.stringify(r.prev_hash)},"hash":${JSON.stringify(r.hash)}}\n`
  );
}

/** Events `from`…`to` (to null: to the last, whatever the case's version says) of the case at `index`. */
export type EventRange = { index: number; from: number; to: number | null };

/**
 * Splits the cases' events (case i has `versions[i]` events, numbered from 1) into chunks of
 * at most `size` events, in order; a case's last range is open-ended, so an event beyond its
 * recorded version (which audit:verify would name) is exported too.
 */
export function* eventRanges(versions: number[], size: number): Generator<EventRange[]> {
  let chunk: EventRange[] = [];
  let room = size;
  for (let index = 0; index < versions.length; index++) {
    const last = Math.max(versions[index]!, 1);
    for (let from = 1; from <= last; ) {
      const to = Math.min(last, from + room - 1);
      chunk.push({ index, from, to: to === last ? null : to });
      room -= to - from + 1;
      from = to + 1;
      if (room === 0) {
        yield chunk;
        chunk = [];
        room = size;
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * The period's cases a batch at a time, each batch written to the access log before it is
 * handed out. The next batch is read while this one is logged (two statements in flight on
 * PostgreSQL; one after the other on the embedded database).
 */
async function* loggedBatches(db: Db, user: SessionUser, check: Extract<RangeCheck, { ok: true }>, detail: string, now: Date): AsyncGenerator<CaseRow[]> {
  const batches = caseBatches(db, user, check, CASES_PER_BATCH);
  let next = batches.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = batches.next();
      // If logging fails, the read in flight must not end as an unhandled rejection.
      next.catch(() => {});
      await logCases(db, user, current.value.map((c) => c.id), detail, now);
      yield current.value;
    }
  } finally {
    await batches.return(undefined);
  }
}

type CaseRow = {
  id: string;
  reference_number: string;
  cursor: string;
  received_at: Date | string;
  state: string;
  closed_at: Date | string | null;
  report_count: number;
  violence: boolean;
  urgent: boolean;
  assignee: string | null;
  version: number;
  head: string | null;
};

/** The period's cases in order of receipt, a batch at a time (keyset-paged on received_at, id). */
async function* caseBatches(db: Db, user: SessionUser, check: Extract<RangeCheck, { ok: true }>, size: number): AsyncGenerator<CaseRow[]> {
  let after: [string, string] | null = null;
  for (;;) {
    // The plain >= lets the received_at index start at the cursor; the row comparison breaks ties.
    const position: SQL = after
      ? sql`and c.received_at >= ${after[0]}::timestamptz and (c.received_at, c.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`
      : sql``;
    const rows: CaseRow[] = rowsOf<CaseRow>(
      await db.execute(sql`
        select c.id, c.reference_number, c.received_at::text as cursor, c.received_at, c.state, c.closed_at,
               c.report_count, c.violence, c.urgent, a.name as assignee, c.version,
               (select hash from case_events e where e.case_id = c.id and e.seq = c.version) as head
          from cases c join units u on u.id = c.unit_id left join users a on a.id = c.assignee_id
         where c.received_at >= ${check.start.toISOString()}::timestamptz and c.received_at < ${check.end.toISOString()}::timestamptz
           and ${municipalityFilter(user)} ${position}
         order by c.received_at, c.id
         limit ${size}`),
    );
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    const last: CaseRow = rows.at(-1)!;
    after = [last.cursor, last.id];
  }
}

export const CASES_CSV_COLUMNS = [
  "Diarienummer",
  "Inkommen (svensk tid)",
  "Status",
  "Avslutad (svensk tid)",
  "Antal anmälningar",
  "Våld eller övergrepp",
  "Brådskande",
  "Handläggare",
  "Antal händelser",
  "Senaste kontrollsumma",
];

/** export.csv: one row per case received in the period, in order of receipt. Logged like the JSON Lines. */
export async function exportCasesCsv(db: Db, user: SessionUser, check: Extract<RangeCheck, { ok: true }>, now: Date = new Date()): Promise<CasesExport | null> {
  if (!mayExport(user)) return null;
  const total = await countCases(db, user, check);
  await logExport(db, user, null, `export.csv ${check.range.from}–${check.range.to} (${total} ärenden)`, now);
  return {
    fileName: `arenden-${check.range.from}-${check.range.to}.csv`,
    contentType: "text/csv; charset=utf-8",
    total,
    chunks: csvRows(db, user, check, now),
  };
}

async function* csvRows(db: Db, user: SessionUser, check: Extract<RangeCheck, { ok: true }>, now: Date) {
  yield Buffer.from(csvLines([CASES_CSV_COLUMNS], { bom: true }));
  for await (const rows of loggedBatches(db, user, check, "export.csv", now)) {
    const lines = csvLines(
      rows.map((r) => [
        r.reference_number,
        stockholm(r.received_at),
        stateLabel(r.state),
        r.closed_at ? stockholm(r.closed_at) : "",
        r.report_count,
        r.violence,
        r.urgent,
        r.assignee ?? "",
        r.version,
        r.head ?? "",
      ]),
    );
    yield Buffer.from(lines);
  }
}

async function countCases(db: Db, user: SessionUser, check: Extract<RangeCheck, { ok: true }>): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(
    await db.execute(sql`
      select count(*)::int as n from cases c join units u on u.id = c.unit_id
       where c.received_at >= ${check.start.toISOString()}::timestamptz and c.received_at < ${check.end.toISOString()}::timestamptz
         and ${municipalityFilter(user)}`),
  );
  return Number(row?.n ?? 0);
}

/**
 * Each exported case gets its own access_log row, so the case's log shows the export too. The
 * reader's role and unit are written here, once for the batch, rather than looked up per row
 * by the table's trigger.
 */
async function logCases(db: Db, user: SessionUser, caseIds: string[], detail: string, now: Date) {
  if (caseIds.length === 0) return;
  await db.execute(sql`
    insert into access_log (user_id, case_id, action, detail, at, role, unit_id)
    select ${user.id}::uuid, id, 'export', ${detail}, ${now.toISOString()}::timestamptz, ${user.role}::role, ${user.unitId}::uuid
      from unnest(string_to_array(${caseIds.join(",")}, ',')::uuid[]) id`);
}
