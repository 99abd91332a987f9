/**
 * `npm start` rebuilds only when a source is newer than the build. The server build bundles
 * the statechart (workflows/) and the database code (db/) too, so a pulled change to either
 * must make the build stale, or the server would go on running the old rules.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { buildIsStale } from "./build-if-stale";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A checkout whose build was made at t=2000 s from sources written at t=1000 s. */
function checkout(): { dir: string; touch: (file: string, seconds: number) => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "varna-stale-"));
  dirs.push(dir);
  const touch = (file: string, seconds: number) => {
    const full = path.join(dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, "");
    utimesSync(full, seconds, seconds);
    // A directory's own time changes when an entry is added: keep the tree's times as given.
    for (let d = path.dirname(full); d !== dir; d = path.dirname(d)) utimesSync(d, 1000, 1000);
  };
  for (const source of ["app/root.tsx", "workflows/rules.ts", "db/schema.ts", "package.json"]) touch(source, 1000);
  touch("build/index.js", 2000);
  touch("public/build/manifest.js", 2000);
  return { dir, touch };
}

describe("npm start's build check", () => {
  it("a current build is used as it is", () => {
    expect(buildIsStale(checkout().dir)).toBe(false);
  });

  it("a changed route, a changed statechart rule or changed database code each make the build stale", () => {
    for (const changed of ["app/root.tsx", "workflows/rules.ts", "db/schema.ts"]) {
      const { dir, touch } = checkout();
      touch(changed, 3000);
      expect(buildIsStale(dir), changed).toBe(true);
    }
  });

  it("no build at all is stale", () => {
    const { dir } = checkout();
    rmSync(path.join(dir, "build"), { recursive: true });
    expect(buildIsStale(dir)).toBe(true);
  });
});
