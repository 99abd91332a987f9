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

import { logger, safeError } from "../server/logger.server";
import { renderLetter, type Letter, type RenderOptions } from "./render.server";

/** Logged once when the worker fails (bench/intake.ts looks for it). */
export const WORKER_FAILED = "letters: the worker thread failed, drawing on the server's thread";

let pool: Piscina | null = null;
/** Resolves true once a worker has loaded what it draws with, false if none can. */
let ready: Promise<boolean> | null = null;
let warm = false;
let broken = false;

/** How many letters the worker threads have drawn in this process. */
export const lettersDrawnOnWorkers = (): number => pool?.completed ?? 0;

/**
 * Starts the pool (once) and tells when its worker is ready. Until then letters are drawn on
 * the server's thread: a worker takes a second or so to load tsx, pdfkit and the fonts, and
 * the first letters (the demo seed's, at first start) need not wait for it.
 */
export function letterWorkerReady(): Promise<boolean> {
  if (ready) return ready;
  try {
    pool = new Piscina({
      filename: workerFile(),
      minThreads: 1,
      maxThreads: Math.max(1, availableParallelism() - 1),
      // An idle server gives the thread's memory back.
      idleTimeout: 60_000,
    });
    ready = pool.run(null).then(
      () => (warm = true),
      (error: unknown) => giveUp(error),
    );
  } catch (error) {
    ready = Promise.resolve(giveUp(error));
  }
  return ready;
}

/** Draws a letter off the server's thread (on its own thread until a worker is ready, or if none can run). */
export async function drawLetter(letter: Letter, options: RenderOptions = {}): Promise<Buffer> {
  void letterWorkerReady();
  if (!warm || broken || !pool) return renderLetter(letter, options);
  try {
    const bytes = (await pool.run({ letter, options })) as Uint8Array;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    // Drawn here instead. If the letter itself is at fault it fails here too, and the pool
    // stays; if it draws here, the worker was at fault: not tried again in this process.
    const pdf = await renderLetter(letter, options);
    giveUp(error);
    return pdf;
  }
}

/** Stops this process's letter workers (the next letter starts them again). */
export async function closeLetterWorkers(): Promise<void> {
  const closing = pool;
  pool = null;
  ready = null;
  warm = false;
  await closing?.destroy();
}

function giveUp(error: unknown): false {
  // safeError: the type, code and stack only — a message could quote the letter.
  if (!broken) logger.warn({ err: safeError(error) }, WORKER_FAILED);
  broken = true;
  warm = false;
  void pool?.destroy();
  pool = null;
  return false;
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
