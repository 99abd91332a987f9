// quality.md, "first start": `npm start` on an empty embedded database until /healthz
// answers, < 10 s; and a restart on the same data. The baseline is a bare `node:http` server
// that opens (creating, the first time) a PGlite database in an empty directory
// (bench/bare-start.ts): the floor any embedded start pays. A new embedded database starts from
// the migrated template `npm install` makes (db/template.ts); one more row times a first start
// with no template kept (as after the cache is cleared: the start makes it), once per install.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { BenchContext, Row } from "./lib";
import { PORTS, startProcess } from "./server";

const MAX_SECONDS = 10;

async function timeStart(command: string, args: string[], dataDir: string, group: boolean, env: Record<string, string> = {}): Promise<number> {
  const running = await startProcess(command, args, { DATA_DIR: dataDir, ...env }, PORTS.start, { group, timeoutMs: 180_000 });
  await running.stop();
  return running.readyMs / 1000;
}

export async function benchStart(ctx: BenchContext): Promise<Row[]> {
  const appDir = mkdtempSync(path.join(tmpdir(), "varna-start-"));
  const bareDir = mkdtempSync(path.join(tmpdir(), "varna-start-bare-"));
  const untemplatedDir = mkdtempSync(path.join(tmpdir(), "varna-start-untemplated-"));
  try {
    const bare = ["--import", "tsx", "bench/bare-start.ts"];
    const bareFirst = await timeStart(process.execPath, bare, bareDir, false);
    const first = await timeStart("npm", ["start"], appDir, true);
    // Quick mode (CI) skips the restart: the same code, another minute on a busy machine.
    const restart = ctx.quick ? NaN : await timeStart("npm", ["start"], appDir, true);
    const bareRestart = ctx.quick ? NaN : await timeStart(process.execPath, bare, bareDir, false);
    const untemplated = ctx.quick
      ? NaN
      : await timeStart("npm", ["start"], path.join(untemplatedDir, "data"), true, { VARNA_CACHE_DIR: path.join(untemplatedDir, "cache") });
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
      row(
        "first start with no template kept (the start makes it: once per installation, when `npm install` has not) (vs bare node:http + new PGlite)",
        untemplated,
        bareFirst,
      ),
    ];
    return ctx.quick ? rows.slice(0, 1) : rows;
  } finally {
    rmSync(appDir, { recursive: true, force: true });
    rmSync(bareDir, { recursive: true, force: true });
    rmSync(untemplatedDir, { recursive: true, force: true });
  }
}
