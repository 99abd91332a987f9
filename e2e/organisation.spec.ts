import { expect, expectAccessible, test } from "./fixtures";
import { fillChildAndConcern } from "./helpers";

test("a teacher's report shows under the teacher's reports and the school contact's, not the other way round", async ({ page, asRole }) => {
  await asRole("teacher");
  await page.goto("/anmalan");
  await expect(page.getByRole("group", { name: "Om dig som anmäler" }).getByLabel("Ditt namn")).toHaveValue("Anders Lund");
  await fillChildAndConcern(page, { name: "Lärarens Elev", personalNumber: "20140815-2385" });
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  const reference = (await page.getByTestId("report-number").textContent()) ?? "";
  await page.goto("/mina-anmalningar");
  await expect(page.getByRole("cell", { name: new RegExp(reference) })).toBeVisible();
  // The school contact's demo reports are not the teacher's.
  await expect(page.getByRole("row")).toHaveCount(2);

  await page.context().clearCookies();
  await asRole("school");
  await page.goto("/mina-anmalningar");
  const row = page.getByRole("row", { name: new RegExp(reference) });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Anmäld av Anders Lund");
  // The contact may follow it, not add to another person's report.
  await expect(row.getByRole("link", { name: /^Komplettera/ })).toHaveCount(0);
  await expectAccessible(page);
});
