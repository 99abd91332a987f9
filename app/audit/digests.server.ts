/**
 * What a checkpoint binds besides the event chain, computed by PostgreSQL itself so the
 * change that seals and audit:verify that checks read exactly the same bytes (one SQL text,
 * used by both). The session time zone is UTC on every connection (db/client.ts), so the
 * timestamps inside the JSON text are stable.
 */
import { sql, type SQL } from "drizzle-orm";

/** SHA-256 of the stored snapshot's JSON text (jsonb prints keys in a fixed order). */
export const snapshotDigestSql = `encode(sha256(convert_to(c.snapshot::text, 'UTF8')), 'hex')`;

/**
 * One entry per report and letter of the cases `filter` selects (it is applied to
 * `case_id`): "report:<id>:<sha256 of the whole row>" and "letter:<id>:<sha256 of its
 * details, its recorded SHA-256 and the SHA-256 of its bytes>". A report is the row as
 * submitted (nulls left out, so a later nullable column does not change old digests).
 */
export function documentEntriesSql(filter: CaseFilter): SQL {
  return sql`
    select r.case_id, 'report:' || r.id || ':' ||
           encode(sha256(convert_to(jsonb_strip_nulls(to_jsonb(r))::text, 'UTF8')), 'hex') as entry,
           null::text as altered_file
      from reports r where ${filter(sql.raw("r.case_id"))}
    union all
    select l.case_id, 'letter:' || l.id || ':' ||
           encode(sha256(convert_to(jsonb_build_object(
             'caseId', l.case_id, 'reportId', l.report_id, 'eventSeq', l.event_seq, 'kind', l.kind,
             'recipientName', l.recipient_name, 'outcome', l.outcome, 'fileName', l.file_name,
             'createdAt', l.created_at, 'sha256', l.sha256, 'bytes', b.bytes
           )::text, 'UTF8')), 'hex') as entry,
           case when l.sha256 <> b.bytes then l.file_name end as altered_file
      from letters l cross join lateral (select encode(sha256(l.pdf), 'hex') as bytes) b
     where ${filter(sql.raw("l.case_id"))}`;
}

/** Selects cases by their id column, e.g. `(id) => sql\`${id} = ${caseId}\``. */
export type CaseFilter = (caseIdColumn: SQL) => SQL;

/** The entries of each case as one sorted, space-separated string. */
export function documentsByCaseSql(filter: CaseFilter): SQL {
  return sql`select case_id, string_agg(entry, ' ' order by entry collate "C") as documents
               from (${documentEntriesSql(filter)}) d group by case_id`;
}

/** drizzle's execute() returns rows as an array (postgres.js) or under .rows (PGlite). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * An instant as PostgreSQL prints it on a UTC session ("2026-03-01 08:00:00.123+00"), as the
 * ISO text the hashes were computed over ("2026-03-01T08:00:00.123Z", milliseconds as
 * JavaScript keeps them). Asked for as text rather than to_char: a million to_char calls
 * cost PostgreSQL more than this does JavaScript.
 */
export function isoInstant(text: string): string {
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/.exec(text);
  if (m) return `${m[1]}T${m[2]}.${(m[3] ?? "").padEnd(3, "0").slice(0, 3)}Z`;
  const date = new Date(text.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00"));
  if (Number.isNaN(date.getTime())) throw new Error(`cannot read the instant ${text}`);
  return date.toISOString();
}
