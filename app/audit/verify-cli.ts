/**
 * `npm run audit:verify`: checks the tamper-evident history of every case in the configured
 * database (DATABASE_URL, or the embedded one in DATA_DIR — stop the server first, PGlite
 * is single-process). Exits 1 naming the case and event when anything was altered.
 */
import path from "node:path";

import { openDatabase } from "../../db/client";
import { lockDataDir } from "../data-dir-lock.server";
import { parseEnv } from "../env.server";
import { verifyHistory } from "./verify.server";

const env = parseEnv();
if (!env.databaseUrl) lockDataDir(env.dataDir);
const db = env.databaseUrl
  ? await openDatabase({ url: env.databaseUrl })
  : await openDatabase({ dataDir: path.join(env.dataDir, "pgdata") });
const started = performance.now();
const report = await verifyHistory(db);
await db.close();
const seconds = (performance.now() - started) / 1000;
console.log(
  `Checked ${report.cases} cases and ${report.events} events in ${seconds.toFixed(2)} s ` +
    `(${Math.round(report.events / Math.max(seconds, 1e-9))} events/s).`,
);
if (report.problems.length === 0) {
  console.log("OK: every case's history is intact.");
} else {
  for (const p of report.problems) {
    console.error(`ALTERED: case ${p.referenceNumber ?? "(unknown)"} (${p.caseId})${p.seq !== null ? `, event ${p.seq}` : ""}: ${p.problem}`);
  }
  console.error(`${report.problems.length} problem(s) found.`);
  process.exitCode = 1;
}
