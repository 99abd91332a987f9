import { migratedTemplate } from "../db/template";
import { buildIfStale } from "../app/server/build-if-stale";

/**
 * Once per test run: the Remix build the server tests start, rebuilt only when stale; and the
 * migrated template every test file's embedded database starts from (db/template.ts), made
 * here if it is not kept yet so that the test files do not each make it at once.
 */
export default async function setup() {
  buildIfStale();
  await migratedTemplate();
}
