import type { Page } from "@playwright/test";

import { expect, expectAccessible, test } from "./fixtures";

async function fillConcern(page: Page, child: { name: string; personalNumber: string }) {
  const childGroup = page.getByRole("group", { name: "Barnet" });
  await childGroup.getByLabel("Barnets namn").fill(child.name);
  await childGroup.getByLabel("Personnummer eller samordningsnummer").fill(child.personalNumber);
  // Leaving the field validates it; let a message beside it settle before clicking on.
  await page.keyboard.press("Tab");
  const concern = page.getByRole("group", { name: "Din oro" });
  await concern.getByLabel("Vad har hänt?").fill("Barnet kommer till skolan utan mat och säger att ingen vuxen är hemma.");
  await concern.getByRole("group", { name: "Vet barnet om att du gör en anmälan?" }).getByLabel("Vet inte").check();
  await page.getByRole("group", { name: "Våld eller övergrepp" }).getByLabel("Inget av detta, eller vet inte").check();
}

test("a private person submits a report and sees the report's own number and the receipt", async ({ page }) => {
  await page.goto("/anmalan", { waitUntil: "networkidle" });
  await expect(page.getByText("Ring 112")).toBeVisible();
  await expectAccessible(page);
  const reporter = page.getByRole("group", { name: "Om dig som anmäler" });
  await reporter.getByLabel("Privatperson").check();
  await reporter.getByLabel("Ditt namn").fill("Lena Granne");
  await fillConcern(page, { name: "Tove Privat", personalNumber: "20150621-2388" });
  await page.getByRole("button", { name: "Skicka anmälan" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("din anmälan är mottagen");
  const reference = (await page.getByTestId("report-number").textContent()) ?? "";
  expect(reference).toMatch(/^ANM-\d{4}-\d{6}$/);
  await expectAccessible(page);
  const pdf = await page.request.get(await page.getByRole("link", { name: /kvittensen/ }).getAttribute("href") ?? "");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("bad input is refused with a Swedish message beside the field, and nothing is stored", async ({ page }) => {
  await page.goto("/anmalan", { waitUntil: "networkidle" });
  await page.getByLabel("Barnets namn").fill("Tove Fel");
  await page.getByLabel("Personnummer eller samordningsnummer").fill("20150621-2385");
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  const pnr = page.getByLabel("Personnummer eller samordningsnummer");
  await expect(pnr).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/Personnumret eller samordningsnumret är inte giltigt/).first()).toBeVisible();
  await expect(page).toHaveURL(/\/anmalan$/);
  await expectAccessible(page);
});

test("the school reporter signs in and submits with pre-filled details; it shows under My reports", async ({ page, asRole }) => {
  await asRole("school");
  await page.goto("/anmalan", { waitUntil: "networkidle" });
  const reporter = page.getByRole("group", { name: "Om dig som anmäler" });
  await expect(reporter.getByLabel("Anmälningsskyldig")).toBeChecked();
  await expect(reporter.getByLabel("Ditt namn")).toHaveValue("Karin Ek");
  await expect(reporter.getByLabel("Verksamhet eller organisation")).toHaveValue("Gullmarsskolan");
  await fillConcern(page, { name: "Sigge Skolelev", personalNumber: "20130419-2394" });
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  const reference = (await page.getByTestId("report-number").textContent()) ?? "";
  expect(reference).toMatch(/^ANM-/);

  await page.goto("/mina-anmalningar");
  await expect(page.getByRole("cell", { name: new RegExp(reference) })).toBeVisible();
  await expectAccessible(page);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });
  test("the form submits as a plain HTML form", async ({ page }) => {
    await page.goto("/anmalan", { waitUntil: "networkidle" });
    const reporter = page.getByRole("group", { name: "Om dig som anmäler" });
    await reporter.getByLabel("Privatperson").check();
    await reporter.getByLabel("Jag vill vara anonym").check();
    await fillConcern(page, { name: "Nils Utanjs", personalNumber: "20120305-2392" });
    await page.getByRole("button", { name: "Skicka anmälan" }).click();
    await expect(page.getByTestId("report-number")).toHaveText(/^ANM-/);
  });

  test("errors come back beside the fields without JavaScript", async ({ page }) => {
    await page.goto("/anmalan", { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Skicka anmälan" }).click();
    await expect(page.getByLabel("Barnets namn")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Formuläret innehåller fel").first()).toBeVisible();
  });
});
