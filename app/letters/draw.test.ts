import { afterEach, describe, expect, it, vi } from "vitest";

import { decision, receipt } from "./fixtures";
import { renderLetter } from "./render.server";

// A pool whose worker loads (or not) and then fails every letter: what drawLetter does when
// the worker thread is at fault. Each test loads draw.server.ts afresh (its pool is per process).
function failingPool({ loads }: { loads: boolean }) {
  const runs: unknown[] = [];
  vi.doMock("piscina", () => ({
    Piscina: class {
      completed = 0;
      run(task: unknown) {
        runs.push(task);
        return task === null && loads ? Promise.resolve(null) : Promise.reject(new Error("worker exited"));
      }
      destroy() {
        return Promise.resolve();
      }
    },
  }));
  return runs;
}

async function loadDraw() {
  vi.resetModules();
  const draw = await import("./draw.server");
  const { logger } = await import("../server/logger.server");
  const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined as never);
  return { ...draw, warn };
}

describe("letters when the worker thread fails", () => {
  afterEach(() => {
    vi.doUnmock("piscina");
    vi.restoreAllMocks();
  });

  it("a worker that cannot start: letters are drawn here, the same bytes, with one warning", async () => {
    failingPool({ loads: false });
    const { drawLetter, letterWorkerReady, warn } = await loadDraw();
    expect(await letterWorkerReady()).toBe(false);
    const here = await renderLetter(receipt);
    expect(Buffer.compare(await drawLetter(receipt), here)).toBe(0);
    expect(Buffer.compare(await drawLetter(receipt), here)).toBe(0);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("a worker that fails a letter which draws here is given up; the reporter still gets the letter", async () => {
    const runs = failingPool({ loads: true });
    const { drawLetter, letterWorkerReady, warn } = await loadDraw();
    expect(await letterWorkerReady()).toBe(true);
    expect(Buffer.compare(await drawLetter(decision), await renderLetter(decision))).toBe(0);
    expect(warn).toHaveBeenCalledTimes(1);
    // Given up: the next letter does not go to the pool.
    await drawLetter(receipt);
    expect(runs).toHaveLength(2); // the readiness check and the failed decision
  });

  it("a letter that cannot be drawn anywhere fails, and the worker is not blamed", async () => {
    const runs = failingPool({ loads: true });
    const { drawLetter, letterWorkerReady, warn } = await loadDraw();
    expect(await letterWorkerReady()).toBe(true);
    await expect(drawLetter({ ...receipt, createdAt: "not a date" })).rejects.toThrow();
    expect(warn).not.toHaveBeenCalled();
    await drawLetter(receipt).catch(() => undefined);
    expect(runs).toHaveLength(3); // still tried on the pool
  });
});
