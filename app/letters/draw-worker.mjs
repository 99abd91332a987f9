// A worker thread that draws letters for draw.server.ts. Plain JavaScript so a worker starts
// the same under tsx, Vitest and node (the server's bundle included): it registers tsx and
// then loads the TypeScript that draws.
import { register } from "tsx/esm/api";

register();
const { renderLetter } = await import("./render.server.ts");
// One letter drawn before the worker says it is ready: the fonts parsed and the drawing code
// warmed up here, not on the first letter a server's request (or the demo seed) waits for.
const { invitation } = await import("./fixtures.ts");
await renderLetter(invitation);

/**
 * Draws one letter; `null` only answers that the worker has loaded (draw.server.ts waits for it).
 * @param {{ letter: import("./types").Letter, options: import("./render.server").RenderOptions } | null} task
 */
export default async function draw(task) {
  return task === null ? null : renderLetter(task.letter, task.options);
}
