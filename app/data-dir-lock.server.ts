import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * PGlite is single-process: two servers on one data directory would corrupt it. The first
 * server writes its pid here; a second refuses to start while that process lives.
 */
export function lockDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "server.pid");
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, "utf8"));
    if (pid && pid !== process.pid && alive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${pid}. ` +
          "Stop it, or use DATABASE_URL for several server processes.",
      );
    }
  }
  writeFileSync(file, String(process.pid));
  process.on("exit", () => {
    try {
      if (Number(readFileSync(file, "utf8")) === process.pid) rmSync(file);
    } catch {
      // already gone
    }
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
