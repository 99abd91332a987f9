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
  const setting = "Organisationens kontaktperson: ser alla anmälningar från organisationens konton";
  const toggle = async (on: boolean) => {
    await page.context().clearCookies();
    await asRole("admin");
    await page.goto("/admin");
    await page.getByRole("link", { name: "Anders Lund" }).click();
    const box = page.getByRole("checkbox", { name: setting });
    await expect(box).toBeChecked({ checked: !on });
    await expect(page.getByLabel("Organisation", { exact: true })).toHaveValue("Gullmarsskolan");
    await box.setChecked(on);
    await page.getByRole("button", { name: "Spara ändringarna" }).click();
    await expect(page.getByRole("status")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: setting })).toBeChecked({ checked: on });
    await expectAccessible(page);
  };
  const teachersRows = async () => {
    await page.context().clearCookies();
    await asRole("teacher");
    await page.goto("/mina-anmalningar");
    return page.getByRole("row").count();
  };

  const own = await teachersRows();
  await toggle(true);
  expect(await teachersRows()).toBeGreaterThan(own);
  await expect(page.getByText("Anmäld av Karin Ek").first()).toBeVisible();
  await toggle(false);
  expect(await teachersRows()).toBe(own);

  await page.context().clearCookies();
  await asRole("admin");
  await page.goto("/admin/logg");
  await expect(page.getByRole("cell", { name: /seesOrganisationReports: true → false/ })).toBeVisible();
});
