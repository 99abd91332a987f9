// Starts the real Värna server (the compiled Remix build, served by server.ts) as a child
// process, the way it runs in production, and measures it from outside.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { BENCH_AUDIT_KEY } from "./scratch";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Ports for benchmark servers: this worktree's range (3160–3169). */
export const PORTS = { app: 3161, bare: 3162, start: 3163, floor: 3164 };

let built = false;
/** `remix build` once per benchmark run, so the server serves the current code. */
export function buildOnce(): void {
  if (built) return;
  const result = spawnSync("npx", ["remix", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("remix build failed");
  built = true;
}

export type Running = {
  child: ChildProcess;
  port: number;
  /** Milliseconds from spawn until /healthz answered 200. */
  readyMs: number;
  output: () => string;
  stop(): Promise<void>;
};

/** Resident set size of a process, in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * Spawns `command` with `env` and waits until http://127.0.0.1:port/healthz answers 200.
 * Output is kept (not printed) for the error message if it never becomes healthy.
 */
export async function startProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  { timeoutMs = 120_000, healthPath = "/healthz", group = false } = {},
): Promise<Running> {
  const t0 = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // A command that starts its own children (npm start) gets a process group of its own,
    // so that stopping it stops them too.
    detached: group,
  });
  const signal = (name: NodeJS.Signals) => {
    try {
      if (group) process.kill(-child.pid!, name);
      else child.kill(name);
    } catch {
      // already gone
    }
  };
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  child.on("exit", () => (exited = true));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      child.once("exit", () => resolve());
      signal("SIGTERM");
      setTimeout(() => signal("SIGKILL"), 10_000).unref();
    });
  for (;;) {
    if (exited) throw new Error(`${command} ${args.join(" ")} exited before it was healthy:\n${output}`);
    if (performance.now() - t0 > timeoutMs) {
      await stop();
      throw new Error(`${command} ${args.join(" ")} was not healthy after ${timeoutMs} ms:\n${output}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}${healthPath}`);
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return { child, port, readyMs: performance.now() - t0, output: () => output, stop };
}

/** The environment the app runs under in the benchmarks (production mode, quiet). */
export const APP_ENV = {
  NODE_ENV: "production",
  SESSION_SECRET: "bench-secret-bench-secret-bench-secret",
  AUDIT_KEY: BENCH_AUDIT_KEY,
  LOG_LEVEL: "warn",
};

/** The app server on the built code, in production mode, against `env`'s database. */
export function startApp(env: Record<string, string>, port = PORTS.app): Promise<Running> {
  buildOnce();
  return startProcess(process.execPath, ["--import", "tsx", "server.ts"], { ...APP_ENV, ...env }, port);
}
