import { describe, expect, it } from "vitest";

import { eventRanges } from "./export-range.server";

describe("the events of a period's cases, read a chunk at a time", () => {
  it("cuts a long case into ranges and fills each chunk to its size, in order", () => {
    expect([...eventRanges([3, 1, 6], 4)]).toEqual([
      [{ index: 0, from: 1, to: null }, { index: 1, from: 1, to: null }],
      [{ index: 2, from: 1, to: 4 }],
      [{ index: 2, from: 5, to: null }],
    ]);
    expect([...eventRanges([10_000], 2000)].map((chunk) => chunk.map((r) => [r.from, r.to]))).toEqual([
      [[1, 2000]],
      [[2001, 4000]],
      [[4001, 6000]],
      [[6001, 8000]],
      [[8001, null]],
    ]);
  });

  it("leaves each case's last range open, so an event beyond its recorded version is exported too", () => {
    for (const chunk of eventRanges([5, 7, 2, 9], 3)) {
      for (const range of chunk) if (range.to !== null) expect(range.to).toBeLessThan([5, 7, 2, 9][range.index]!);
    }
    const lastOf = new Map<number, number | null>();
    for (const chunk of eventRanges([5, 7, 2, 9], 3)) for (const range of chunk) lastOf.set(range.index, range.to);
    expect([...lastOf.values()]).toEqual([null, null, null, null]);
  });

  it("covers every event exactly once, and no chunk holds more than its size", () => {
    const versions = [1, 2000, 1999, 2001, 1, 4500, 3];
    const seen = versions.map(() => new Set<number>());
    for (const chunk of eventRanges(versions, 2000)) {
      expect(chunk.reduce((n, r) => n + (r.to ?? versions[r.index]!) - r.from + 1, 0)).toBeLessThanOrEqual(2000);
      for (const r of chunk) for (let seq = r.from; seq <= (r.to ?? versions[r.index]!); seq++) seen[r.index]!.add(seq);
    }
    versions.forEach((v, i) => expect(seen[i]!.size).toBe(v));
  });
});
