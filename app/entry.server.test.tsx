/**
 * React 18's streaming renderer pads its chunks with NUL bytes where å/ä/ö meet a buffer
 * boundary (react#24985). Pages are therefore rendered to a string (entry.server.tsx): a real
 * case page full of them, served by the built app's request handler, must be whole HTML with
 * no NUL byte — whatever renders it.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";

import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "../db/testing";
import { createStaff, intakeInput, versionOf } from "../test/test-support";
import { runCaseCommand } from "./cases/commands.server";
import { submitReport } from "./intake/submit.server";

function LongSwedishPage({ rows }: { rows: number }) {
  const texts = Array.from({ length: rows }, (_, i) => `${"åäö ÅÄÖ ".repeat((i * 7) % 40)}Ö${"x".repeat(i % 3)}`);
  return (
    <main>
      <h1>Förhandsbedömning – anmälningar från Gullmarsskolan</h1>
      {texts.map((text, i) => (
        <p key={i} title={text}>
          {text}
          {i}
        </p>
      ))}
    </main>
  );
}

/** React's own stream of the page, to show the bug this guards against is real here. */
function stream(element: JSX.Element): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(element, {
      onAllReady() {
        const chunks: Buffer[] = [];
        const out = new PassThrough();
        pipe(out);
        out.on("data", (c: Buffer) => chunks.push(c));
        out.on("end", () => resolve(Buffer.concat(chunks)));
        out.on("error", reject);
      },
      onError: reject,
    });
  });
}

describe("a long page full of å, ä and ö", () => {
  it("React's stream has NUL bytes (the bug is real here); the string render has none", async () => {
    const raw = await stream(<LongSwedishPage rows={1000} />);
    expect(raw.includes(0)).toBe(true);
    expect(renderToString(<LongSwedishPage rows={1000} />)).not.toContain("\0");
  });
});

describe("a long case page full of å, ä and ö, served by the built app", () => {
  let database: TestDatabase;
  let handle: ReturnType<typeof createRequestHandler>;
  let cookie: string;
  let caseId: string;

  beforeAll(async () => {
    // The build's own module graph reads the environment and finds this database (app/db.server.ts).
    process.env.SESSION_SECRET ??= "entry-server-test-secret";
    process.env.DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "varna-entry-"));
    database = await createTestDatabase("pglite");
    (globalThis as { __varnaDatabase?: Promise<unknown> }).__varnaDatabase = Promise.resolve(database);
    const staff = await createStaff(database.db);
    // A case with a long history of short Swedish notes: React writes each short text into its
    // 2 kB buffer (long texts go out whole), so chunk ends fall on å, ä and ö again and again.
    const child = { ...intakeInput().child, name: "Åke Örnsköld", personalNumber: "201403122384", birthDate: "2014-03-12" };
    caseId = (await submitReport(database.db, intakeInput({ child }), null)).caseId;
    for (let n = 0; n < 120; n++) {
      const text = `Anteckning ${n}: ${"Åsa-Lä på förskolan; Öjvind hämtar på fredag – åäö ÅÄÖ. ".repeat(1 + (n % 5))}${"x".repeat(n % 3)}`;
      const result = await runCaseCommand(database.db, {
        caseId,
        expectedVersion: await versionOf(database.db, caseId),
        user: staff.caseworker,
        command: { type: "NOTE_ADDED", text },
      });
      if (!result.ok) throw new Error(`note refused: ${result.refusal}`);
    }
    const { createSession } = await import("./auth/session.server");
    cookie = (await createSession(database.db, staff.caseworker.id)).split(";")[0]!;
    const buildPath = path.resolve("build/index.js");
    if (!existsSync(buildPath)) throw new Error("no build: test/global-setup.ts builds it");
    const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
    handle = createRequestHandler(build, "production");
  }, 120_000);

  afterAll(async () => {
    delete (globalThis as { __varnaDatabase?: unknown }).__varnaDatabase;
    await database?.drop();
  });

  it("has no NUL byte and no broken character", async () => {
    const response = await handle(new Request(`http://localhost/arenden/${caseId}`, { headers: { Cookie: cookie } }), {
      cspNonce: "entry-test",
      clientAddress: "127.0.0.1",
    });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString("utf8");
    // The page really is long and Swedish, so React wrote many 2 kB chunks ending on å/ä/ö.
    expect(bytes.length).toBeGreaterThan(60_000);
    expect(text.match(/[åäöÅÄÖ]/g)!.length).toBeGreaterThan(5_000);
    expect(text).toContain("Åke Örnsköld");
    expect(bytes.indexOf(0), "a NUL byte in the page").toBe(-1);
    expect(text).not.toContain("\ufffd");
    expect(text.startsWith("<!DOCTYPE html><html lang=\"sv\"")).toBe(true);
    expect(text.trimEnd().endsWith("</html>")).toBe(true);
  });
});
