import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

// Two servers (or a server and audit:verify) started at once on an empty DATA_DIR must end
// up with one session secret and one audit key: a second key would seal checkpoints that the
// first process's key cannot verify, and sessions signed by one would be refused by the other.
describe("the generated secrets of the embedded default", () => {
  const root = mkdtempSync(path.join(tmpdir(), "varna-env-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("two processes starting at once on empty data directories agree on every secret", async () => {
    const rounds = 150;
    // Each process waits for the same instants (a spin, so both are released together) and
    // then reads the environment of data directory i, printing the secrets it got.
    const script = `
      import { parseEnv } from ${JSON.stringify(path.resolve("app/env.server.ts"))};
      const [start, rounds, root] = process.argv.slice(-3).map((v, i) => (i < 2 ? Number(v) : v));
      const out = [];
      for (let i = 0; i < rounds; i++) {
        const at = start + i * 4;
        while (performance.timeOrigin + performance.now() < at);
        const env = parseEnv({ NODE_ENV: "development", DATA_DIR: root + "/" + i });
        out.push(env.sessionSecrets[0] + " " + env.auditKeys[0]);
      }
      console.log(JSON.stringify(out));`;
    const start = Date.now() + 3_000;
    const run = () =>
      new Promise<string[]>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, String(start), String(rounds), root], {
          stdio: ["ignore", "pipe", "inherit"],
        });
        let out = "";
        child.stdout.on("data", (c: Buffer) => (out += c.toString()));
        child.on("error", reject);
        child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`exit ${code}`))));
      });
    const [a, b] = await Promise.all([run(), run()]);
    for (let i = 0; i < rounds; i++) {
      const onDisk = `${readFileSync(path.join(root, String(i), "session-secret"), "utf8").trim()} ${readFileSync(path.join(root, String(i), "audit-key"), "utf8").trim()}`;
      expect({ i, a: a[i], b: b[i] }).toEqual({ i, a: onDisk, b: onDisk });
    }
  });
});
