/**
 * Starts the real server (server.ts) as a child process on a free port, the way `npm start`
 * does, and keeps everything it writes — for tests that must see the process from outside:
 * its HTTP answers, its logs, how it survives and how it stops.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// `node --import tsx`, not the tsx CLI: the CLI runs the server as a child and SIGKILLs it
// when the child does not confirm a SIGTERM within 30 ms — no graceful drain under load.

export type ServerProcess = {
  url: string;
  port: number;
  proc: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** SIGTERM (or the given signal) and the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), "varna-test-"));
}

export async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const proc = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      PORT: "0",
      ...(env.DATABASE_URL ? {} : { DATA_DIR: tempDataDir() }),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString("utf8")));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    const check = () => {
      const m = /"port":(\d+)[^\n]*Värna is listening/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    proc.stdout!.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out}`));
    });
  });
  return {
    url: `http://localhost:${port}`,
    port,
    proc,
    output: () => out,
    stop: async (signal = "SIGTERM") => {
      if (proc.exitCode === null) proc.kill(signal);
      return exited;
    },
  };
}

export type Client = {
  get(path: string, options?: RequestOptions): Promise<Response>;
  post(path: string, fields: Record<string, string>, options?: RequestOptions): Promise<Response>;
  /** Signs in and returns the session cookie ("name=value"). */
  signIn(email: string, password: string, options?: RequestOptions): Promise<string>;
};
export type RequestOptions = { cookie?: string; origin?: string | null; ip?: string; headers?: Record<string, string> };

/** A small HTTP client that posts as this site's own pages do (same Origin), no redirects followed. */
export function client(base: string): Client {
  const headersOf = (o: RequestOptions = {}) => ({
    ...(o.cookie ? { Cookie: o.cookie } : {}),
    ...(o.ip ? { "X-Forwarded-For": o.ip } : {}),
    ...(o.origin === null ? {} : { Origin: o.origin ?? base }),
    ...o.headers,
  });
  const c: Client = {
    get: (p, o) => fetch(base + p, { headers: headersOf({ origin: null, ...o }), redirect: "manual" }),
    post: (p, fields, o) =>
      fetch(base + p, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headersOf(o) },
        body: new URLSearchParams(fields).toString(),
        redirect: "manual",
      }),
    signIn: async (email, password, o) => {
      const res = await c.post("/logga-in", { email, password }, o);
      const cookie = res.headers.getSetCookie().find((x) => x.startsWith("varna_session="));
      if (res.status !== 302 || !cookie) throw new Error(`sign-in as ${email}: ${res.status}`);
      return cookie.split(";")[0]!;
    },
  };
  return c;
}
