// `npm run bench [name …]`: runs the registered benchmarks and prints one table.
// A missed bar prints FAIL but exits 0; only a crash exits non-zero.

import { benchLetters } from "./letters";
import { machineLine, printTable, type Bench, type Row } from "./lib";
import { benchStatistics } from "./statistics";

// Add a benchmark here: a name (to run it alone) and a function giving rows.
const benches: Bench[] = [{ name: "letters", run: benchLetters }, { name: "statistics", run: benchStatistics }];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !benches.some((bench) => bench.name === name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(", ")}. Known: ${benches.map((b) => b.name).join(", ")}`);
  process.exit(2);
}

console.log(machineLine());
const rows: Row[] = [];
let crashed = false;
for (const bench of benches.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
  process.stderr.write(`running ${bench.name} …\n`);
  try {
    rows.push(...(await bench.run()));
  } catch (error) {
    crashed = true;
    console.error(`${bench.name} crashed:`, error);
  }
}
console.log();
printTable(rows);
if (crashed) process.exitCode = 1;
