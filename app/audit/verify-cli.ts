/**
 * `npm run audit:verify [-- --anchor <file>] [--replay]`: checks the tamper-evident history of every
 * case in the configured database (DATABASE_URL, or the embedded one in DATA_DIR — stop the
 * server first, PGlite is single-process) with the AUDIT_KEY the server seals with. Exits 1
 * naming the case and event when anything was altered.
 *
 * With --anchor, the file (kept apart from the database) holds the newest checkpoint seen
 * by the last run; this run fails if the sequence no longer contains it, and on success
 * writes the new newest checkpoint there. With --replay, every case is also rebuilt from its
 * events through the statechart and compared with its stored snapshot (slower).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

import { openDatabase } from "../../db/client";
import { lockDataDir } from "../data-dir-lock.server";
import { parseEnv } from "../env.server";
import { verifyHistory } from "./verify.server";

const env = parseEnv();
const anchorAt = process.argv.indexOf("--anchor");
const anchorFile = anchorAt >= 0 ? process.argv[anchorAt + 1] : undefined;
if (anchorAt >= 0 && !anchorFile) throw new Error("--anchor needs a file name");
const anchor = anchorFile && existsSync(anchorFile) ? (JSON.parse(readFileSync(anchorFile, "utf8")) as { seq: number; hash: string }) : null;

if (!env.databaseUrl) lockDataDir(env.dataDir);
const db = env.databaseUrl
  ? await openDatabase({ url: env.databaseUrl })
  : await openDatabase({ dataDir: env.embeddedDatabaseDir });
const started = performance.now();
// On PostgreSQL the cases are checked by one worker thread per core, each over its own connections.
const report = await verifyHistory(db, {
  keys: env.auditKeys,
  anchor,
  replay: process.argv.includes("--replay"),
  parallel: env.databaseUrl ? { url: env.databaseUrl } : undefined,
});
await db.close();
const seconds = (performance.now() - started) / 1000;
console.log(
  `Checked ${report.cases} cases, ${report.events} events and ${report.checkpoints} checkpoints in ${seconds.toFixed(2)} s ` +
    `(${Math.round(report.events / Math.max(seconds, 1e-9))} events/s).`,
);
if (report.head) console.log(`Newest checkpoint: ${report.head.seq} ${report.head.hash}`);
if (report.problems.length === 0) {
  console.log("OK: every case's history is intact.");
  if (anchorFile && report.head) writeFileSync(anchorFile, `${JSON.stringify(report.head)}\n`);
} else {
  for (const p of report.problems) {
    const name = p.caseId === "00000000-0000-0000-0000-000000000000" ? "the checkpoint sequence" : `case ${p.referenceNumber ?? "(deleted)"} (${p.caseId})`;
    console.error(`ALTERED: ${name}${p.seq !== null ? `, event ${p.seq}` : ""}: ${p.problem}`);
  }
  console.error(`${report.problems.length} problem(s) found.`);
  process.exitCode = 1;
}
