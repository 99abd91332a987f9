/**
 * `npm install` runs this (in `prepare`): it makes the migrated embedded database that every
 * new one starts from (db/template.ts), so the first `npm start` does not wait for initdb.
 */
import { migratedTemplate, templateCacheDir } from "./template";

const started = performance.now();
await migratedTemplate();
console.log(`Embedded database template ready in ${templateCacheDir()} (${Math.round(performance.now() - started)} ms).`);
