// A worker thread that draws letters for draw.server.ts. Plain JavaScript so a worker starts
// the same under tsx, Vitest and node (the server's bundle included): it registers tsx and
// then loads the TypeScript that draws.
import { register } from "tsx/esm/api";

register();
const { renderLetter } = await import("./render.server.ts");

/** @param {{ letter: import("./types").Letter, options: import("./render.server").RenderOptions }} task */
export default async function draw({ letter, options }) {
  return renderLetter(letter, options);
}
