// A worker thread of audit:verify (verify.server.ts verifyCasesInWorkers): checks the cases of
// the pages it is given, over a connection of its own, and posts back what it found. Plain
// JavaScript so a worker starts the same under tsx, Vitest and node: it registers tsx and
// then loads the TypeScript that does the work.
import { parentPort, workerData } from "node:worker_threads";

import { register } from "tsx/esm/api";

register();
const { openDatabase } = await import("../../db/client.ts");
const { verifyCases } = await import("./verify-cases.server.ts");

const database = await openDatabase({ url: workerData.url, max: 4 });
try {
  parentPort.postMessage(await verifyCases(database, workerData.pages, workerData.options));
} finally {
  await database.close();
}
