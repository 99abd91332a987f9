import { expect, expectAccessible, test } from "./fixtures";

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("Back after signing out shows nothing from the browser's cache", async ({ page }) => {
    await page.goto("/logga-in");
    await page.getByLabel("E-postadress").fill("handlaggare@demo.varna.se");
    await page.getByLabel("Lösenord").fill("demo-password");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page).toHaveURL(/\/skrivbord$/);
    await page.goto("/arenden");
    await page.getByRole("link", { name: /^VRN-/ }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/VRN-/);
    const caseUrl = page.url();
    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page).toHaveURL(/\/logga-in$/);
    await page.goBack();
    // The case page is not shown again from the cache: it is asked for anew and refused.
    await expect(page).toHaveURL(/\/logga-in/);
    await expect(page.getByRole("heading", { level: 1 })).not.toContainText(/VRN-/);
    expect(page.url()).not.toBe(caseUrl);
  });
});

test("a page of another site cannot sign the browser in (login CSRF)", async ({ page, baseURL }) => {
  // An attacker's page, served from another origin, posting to the sign-in with ?_data.
  await page.route("http://evil.example/", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!DOCTYPE html><html lang="en"><title>x</title><form method="post" action="${baseURL}/logga-in?_data=routes%2Flogga-in">
        <input name="email" value="handlaggare@demo.varna.se"><input name="password" value="demo-password">
        <button>Go</button></form></html>`,
    }),
  );
  await page.goto("http://evil.example/");
  await page.getByRole("button", { name: "Go" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Begäran stoppades");
  await expectAccessible(page);
  await page.goto("/arenden");
  await expect(page).toHaveURL(/\/logga-in\?redirectTo=/);
});
