// Every page, on a 390 px phone: nothing scrolls sideways and axe finds nothing (WCAG 2.1 AA),
// for each role. The inbox and desk (desk.spec.ts) and the intake form (intake.spec.ts) have
// their own, closer checks; these are the pages behind them.
import type { Page } from "@playwright/test";

import { expect, expectAccessible, expectNoSidewaysScroll, signInAs, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

async function fits(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response!.status(), path).toBe(200);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
}

/** The first demo cases of the inbox (each with its reports' facts, deadlines, letters and guardians). */
async function demoCaseIds(page: Page, count: number): Promise<string[]> {
  await page.goto("/arenden");
  const hrefs = await page.locator(".inbox-table th a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const ids = hrefs.map((h) => /^\/arenden\/([0-9a-f-]{36})$/.exec(h)?.[1]).filter((id): id is string => !!id);
  expect(ids.length).toBeGreaterThanOrEqual(count);
  return ids.slice(0, count);
}

test("the public pages fit a phone", async ({ page }) => {
  // "Tillgänglighetsredogörelse" in the heading once widened the page to 448 px.
  for (const path of ["/", "/logga-in", "/tillganglighet", "/anmalan/komplettera"]) await fits(page, path);
});

test("a case page fits a phone: the report's facts stand above their values, the tables become cards", async ({ page }) => {
  await signInAs(page, "teamLead");
  // The report's facts ("Våld, övergrepp eller hedersrelaterat våld" beside its answer) once
  // widened every case page to 497 px, and the deadlines table scrolled in a box no keyboard could reach.
  for (const id of await demoCaseIds(page, 4)) await fits(page, `/arenden/${id}`);
  // Each deadline is a card whose cells say what they are.
  const deadline = page.locator('section[aria-labelledby="deadlines-title"] tbody tr').first();
  await expect(deadline.locator("td[data-label]")).toHaveCount(2);
  const box = await deadline.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await fits(page, "/statistik");
  // A case with a possible match: on a phone the comparison is a card per fact, this report's
  // value beside the earlier case's, each labelled.
  await page.goto("/arenden");
  const matched = await page.locator(".inbox-table tbody tr", { hasText: "Möjlig matchning" }).first().locator("th a").getAttribute("href");
  await fits(page, matched!);
  await expect(page.locator(".match-table").first()).toBeVisible();
  await expect(page.locator(".match-table tbody tr").first().locator("td[data-label]")).toHaveCount(2);
  const table = await page.locator(".match-table").first().boundingBox();
  expect(table!.x + table!.width).toBeLessThanOrEqual(390);
});

test("an auditor's pages fit a phone", async ({ page }) => {
  await signInAs(page, "teamLead");
  const ids = await demoCaseIds(page, 2);
  await page.context().clearCookies();
  await signInAs(page, "auditor");
  for (const path of ["/granskning", "/granskning/anvandare", "/granskning/export", "/granskning/loggkontroll"]) await fits(page, path);
  // The hashed history was a five-column table scrolling in a box no keyboard could reach.
  for (const id of ids) await fits(page, `/granskning/arenden/${id}`);
  await page.goto("/granskning/anvandare");
  const user = await page.locator('main a[href^="/granskning/anvandare/"]').first().getAttribute("href");
  await fits(page, user!);
});

test("an administrator's pages fit a phone", async ({ page }) => {
  await signInAs(page, "admin");
  for (const path of ["/admin", "/admin/enheter", "/admin/organisationer", "/admin/organisationer/ny", "/admin/logg"]) await fits(page, path);
  await page.goto("/admin");
  const user = await page.locator('main a[href^="/admin/anvandare/"]').first().getAttribute("href");
  await fits(page, user!);
  await page.goto("/admin/enheter");
  const unit = await page.locator('main a[href^="/admin/enheter/"]').first().getAttribute("href");
  await fits(page, unit!);
});

/** Words in the inbox broken inside to fit a column ("Handlägg|are", "Ada|m"): each word's text should lie on one line. */
async function wordsBrokenInside(page: Page): Promise<string[]> {
  return page.locator(".inbox-table").evaluate((table) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      // Spaces and hyphens are where a line may break; anywhere else is inside a word.
      for (const m of text.matchAll(/[^\s\-–]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
    return broken;
  });
}

test("the inbox on a tablet is a card per case, and on a desktop no word is broken to fit a column", async ({ page }) => {
  await signInAs(page, "caseworker");
  for (const width of [800, 1024, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/arenden");
    await expectNoSidewaysScroll(page);
    expect(await wordsBrokenInside(page), `${width} px`).toEqual([]);
  }
  // At 800 px, cards: each cell says what it is.
  await page.setViewportSize({ width: 800, height: 900 });
  const first = page.locator(".inbox-table tbody tr").first();
  expect(await first.locator("td[data-label]").first().evaluate((td) => getComputedStyle(td).display)).toBe("block");
  await expectAccessible(page);
});

test("the header's language and sign-out buttons keep to one line on a phone", async ({ page }) => {
  await signInAs(page, "caseworker");
  await page.goto("/arenden");
  // "In | English" and "Logga | ut" once wrapped inside their buttons beside the signed-in name.
  for (const name of ["In English", "Logga ut"]) {
    const lines = await page.getByRole("button", { name }).evaluate((button) => {
      const range = document.createRange();
      range.selectNodeContents(button);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, name).toBe(1);
  }
  await expectNoSidewaysScroll(page);
});
