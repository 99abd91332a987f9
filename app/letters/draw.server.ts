/**
 * Letters drawn on a worker thread. Drawing a PDF/A letter costs 1.5–4 ms of CPU; done on
 * the server's own thread it holds up every other request meanwhile (and, on the embedded
 * database, the database itself, which runs on that thread). A pool (piscina) of one thread
 * per spare core draws them instead; the bytes are the same wherever a letter is drawn
 * (render.server.ts: reproducible from the letter's data).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { Piscina } from "piscina";

import { logger } from "../server/logger.server";
import { renderLetter, type Letter, type RenderOptions } from "./render.server";

let pool: Piscina | null = null;
let broken = false;

/** How many letters the worker threads have drawn in this process. */
export const lettersDrawnOnWorkers = (): number => pool?.completed ?? 0;

/** Draws a letter off the server's thread (on its own thread if no worker can run). */
export async function drawLetter(letter: Letter, options: RenderOptions = {}): Promise<Buffer> {
  if (broken) return renderLetter(letter, options);
  try {
    pool ??= new Piscina({
      filename: workerFile(),
      minThreads: 1,
      maxThreads: Math.max(1, availableParallelism() - 1),
      // An idle server gives the thread's memory back.
      idleTimeout: 60_000,
    });
    const bytes = (await pool.run({ letter, options })) as Uint8Array;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    // Whatever went wrong on the worker, the letter is drawn here: if the letter itself is at
    // fault it fails here too. The pool is not tried again (nor respawned) in this process.
    broken = true;
    logger.warn({ err: { message: String((error as Error)?.message ?? error) } }, "letters: the worker thread failed, drawing on the server's thread");
    void pool?.destroy();
    pool = null;
    return renderLetter(letter, options);
  }
}

/** The worker script, found from the project root: this module runs from app/ and, bundled, from build/. */
function workerFile(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("letters: the project root (package.json) was not found");
    dir = up;
  }
  return path.join(dir, "app", "letters", "draw-worker.mjs");
}
