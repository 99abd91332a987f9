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

test("the admin makes the teacher the school's designated contact, and back; the teacher's list follows", async ({ page, asRole }) => {
  const choose = async (contact: string) => {
    await page.context().clearCookies();
    await asRole("admin");
    await page.goto("/admin");
    // The teacher's organisation is chosen from the list, the unit telling namesakes apart.
    await page.getByRole("link", { name: "Anders Lund" }).click();
    await expect(page.getByRole("combobox", { name: "Organisation" }).locator("option:checked")).toHaveText("Gullmarsskolan (Barn och unga, Lysekil)");
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Organisationer" }).click();
    await page.getByRole("link", { name: "Gullmarsskolan" }).click();
    await page.getByRole("combobox", { name: "Kontaktperson" }).selectOption({ label: contact });
    await page.getByRole("button", { name: "Spara organisationen" }).click();
    await expect(page.getByRole("status")).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Kontaktperson" }).locator("option:checked")).toHaveText(contact);
    await expectAccessible(page);
  };
  const teachersRows = async () => {
    await page.context().clearCookies();
    await asRole("teacher");
    await page.goto("/mina-anmalningar");
    return page.getByRole("row").count();
  };

  const own = await teachersRows();
  await choose("Anders Lund");
  expect(await teachersRows()).toBeGreaterThan(own);
  await expect(page.getByText("Anmäld av Karin Ek").first()).toBeVisible();
  await choose("Karin Ek");
  expect(await teachersRows()).toBe(own);

  await page.context().clearCookies();
  await asRole("admin");
  await page.goto("/admin/logg");
  await expect(page.getByRole("cell", { name: /Kontaktperson: Anders Lund → Karin Ek/ })).toBeVisible();
});
