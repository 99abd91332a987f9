import type { Page } from "@playwright/test";

import { DEMO_PASSWORD, expect, expectAccessible, expectNoSidewaysScroll, signInAs, test } from "./fixtures";
import { action, fillChildAndConcern, openCase } from "./helpers";

const approvalCount = async (page: Page) => Number(await page.getByTestId("desk-approval").locator(".count").textContent());

test("the demo team lead signs in, sees the two waiting proposals on the desk and approves one from there", async ({ page }) => {
  // Signing in through the page, from an address of this test's own (the per-address limit).
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "10.97.0.1" });
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill("arbetsledare@demo.varna.se");
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/skrivbord$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skrivbord – enheten");
  const proposals = page.getByRole("region", { name: "Beslutsförslag som väntar" });
  // The demo's two proposals, made by the caseworkers, wait for the team lead: each with its
  // outcome, who proposed it and how long it has waited.
  await expect(proposals.getByRole("listitem")).toHaveCount(2);
  expect(await approvalCount(page)).toBe(2);
  const item = proposals.getByRole("listitem").filter({ hasText: "Lucas Gustafsson" });
  await expect(item).toContainText(/Föreslaget av \S+/);
  await expect(item).toContainText(/har väntat \d+ dag|sedan idag/);
  await expect(proposals.getByText("Elias Hansson")).toBeVisible();
  // The demo's possible match (a neighbour's report on Ella without personnummer) is counted,
  // and its link opens the inbox with that case, flagged.
  await expect(page.getByTestId("desk-match")).toContainText(/[1-9]/);
  await expectAccessible(page);

  // The count links to exactly those cases in the inbox.
  await page.getByTestId("desk-approval").click();
  await expect(page).toHaveURL(/\/arenden\?approval=mine/);
  await expect(page.getByRole("row")).toHaveCount(3);

  await page.goto("/skrivbord");
  await page.getByTestId("desk-match").click();
  await expect(page).toHaveURL(/\/arenden\?match=pending/);
  await expect(page.getByRole("row").filter({ hasText: /ella olsson/i }).filter({ hasText: "Möjlig matchning" })).toHaveCount(1);

  // Returning without a comment: the message stands beside the proposal, nothing changes.
  await page.goto("/skrivbord");
  await item.locator("summary").click();
  await item.getByRole("button", { name: "Returnera till handläggaren" }).click();
  await expect(item.locator(".field-error")).toBeVisible();
  await expect(item.getByRole("textbox", { name: "Kommentar till handläggaren" })).toHaveAttribute("aria-invalid", "true");
  await expect(proposals.getByRole("listitem")).toHaveCount(2);
  await expectAccessible(page);

  // Approving from the desk: the decision is made, and one proposal is left.
  const reference = (await item.locator("strong").first().textContent())!;
  await item.getByRole("button", { name: /^Godkänn/ }).click();
  await expect(page.getByRole("status")).toContainText(`Beslutet i ${reference} är fattat.`);
  await expect(proposals.getByRole("listitem")).toHaveCount(1);
  expect(await approvalCount(page)).toBe(1);
  await expect(proposals.getByText("Lucas Gustafsson")).toHaveCount(0);
  await expect(proposals.getByText("Elias Hansson")).toBeVisible();
  await expectAccessible(page);
});

test("the team lead assigns an unassigned case from the desk", async ({ page }) => {
  await signInAs(page, "teamLead");
  await page.goto("/skrivbord");
  const list = page.getByRole("region", { name: "Ärenden utan handläggare" });
  const first = list.getByRole("listitem").first();
  await expect(first).toBeVisible();
  const reference = (await first.getByRole("link").first().textContent())!;
  const before = Number(await page.getByTestId("desk-unassigned").locator(".count").textContent());
  await first.getByRole("combobox").selectOption({ label: "Johan Berg" });
  await first.getByRole("button", { name: "Tilldela" }).click();
  await expect(page.getByRole("status")).toContainText(`${reference} är tilldelat.`);
  expect(Number(await page.getByTestId("desk-unassigned").locator(".count").textContent())).toBe(before - 1);
  await expect(list.getByRole("link", { name: reference })).toHaveCount(0);
  await expectAccessible(page);
});

test("a caseworker's desk shows their own cases", async ({ page }) => {
  await signInAs(page, "caseworker");
  await page.goto("/skrivbord");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skrivbord – mina ärenden");
  await expect(page.getByTestId("desk-unassigned")).toHaveCount(0);
  const href = await page.getByTestId("desk-decision").getAttribute("href");
  expect(href).toContain("assignee=mine");
  await expectAccessible(page);
});

