import type { Page } from "@playwright/test";

import { expect } from "./fixtures";

/** Fills the child and concern parts of the intake form as a person would. */
export async function fillChildAndConcern(
  page: Page,
  child: { name: string; personalNumber: string },
  violence: "none" | "familyViolence" = "none",
) {
  const childGroup = page.getByRole("group", { name: "Barnet" });
  await childGroup.getByLabel("Barnets namn").fill(child.name);
  await childGroup.getByLabel("Personnummer eller samordningsnummer").fill(child.personalNumber);
  await page.keyboard.press("Tab");
  const concern = page.getByRole("group", { name: "Din oro" });
  await concern.getByLabel("Vad har hänt?").fill("Barnet kommer till skolan utan mat och säger att ingen vuxen är hemma.");
  await concern.getByRole("group", { name: "Vet barnet om att du gör en anmälan?" }).getByLabel("Vet inte").check();
  const label = violence === "none" ? "Nej, inget av detta" : "Våld eller andra övergrepp av en närstående";
  await page.getByRole("group", { name: "Våld eller övergrepp" }).getByLabel(label).check();
}

/**
 * Submits a report as an anonymous private person and returns what finds its case in the
 * inbox: the child's name (the receipt shows the report's own number, never the case's).
 */
export async function submitAnonymousReport(
  page: Page,
  child: { name: string; personalNumber: string },
  violence: "none" | "familyViolence" = "none",
): Promise<string> {
  await page.goto("/anmalan");
  const reporter = page.getByRole("group", { name: "Om dig som anmäler" });
  await reporter.getByLabel("Privatperson").check();
  await reporter.getByLabel("Jag vill vara anonym").check();
  await fillChildAndConcern(page, child, violence);
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  await expect(page.getByTestId("report-number")).toHaveText(/^ANM-\d{4}-\d{6}$/);
  return child.name;
}

/** Opens a case from the inbox by searching for its reference number or the child's name. */
export async function openCase(page: Page, search: string) {
  await page.goto(`/arenden?q=${encodeURIComponent(search)}`);
  await page.getByRole("link", { name: /^VRN-/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/VRN-\d{4}-\d{5}/);
}

/** Opens an action's section on the case page and returns it. */
export async function action(page: Page, title: string) {
  await page.locator("summary", { hasText: title }).first().click();
  return page.locator("details[open]", { has: page.locator("summary", { hasText: title }) }).first();
}
