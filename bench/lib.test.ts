import { describe, expect, it } from "vitest";
import { measure, measurePair, printTable } from "./lib";

describe("bench harness", () => {
  it("measures a fixed number of iterations, or for a duration", async () => {
    let calls = 0;
    const fixed = await measure("count", () => void calls++, { iterations: 25, warmup: 5 });
    expect(calls).toBe(30);
    expect(fixed.iterations).toBe(25);
    expect(fixed.perSecond).toBeGreaterThan(0);
    const timed = await measure("sleep", () => new Promise((r) => setTimeout(r, 5)), { durationMs: 30 });
    expect(timed.totalMs).toBeGreaterThanOrEqual(25);
    expect(timed.iterations).toBeGreaterThanOrEqual(2);
  });

  it("runs subject and baseline the same number of times", async () => {
    const counts = { a: 0, b: 0 };
    const { subject, baseline } = await measurePair(
      { name: "a", fn: () => void counts.a++ },
      { name: "b", fn: () => void counts.b++ },
      { iterations: 17, rounds: 4, warmup: 0 },
    );
    expect([subject.iterations, baseline.iterations, counts.a, counts.b]).toEqual([17, 17, 17, 17]);
  });

  it("prints an aligned table with PASS/FAIL", () => {
    const lines: string[] = [];
    printTable(
      [
        { figure: "letters", value: 237.4, unit: "letters/s", baseline: 279, ratio: 0.85, bar: "≥ 0.7×", pass: true },
        { figure: "export", value: 1.5, unit: "s", baseline: 1, ratio: 1.5, bar: "≤ 2×", pass: false },
      ],
      (line) => lines.push(line),
    );
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^letters\s+237\s+letters\/s\s+279\s+0\.85×\s+≥ 0\.7×\s+PASS$/);
    expect(lines[3]).toMatch(/FAIL$/);
    // Columns line up: the value column ends at the same place on every row.
    const end = (line: string) => line.indexOf("  ", line.indexOf(line.trim().split(/\s+/)[1]!));
    expect(end(lines[2]!)).toBe(end(lines[3]!));
  });
});
