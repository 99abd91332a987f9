import { expect, expectAccessible, test } from "./fixtures";

test("the health check answers ok when the app and its database answer", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("the start page is Swedish and accessible", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("orosanmälningar");
  await expectAccessible(page);
});

test("a caseworker signs in through the sign-in page and lands on their desk", async ({ page }) => {
  await page.goto("/logga-in");
  await expectAccessible(page);
  await page.getByLabel("E-postadress").fill("handlaggare@demo.varna.se");
  await page.getByLabel("Lösenord").fill("demo-password");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/skrivbord$/);
  await expect(page.getByText("Inloggad som Sara Lindqvist")).toBeVisible();
});

test("a wrong password is refused with a Swedish message", async ({ page }) => {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill("handlaggare2@demo.varna.se");
  await page.getByLabel("Lösenord").fill("fel-lösenord");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("alert")).toContainText("Fel e-postadress eller lösenord");
});

test("a reporter who opens the inbox is refused, on a page titled so and accessible", async ({ page, asRole }) => {
  await asRole("school");
  const response = await page.goto("/arenden");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Du har inte behörighet")).toBeVisible();
  await expect(page).toHaveTitle("Ingen behörighet – Värna");
  await expectAccessible(page);
});

test("a page that does not exist says so, in its title too, and is accessible", async ({ page }) => {
  const response = await page.goto("/finns-inte");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("alert")).toHaveText("Sidan finns inte.");
  await expect(page).toHaveTitle("Sidan finns inte – Värna");
  await expectAccessible(page);
});

test("English is available", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Report a concern" }).first()).toBeVisible();
});
