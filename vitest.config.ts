import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    include: ["{app,db,workflows,bench}/**/*.test.{ts,tsx}"],
    environment: "node",
    // Each integration test file gets its own embedded database; PGlite's
    // start-up dominates, so a generous timeout avoids flakes on 2 cores.
    testTimeout: 30_000,
    // Set-ups that fill a database have come close to 60 s on a loaded 2-core machine; a
    // hang still fails, after two minutes.
    hookTimeout: 120_000,
    pool: "forks",
    // The tests' own key for the audit checkpoints (production keeps it outside the database).
    env: { AUDIT_KEY: "vitest-audit-key-0123456789abcdef0123456789abcdef" },
    // Tests that start the real server (app/server/*.test.ts) need a current build.
    globalSetup: ["./test/global-setup.ts"],
  },
});
