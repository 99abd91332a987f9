/**
 * Takes the README's screenshots from the demo data: `npm run screenshots`.
 *
 * Builds the app if the build is stale, starts it on a fresh embedded database (the demo seed
 * runs on its first start) in a temporary directory, signs in as the demo team lead, and saves
 * with Chromium (Playwright's, or CHROMIUM_PATH, or Debian's /usr/bin/chromium):
 *
 *   docs/screenshots/desk.png         the desk (/skrivbord), 1280 px wide, the whole page
 *   docs/screenshots/statistics.png   the statistics (/statistik), 1280 px wide, the whole page
 *   docs/screenshots/inbox-phone.png  the inbox (/arenden) on a 390 px phone, its top 1,500 px
 *
 * SCREENSHOT_PORT changes the port (default 3190). The demo's dates follow today's, so the
 * figures differ a little from one day to the next; the layout is what the pictures show.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { chromium, type Page } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const out = path.join(root, "docs/screenshots");
const port = Number(process.env.SCREENSHOT_PORT ?? 3190);
const base = `http://localhost:${port}`;

function chromiumPath(): string | undefined {
  let playwrights: string | undefined;
  try {
    playwrights = chromium.executablePath();
  } catch {
    playwrights = undefined;
  }
  return [process.env.CHROMIUM_PATH, playwrights, "/usr/bin/chromium"].find((p): p is string => !!p && existsSync(p));
}

/** The environment without DATABASE_URL: the demo data is seeded on the embedded database. */
function embedded(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

async function waitForHealth(deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer on ${base}/healthz`);
}

async function signIn(page: Page, email: string) {
  const response = await page.request.post(`${base}/logga-in`, {
    form: { email, password: "demo-password" },
    headers: { Origin: base },
    maxRedirects: 0,
  });
  if (response.status() !== 302) throw new Error(`signing in as ${email}: ${response.status()}`);
}

const built = spawnSync(process.execPath, ["--import", "tsx", "app/server/build-if-stale.ts"], { cwd: root, stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);

const dataDir = mkdtempSync(path.join(tmpdir(), "varna-screenshots-"));
const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  cwd: root,
  env: { ...embedded(process.env), PORT: String(port), DATA_DIR: dataDir, NODE_ENV: "production", LOG_LEVEL: "warn" },
  stdio: ["ignore", "ignore", "inherit"],
});
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--disable-gpu"] });
try {
  await waitForHealth(Date.now() + 120_000);
  const context = await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, "arbetsledare@demo.varna.se");

  await page.goto(`${base}/skrivbord`);
  await page.getByTestId("desk-approval").waitFor();
  await page.screenshot({ path: path.join(out, "desk.png"), fullPage: true });

  await page.goto(`${base}/statistik`);
  await page.locator("svg").first().waitFor();
  await page.screenshot({ path: path.join(out, "statistics.png"), fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/arenden`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  // The top of the page down to the first few cards (on a phone they follow the filters).
  await page.locator(".inbox-table tbody tr").first().waitFor();
  await page.screenshot({ path: path.join(out, "inbox-phone.png"), fullPage: true, clip: { x: 0, y: 0, width: 390, height: 1500 } });
  console.log(`Saved desk.png, statistics.png and inbox-phone.png in ${path.relative(process.cwd(), out) || "."}`);
} finally {
  await browser.close();
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  rmSync(dataDir, { recursive: true, force: true });
}
