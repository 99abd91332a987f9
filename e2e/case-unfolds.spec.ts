import { expect, expectAccessible, signInAs, test } from "./fixtures";
import { action, fillChildAndConcern } from "./helpers";

/** Opens the one case of a child found by name in the inbox (open or closed). */
async function openCaseOf(page: import("@playwright/test").Page, childName: string) {
  await page.goto(`/arenden?q=${encodeURIComponent(childName)}`);
  const row = page.getByRole("row").filter({ hasText: childName });
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

test("a second report on a case with support offered gets its own assessment, and the case goes back to a preliminary assessment", async ({ page }) => {
  // The demo's Oscar Jonsson: support offered, waiting for the guardians' answer.
  await signInAs(page, "caseworker");
  await openCaseOf(page, "Oscar Jonsson");
  await expect(page.locator(".case-header")).toContainText("Frivilliga insatser erbjudna");
  await page.context().clearCookies();

  // Someone worried reports about Oscar again, through the public form.
  await page.goto("/anmalan");
  const reporter = page.getByRole("group", { name: "Om dig som anmäler" });
  await reporter.getByLabel("Privatperson").check();
  await reporter.getByLabel("Jag vill vara anonym").check();
  await fillChildAndConcern(page, { name: "Oscar Jonsson", personalNumber: "20121010-1596" });
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  await expect(page.getByText(/Tack/).first()).toBeVisible();

  await signInAs(page, "caseworker");
  await openCaseOf(page, "Oscar Jonsson");
  // Not closed away with the answer: a new preliminary assessment, the report awaiting its own assessment.
  await expect(page.locator(".case-header")).toContainText("Förhandsbedömning – planering");
  await expect(page.getByText(/Väntar på skyddsbedömning – senast/)).toBeVisible();
  await expect(page.locator("summary", { hasText: "Insatserna accepterades" })).toHaveCount(0);
  await expectAccessible(page);

  const form = await action(page, "Skyddsbedömning");
  await form.getByLabel(/^Anmälan 2, inkom/).check();
  await form.getByLabel("Nej – förhandsbedömning").check();
  await form.getByRole("textbox", { name: "Skyddsbedömning" }).fill("Inget akut skyddsbehov; uppgifterna vägs in i förhandsbedömningen.");
  await form.getByRole("button", { name: "Spara skyddsbedömningen" }).click();
  await expect(page.getByText("Skyddsbedömningen är sparad.")).toBeVisible();
  await expect(page.locator(".case-header")).toContainText("Förhandsbedömning – planering");
  await expect(page.getByText(/Väntar på skyddsbedömning/)).toHaveCount(0);
  await expect(page.getByText(/Skyddsbedömd .* av Sara Lindqvist/).first()).toBeVisible();
  await expectAccessible(page);
});

test("a closed case is found by its diarienummer and shows its history and letters, read-only", async ({ page }) => {
  await signInAs(page, "caseworker");
  // Open cases only by default: the closed case of Leo Jakobsson is not listed …
  await page.goto("/arenden");
  await expect(page.getByRole("cell", { name: /Leo Jakobsson/ })).toHaveCount(0);
  // … but "Avslutade" lists it.
  await page.getByLabel("Status").selectOption({ label: "Avslutade" });
  await page.getByRole("button", { name: "Visa" }).click();
  const row = page.getByRole("row").filter({ hasText: "Leo Jakobsson" });
  await expect(row).toBeVisible();
  await expectAccessible(page);
  const reference = (await row.getByRole("link").first().textContent())!.trim();
  expect(reference).toMatch(/^VRN-/);

  // A family calls back with the diarienummer: the search finds the closed case.
  await page.goto("/arenden");
  await page.getByLabel("Sök på diarienummer eller barnets namn").fill(reference);
  await page.getByRole("button", { name: "Visa" }).click();
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  await expect(page.getByText("Ärendet är avslutat. Historiken och breven visas nedan; inget kan ändras.")).toBeVisible();
  await expect(page.locator("details.command")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Händelser" }).or(page.locator("#history-title"))).toBeVisible();
  await expect(page.locator("#letters-title")).toBeVisible();
  await expect(page.getByRole("link", { name: /beslut-/ }).first()).toBeVisible();
  await expectAccessible(page);
});

test("a letter that would have no address is named before it goes, and a guardian's correction starts from what the case holds", async ({ page }) => {
  // The demo's Adam Jönsson: his mother is confirmed, with custody, and no address in the case.
  await signInAs(page, "caseworker");
  await openCaseOf(page, "Adam Jönsson");
  const warnings = page.getByRole("region", { name: "Innan du går vidare" });
  await expect(warnings).toContainText("Brev till Anna Jönsson skrivs ut utan adress");
  const invitation = await action(page, "Kalla till samtal");
  await expect(invitation.getByLabel("Anna Jönsson (vårdnadshavare) – adress saknas i ärendet")).toBeVisible();
  await expectAccessible(page);

  // The only guardian: the form holds her details, so only the address is typed.
  let form = await action(page, "Rätta uppgifter om vårdnadshavare");
  await expect(form.getByLabel("Namn")).toHaveValue("Anna Jönsson");
  await expect(form.getByRole("group", { name: "Har vårdnaden" }).getByLabel("Ja")).toBeChecked();
  await form.getByLabel("Adress").fill("Kronberget 2\n453 36 Lysekil");
  await form.getByLabel("Varför (källa eller skäl)").fill("Adress ur folkbokföringen.");
  await form.getByRole("button", { name: "Spara rättelsen" }).click();
  await expect(page.getByText("Uppgifterna är rättade.")).toBeVisible();
  await expect(warnings).toHaveCount(0);
  await expect(page.getByRole("cell", { name: /Kronberget 2/ })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Anna Jönsson" })).toBeVisible();

  // Two guardians: nothing is filled in until the caseworker picks whose details to correct.
  form = await action(page, "Lägg till vårdnadshavare");
  await form.getByLabel("Namn").fill("Erik Jönsson");
  await form.getByRole("group", { name: "Har vårdnaden" }).getByLabel("Ja").check();
  await form.getByLabel("Varför (källa eller skäl)").fill("Enligt folkbokföringen.");
  await form.getByRole("button", { name: "Lägg till", exact: true }).click();
  await expect(page.getByText("Vårdnadshavaren är tillagd.")).toBeVisible();
  form = await action(page, "Rätta uppgifter om vårdnadshavare");
  await expect(form.getByLabel("Namn")).toHaveValue("");
  await form.getByRole("link", { name: "Erik Jönsson" }).click();
  await expect(page).toHaveURL(/vardnadshavare=/);
  form = page.locator("details[open]", { has: page.locator("summary", { hasText: "Rätta uppgifter om vårdnadshavare" }) });
  await expect(form.getByLabel("Namn")).toHaveValue("Erik Jönsson");
  await expect(form.getByLabel("Adress")).toHaveValue("");
  await expect(form.getByRole("link", { name: "Anna Jönsson" })).toBeVisible();
  await expectAccessible(page);
});

test("the child's address is corrected from the case page, starting from what the case holds, and kept with the case", async ({ page }) => {
  await signInAs(page, "caseworker");
  await openCaseOf(page, "Saga Jansson");
  const child = page.getByRole("region", { name: "Barnet" });
  const shown = (await child.locator("dt:has-text('Adress') + dd").innerText()).trim();
  const form = await action(page, "Rätta barnets adress");
  await expect(form.getByRole("textbox", { name: "Barnets adress", exact: true })).toHaveValue(shown);
  // Emptied, with "not known" unticked: the message is beside the field and nothing changes.
  await form.getByRole("textbox", { name: "Barnets adress", exact: true }).fill("");
  await form.getByLabel("Varför (källa eller skäl)").fill("Ny adress enligt folkbokföringen.");
  await form.getByRole("button", { name: "Spara adressen" }).click();
  await expect(form.getByText("Skriv barnets adress, eller kryssa i att den inte är känd.")).toBeVisible();
  await form.getByRole("textbox", { name: "Barnets adress", exact: true }).fill("Fiskaregatan 5\n453 30 Lysekil");
  await form.getByRole("button", { name: "Spara adressen" }).click();
  await expect(page.getByText("Barnets adress är rättad.")).toBeVisible();
  await expect(child).toContainText("Fiskaregatan 5");
  await expect(page.getByRole("region", { name: "Händelser" })).toContainText("Barnets adress rättad");
  await expectAccessible(page);
});

