// quality.md, "first start": `npm start` on an empty embedded database until /healthz
// answers, < 10 s; and a restart on the same data. The baseline is a bare `node:http` server
// that opens (creating, the first time) a PGlite database in an empty directory
// (bench/bare-start.ts): the floor any embedded start pays.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { BenchContext, Row } from "./lib";
import { PORTS, startProcess } from "./server";

const MAX_SECONDS = 10;

async function timeStart(command: string, args: string[], dataDir: string, group: boolean): Promise<number> {
  const running = await startProcess(command, args, { DATA_DIR: dataDir }, PORTS.start, { group, timeoutMs: 180_000 });
  await running.stop();
  return running.readyMs / 1000;
}

export async function benchStart(ctx: BenchContext): Promise<Row[]> {
  const appDir = mkdtempSync(path.join(tmpdir(), "varna-start-"));
  const bareDir = mkdtempSync(path.join(tmpdir(), "varna-start-bare-"));
  try {
    const bare = ["--import", "tsx", "bench/bare-start.ts"];
    const bareFirst = await timeStart(process.execPath, bare, bareDir, false);
    const first = await timeStart("npm", ["start"], appDir, true);
    // Quick mode (CI) skips the restart: the same code, another minute on a busy machine.
    const restart = ctx.quick ? NaN : await timeStart("npm", ["start"], appDir, true);
    const bareRestart = ctx.quick ? NaN : await timeStart(process.execPath, bare, bareDir, false);
    const row = (figure: string, value: number, baseline: number): Row => ({
      figure,
      value,
      unit: "s",
      baseline,
      ratio: value / baseline,
      bar: `< ${MAX_SECONDS} s`,
      pass: value < MAX_SECONDS,
    });
    const rows = [
      row("first start: `npm start`, empty embedded database, until /healthz answers (vs bare node:http + new PGlite)", first, bareFirst),
      row("restart: `npm start` again on the same data, until /healthz answers (vs bare node:http + PGlite)", restart, bareRestart),
    ];
    return ctx.quick ? rows.slice(0, 1) : rows;
  } finally {
    rmSync(appDir, { recursive: true, force: true });
    rmSync(bareDir, { recursive: true, force: true });
  }
}
