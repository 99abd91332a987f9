import { expect, expectAccessible, test } from "./fixtures";
import { fillChildAndConcern, openCase } from "./helpers";

test("an anonymous reporter adds to their report with the receipt's code, and learns nothing of the case", async ({ page, asRole }) => {
  await page.goto("/anmalan");
  const reporter = page.getByRole("group", { name: "Om dig som anmäler" });
  await reporter.getByLabel("Privatperson").check();
  await reporter.getByLabel("Jag vill vara anonym").check();
  await fillChildAndConcern(page, { name: "Kodis Kompletterad", personalNumber: "20160229-2383" });
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  const reference = (await page.getByTestId("report-number").textContent()) ?? "";
  const code = (await page.getByTestId("report-code").textContent()) ?? "";
  expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
  await expectAccessible(page);
  // Shown once: a reload no longer shows it.
  await page.reload();
  await expect(page.getByTestId("report-number")).toBeVisible();
  await expect(page.getByTestId("report-code")).toHaveCount(0);

  await page.goto("/anmalan/komplettera");
  await expectAccessible(page);
  // A wrong code: refused beside the field, nothing else said.
  await page.getByLabel("Kod från kvittensen").fill("AAAA-BBBB-CCCC-DDDD");
  await page.getByLabel("Vad vill du lägga till?").fill("Hon har inte varit i skolan på tre dagar.");
  await page.getByRole("button", { name: "Skicka kompletteringen" }).click();
  await expect(page.getByText("Koden stämmer inte eller har gått ut.").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Kod från kvittensen").fill(code.toLowerCase());
  // What was typed came back with the error.
  await expect(page.getByLabel("Vad vill du lägga till?")).toHaveValue("Hon har inte varit i skolan på tre dagar.");
  await page.getByRole("button", { name: "Skicka kompletteringen" }).click();
  await expect(page.getByRole("status")).toHaveText("Tack. Det du skrev har lagts till din anmälan.");
  const body = (await page.locator("main").textContent()) ?? "";
  expect(body).not.toContain(reference);
  expect(body).not.toContain("Kodis");

  await page.context().clearCookies();
  await asRole("caseworker");
  // Staff find the case by the child (the receipt's number is the report's own).
  const child = "Kodis Kompletterad";
  await page.goto(`/arenden?q=${encodeURIComponent(child)}`);
  const row = page.getByRole("row", { name: new RegExp(child) });
  await expect(row.getByText("Ny komplettering")).toBeVisible();
  await openCase(page, child);
  await expect(page.getByText("Anmälaren kompletterade sin anmälan (med kod, utan konto)")).toBeVisible();
  await expect(page.getByText("Hon har inte varit i skolan på tre dagar.")).toBeVisible();
  // The report's further answers are on the case page; axe-clean with them.
  await expect(page.getByTestId("report-answers").first()).toContainText("Barnets egen syn");
  await expectAccessible(page);
  await page.goto(`/arenden?q=${encodeURIComponent(child)}`);
  await expect(page.getByRole("row", { name: new RegExp(child) }).getByText("Ny komplettering")).toHaveCount(0);
});

test("the school reporter adds to their own report from My reports", async ({ page, asRole }) => {
  await asRole("school");
  await page.goto("/mina-anmalningar");
  const link = page.getByRole("link", { name: /^Komplettera ANM-/ }).first();
  const label = (await link.getAttribute("aria-label")) ?? "";
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Komplettera anmälan");
  await expectAccessible(page);
  await page.getByLabel("Vad vill du lägga till?").fill("Eleven var frånvarande hela veckan.");
  await page.getByRole("button", { name: "Skicka kompletteringen" }).click();
  await expect(page.getByRole("status")).toHaveText("Tack. Kompletteringen har lagts till din anmälan.");
  expect(label).toMatch(/ANM-/);
});

test("the same addition posted twice (a double click, a retry) gets the same answer both times", async ({ page, asRole }) => {
  await asRole("school");
  await page.goto("/mina-anmalningar");
  await page.getByRole("link", { name: /^Komplettera ANM-/ }).first().click();
  const key = await page.locator('input[name="idempotencyKey"]').inputValue();
  expect(key).toMatch(/^[0-9a-f-]{36}$/);
  const post = () =>
    page.request.post(page.url(), {
      form: { idempotencyKey: key, text: "Skickat två gånger." },
      headers: { Origin: new URL(page.url()).origin },
      maxRedirects: 0,
    });
  const [first, second] = [await post(), await post()];
  expect([first.status(), second.status()]).toEqual([302, 302]);
  expect(second.headers()["location"]).toBe(first.headers()["location"]);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });
  test("the code form works as a plain HTML form and keeps what was typed", async ({ page }) => {
    await page.goto("/anmalan/komplettera");
    await page.getByLabel("Kod från kvittensen").fill("AAAA-BBBB-CCCC-DDDD");
    await page.getByLabel("Vad vill du lägga till?").fill("Något mer.");
    await page.getByRole("button", { name: "Skicka kompletteringen" }).click();
    await expect(page.getByLabel("Kod från kvittensen")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Vad vill du lägga till?")).toHaveValue("Något mer.");
  });
});
