import { existsSync } from "node:fs";

import { defineConfig } from "@playwright/test";
import { chromium } from "playwright-core";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATA_DIR = process.env.E2E_DATA_DIR ?? ".data-e2e";

/** Playwright's own Chromium when installed, else the system's (CHROMIUM_PATH or Debian's). */
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, safe(() => chromium.executablePath()), "/usr/bin/chromium"];
  return candidates.find((p): p is string => !!p && existsSync(p));
}
function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    // One host for pages and POSTs: Remix refuses a POST whose Origin differs from Host.
    baseURL: `http://localhost:${PORT}`,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    trace: "off",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // A fresh embedded database per run: the demo accounts are seeded on its first start.
    command: `rm -rf ${DATA_DIR} && node --import tsx server.ts`,
    url: `http://localhost:${PORT}/healthz`,
    env: { PORT: String(PORT), DATA_DIR, NODE_ENV: "test" },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
