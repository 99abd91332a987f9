// `npm run bench [--quick] [name …]`: runs the registered benchmarks, prints one table (each
// figure beside its baseline measured in the same run) and writes it to
// bench/results/latest.json (and a dated copy). `--quick` runs tiny sizes: it checks that
// the benchmark code works (CI), not the figures.
// A missed bar prints FAIL but exits 0; only a crash exits non-zero.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { benchExport } from "./export";
import { benchInbox } from "./inbox";
import { dropLarge } from "./large";
import { benchIntake } from "./intake";
import { benchLetters } from "./letters";
import { machineLine, printTable, type Bench, type Row } from "./lib";
import { ROOT } from "./server";
import { benchStatistics } from "./statistics";
import { benchStart } from "./start";
import { benchVerify } from "./verify";

// Add a benchmark here: a name (to run it alone) and a function giving rows.
const benches: Bench[] = [
  { name: "intake", run: benchIntake },
  { name: "inbox", run: benchInbox }, // and the server's memory over 1,000 inbox pages
  { name: "letters", run: benchLetters },
  { name: "export", run: benchExport },
  { name: "verify", run: benchVerify },
  { name: "start", run: benchStart },
  { name: "statistics", run: benchStatistics },
];

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const wanted = args.filter((a) => !a.startsWith("--"));
const unknown = wanted.filter((name) => !benches.some((bench) => bench.name === name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(", ")}. Known: ${benches.map((b) => b.name).join(", ")}`);
  process.exit(2);
}

const machine = machineLine();
console.log(`${machine}${quick ? " · QUICK (tiny sizes: checks the code, the figures mean nothing)" : ""}`);
const rows: Row[] = [];
const notes: string[] = [];
const crashes: { bench: string; error: string }[] = [];
const started = performance.now();
for (const bench of benches.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
  process.stderr.write(`running ${bench.name} …\n`);
  const t = performance.now();
  try {
    rows.push(...(await bench.run({ quick, note: (message) => notes.push(`${bench.name}: ${message}`) })));
  } catch (error) {
    crashes.push({ bench: bench.name, error: String((error as Error)?.stack ?? error) });
    console.error(`${bench.name} crashed:`, error);
  }
  process.stderr.write(`  ${bench.name}: ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}
await dropLarge();
console.log();
printTable(rows);
for (const note of notes) console.log(`note: ${note}`);

const results = path.join(ROOT, "bench", "results");
mkdirSync(results, { recursive: true });
const json = JSON.stringify(
  { machine, quick, at: new Date().toISOString(), seconds: (performance.now() - started) / 1000, rows, notes, crashes },
  null,
  2,
);
// A run of some benchmarks only goes to partial.json: latest.json is the last whole table.
const file = quick ? "quick.json" : wanted.length > 0 ? "partial.json" : "latest.json";
writeFileSync(path.join(results, file), `${json}\n`);
if (!quick && wanted.length === 0) writeFileSync(path.join(results, `${new Date().toISOString().slice(0, 10)}.json`), `${json}\n`);
if (crashes.length > 0) process.exitCode = 1;
