/**
 * `npm start` runs this first: it builds the app only when the build is missing or older
 * than a source file, so a restart costs nothing and a fresh clone or a pulled change still
 * gets a current build. (`npm install` builds once already, in `prepare`.)
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// The server build bundles what app/ imports from workflows/ (the statechart) and db/ too.
const SOURCES = ["app", "workflows", "db", "remix.config.js", "package.json", "package-lock.json", "tsconfig.json"];
const OUTPUTS = ["build/index.js", "public/build"];

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = s.mtimeMs;
  for (const entry of readdirSync(p)) {
    if (entry.startsWith(".") || entry === "node_modules") continue;
    latest = Math.max(latest, newest(path.join(p, entry)));
  }
  return latest;
}

export function buildIsStale(dir = root): boolean {
  const outputs = OUTPUTS.map((o) => path.join(dir, o));
  if (!outputs.every(existsSync)) return true;
  const built = statSync(path.join(dir, "build/index.js")).mtimeMs;
  return SOURCES.some((s) => newest(path.join(dir, s)) > built);
}

export function buildIfStale(dir = root): void {
  if (!buildIsStale(dir)) return;
  const cli = path.join(dir, "node_modules/@remix-run/dev/dist/cli.js");
  const result = spawnSync(process.execPath, [cli, "build"], { cwd: dir, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildIfStale();