for (const width of [1280, 390]) {
  test(`the inbox and the desk fit a ${width} px window without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const role of ["teamLead", "caseworker"] as const) {
      await page.context().clearCookies();
      await signInAs(page, role);
      for (const path of ["/skrivbord", "/arenden", "/arenden?state=received"]) {
        await page.goto(path);
        await expectNoSidewaysScroll(page);
        await expectAccessible(page);
      }
    }
    // Every column of the inbox is inside the window.
    const table = page.locator(".inbox-table");
    const box = await table.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    if (width === 390) {
      // A card per case: reference, child, state, next deadline, flags, each visible.
      const card = page.locator(".inbox-table tbody tr").first();
      await expect(card.locator("th a")).toHaveText(/VRN-/);
      for (const label of ["Barn", "Status", "Nästa tidsfrist", "Flaggor"]) {
        await expect(card.locator(`td[data-label="${label}"]`)).toBeVisible();
      }
      // The child's name and date of birth share a line: a space between them, on screen and read aloud.
      const born = page.locator('.inbox-table td[data-label="Barn"]').filter({ hasText: "född" }).first();
      await expect(born).toHaveText(/\S född \d/);
    }
  });
}

test("the statistics page shows charts with tables and downloads CSV", async ({ page }) => {
  await signInAs(page, "teamLead");
  await page.goto("/statistik");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistik");
  await expect(page.locator("svg.chart")).toHaveCount(4);
  await expect(page.getByRole("table")).toHaveCount(4);
  await expect(page.getByTestId("stats-in-time")).toContainText(/av \d+ beslut/);
  await expectAccessible(page);

  const csv = await page.request.get("/statistik.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("decisions,,total,");

  // A period that is not one: a message beside the fields, not an error page.
  await page.goto("/statistik?from=2026-05-01&to=2026-01-01");
  await expect(page.getByRole("alert")).toContainText("Ange en period");
  await expectAccessible(page);

  await page.context().clearCookies();
  await signInAs(page, "caseworker");
  const refused = await page.goto("/statistik");
  expect(refused!.status()).toBe(403);
});

test("every page links the accessibility statement; robots.txt keeps search engines to the public form", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Tillgänglighet" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tillgänglighetsredogörelse för Värna");
  await expect(page.getByRole("heading", { name: "Rapportera ett problem" })).toBeVisible();
  await expectAccessible(page);
  const robots = await (await page.request.get("/robots.txt")).text();
  expect(robots).toContain("Allow: /anmalan$");
  expect(robots).toContain("Disallow: /");
  expect((await page.request.get("/favicon.svg")).status()).toBe(200);
});

/** The width an A4 page leaves for the text between the print stylesheet's margins (210 − 2 × 16 mm at 96 px/inch). */
const A4_PRINT_WIDTH = Math.floor(((210 - 2 * 16) / 25.4) * 96);

/** Printing: the page laid out for print on an A4 page's width, nothing cut off at its right edge. */
async function asPrinted(page: Page) {
  await page.setViewportSize({ width: A4_PRINT_WIDTH, height: 1000 });
  await page.emulateMedia({ media: "print" });
  await expectNoSidewaysScroll(page);
}

test("the case page prints the record only: no header, footer, forms or actions", async ({ page }) => {
  await signInAs(page, "teamLead");
  await page.goto("/arenden");
  await page.locator(".inbox-table tbody th a").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("VRN-");
  await asPrinted(page);
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator(".site-footer")).toBeHidden();
  await expect(page.locator("details.command").first()).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".timeline")).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator(".site-header")).toBeVisible();
});

test("the auditor's case history prints the record only, every hash and table within the page", async ({ page }) => {
  await signInAs(page, "auditor");
  // A closed case: the longest history, with letters.
  await page.goto("/granskning?state=closed");
  const results = page.getByRole("table", { name: "Sökresultat" });
  await results.getByRole("link", { name: /^VRN-/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("VRN-");
  const history = page.getByRole("table", { name: "Ärendets historik" });
  await expect(history.locator("code.hash").first()).toBeVisible();

  await asPrinted(page);
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator(".site-footer")).toBeHidden();
  // The auditors' menu, the export and download links and the way back are for the screen.
  await expect(page.getByRole("navigation", { name: "Granskning" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Ärendehistorik (PDF/A)" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Exportera ärendehistoriken" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Tillbaka till sökningen" })).toBeHidden();
  // The record: the case, its whole history with each hash, the reports, the letters, who read it.
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(history).toBeVisible();
  await expect(history.locator("code.hash").last()).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Anmälningar/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Brev" })).toBeVisible();
  // Each table fits the page: no column cut off at the right edge.
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll("main table")]
      .filter((table) => table.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((table) => table.querySelector("caption")?.textContent ?? table.className),
  );
  expect(overflowing).toEqual([]);
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator(".site-header")).toBeVisible();
});

test("feedback withheld with a reason waits on the team lead's desk until the caseworker sends it", async ({ page }) => {
  const child = "Wilma Väntar";
  const reason = "Vårdnadshavaren arbetar på skolan; återkoppling nu kan röja anmälan.";
  await signInAs(page, "school");
  await page.goto("/anmalan");
  await fillChildAndConcern(page, { name: child, personalNumber: "20150310-2384" });
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  await expect(page.getByTestId("report-number")).toBeVisible();

  await page.context().clearCookies();
  await signInAs(page, "caseworker");
  await openCase(page, child);
  let form = await action(page, "Skyddsbedömning");
  await form.getByLabel(/^Anmälan 1, inkom/).check();
  await form.getByLabel("Nej – förhandsbedömning").check();
  await form.getByRole("textbox", { name: "Skyddsbedömning" }).fill("Inget akut skyddsbehov.");
  await form.getByRole("button", { name: "Spara skyddsbedömningen" }).click();
  await expect(page.getByText("Skyddsbedömningen är sparad.")).toBeVisible();

  form = await action(page, "Föreslå beslut");
  await form.getByLabel("Inte inleda utredning").check();
  await form.getByLabel("Motivering").fill("Skolan och familjen har en plan.");
  await form.getByLabel("Skäl till att barnet inte har hörts").fill("Barnet är på läger.");
  await form.getByLabel("Lämna inte återkoppling nu").check();
  await form.getByRole("button", { name: "Skicka förslaget för godkännande" }).click();
  // The reason is required, and said beside its field.
  await expect(page.getByText("Skriv varför återkoppling inte ska lämnas till anmälaren.").first()).toBeVisible();
  form = page.locator("details[open]", { has: page.locator("summary", { hasText: "Föreslå beslut" }) }).first();
  await form.getByLabel("Skäl till att återkoppling inte lämnas").fill(reason);
  await form.getByRole("button", { name: "Skicka förslaget för godkännande" }).click();
  await expect(page.getByText("Beslutsförslaget väntar på godkännande.")).toBeVisible();

  await page.context().clearCookies();
  await signInAs(page, "teamLead");
  await openCase(page, child);
  form = await action(page, "Godkänn beslutsförslaget");
  // The team lead approves the withholding with the decision.
  await expect(form.getByText(`Återkoppling till anmälaren lämnas inte: ${reason}`)).toBeVisible();
  await form.getByRole("button", { name: "Godkänn och fatta beslut" }).click();
  await expect(page.getByText("Beslutet är fattat.")).toBeVisible();

  await page.goto("/skrivbord");
  const waiting = page.getByRole("region", { name: "Anmälare som väntar på återkoppling" });
  const item = waiting.getByRole("listitem").filter({ hasText: child });
  await expect(item).toContainText("Karin Ek, Gullmarsskolan");
  await expect(item).toContainText(`Hålls inne: ${reason}`);
  await expectAccessible(page);

  await page.context().clearCookies();
  await signInAs(page, "caseworker");
  await page.goto(`/arenden?state=all&q=${encodeURIComponent(child)}`);
  await page.getByRole("link", { name: /^VRN-/ }).first().click();
  await expect(page.getByRole("region", { name: "Återkoppling till anmälare" })).toContainText(reason);
  form = await action(page, "Skicka återkoppling som hållits inne");
  await form.getByLabel(/Karin Ek, Gullmarsskolan – hölls inne/).check();
  await form.getByRole("button", { name: "Skicka återkopplingen" }).click();
  await expect(page.getByText("Återkopplingen är skapad och arkiverad.")).toBeVisible();
  await expect(page.getByText("Återkoppling skickad till anmälaren").first()).toBeVisible();
  await expectAccessible(page);

  await page.context().clearCookies();
  await signInAs(page, "teamLead");
  await page.goto("/skrivbord");
  await expect(page.getByRole("region", { name: "Anmälare som väntar på återkoppling" }).getByText(child)).toHaveCount(0);
});
