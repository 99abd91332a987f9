/**
 * One "server process" of the concurrency test: opens its own connection pool to the
 * PostgreSQL database and fires many conflicting commands at one case at once.
 * Usage: tsx concurrency-worker.ts <url> <caseId> <userId> <attempts> <startAtMs>
 */
import { eq } from "drizzle-orm";

import { openDatabase } from "../db/client";
import { cases, users } from "../db/schema";
import { runCaseCommand } from "../app/cases/commands.server";

const [url, caseId, userId, attempts, startAt] = process.argv.slice(2) as [string, string, string, string, string];
const database = await openDatabase({ url, max: 10 });
const { db } = database;
const [user] = await db.select().from(users).where(eq(users.id, userId));
if (!user) throw new Error("no such user");
// Start together with the other process.
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
const results = await Promise.all(
  Array.from({ length: Number(attempts) }, async (_, i) => {
    const [row] = await db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
    const r = await runCaseCommand(db, {
      caseId,
      expectedVersion: row!.version,
      user: { ...user, title: user.title, organisation: null },
      command: { type: "NOTE_ADDED", text: `Anteckning ${process.pid}-${i}` },
    });
    return r.ok ? "ok" : r.refusal;
  }),
);
await database.close();
process.stdout.write(JSON.stringify(results));
