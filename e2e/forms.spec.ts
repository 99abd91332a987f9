import { expect, expectAccessible, signInAs, test } from "./fixtures";
import { action } from "./helpers";

// A form the browser refuses to send moves focus to the first field in error, which a
// screen reader then reads with its message (aria-describedby). The forms are checked when
// sent: checked as a field was left, the message appearing moved the button under the pointer
// and the first click was lost (focus stayed on the button, nothing was said). Sent here with
// the mouse after a field was begun and emptied, and from the keyboard.

test("signing in with the fields empty: focus goes to the e-mail field, which says what is missing", async ({ page }) => {
  await page.goto("/logga-in");
  const email = page.getByLabel("E-postadress");
  await email.fill("");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(/.+/);
  await expect(page).toHaveURL(/\/logga-in$/);
});

test("Mitt konto sent empty: focus goes to the current password, with its message", async ({ page }) => {
  await signInAs(page, "caseworker2");
  await page.goto("/konto");
  await page.getByLabel("Nuvarande lösenord").fill("");
  await page.getByRole("button", { name: "Byt lösenord" }).press("Enter");
  const current = page.getByLabel("Nuvarande lösenord");
  await expect(current).toBeFocused();
  await expect(current).toHaveAccessibleDescription(/Fyll i fältet/);
  await expectAccessible(page);
});

test("a case action sent empty: focus goes to the first field in error, with its message, and nothing is saved", async ({ page }) => {
  // The demo's Liam Andersson: assigned, his report not yet assessed.
  await signInAs(page, "caseworker2");
  await page.goto("/arenden?q=Liam%20Andersson");
  await page.getByRole("row").filter({ hasText: "Liam Andersson" }).getByRole("link").first().click();
  const version = await page.locator('input[name="version"]').first().inputValue();

  const note = await action(page, "Journalanteckning");
  const text = note.getByRole("textbox");
  // Begun, then emptied again (the field is validated as it is left), then sent.
  await text.fill("Ring");
  await text.fill("");
  await note.getByRole("button", { name: "Spara anteckningen" }).click();
  await expect(text).toBeFocused();
  await expect(text).toHaveAccessibleDescription("Fyll i fältet.");
  await expectAccessible(page);

  // Several fields in error: the first of them, in the order of the form.
  const assessment = await action(page, "Skyddsbedömning");
  await assessment.getByRole("button", { name: "Spara skyddsbedömningen" }).press("Enter");
  await expect(assessment.locator('[aria-invalid="true"]').first()).toBeFocused();
  expect(await page.locator('input[name="version"]').first().inputValue()).toBe(version);
});
