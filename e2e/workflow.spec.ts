import { accounts, expect, expectAccessible, signInAs, test } from "./fixtures";
import { action, openCase, submitAnonymousReport } from "./helpers";

function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(d);
}

test("a report goes from intake to a closed case with voluntary support accepted", async ({ page }) => {
  const reference = await submitAnonymousReport(page, { name: "Vera Vägen", personalNumber: "20160812-2386" });

  await signInAs(page, "caseworker");
  await openCase(page, reference);
  await expectAccessible(page);

  let form = await action(page, "Skyddsbedömning");
  await form.getByLabel(/^Anmälan 1, inkom/).check();
  await form.getByLabel("Nej – förhandsbedömning").check();
  await form.getByRole("textbox", { name: "Skyddsbedömning" }).fill("Inget akut skyddsbehov.");
  await form.getByRole("button", { name: "Spara skyddsbedömningen" }).click();
  await expect(page.getByText("Skyddsbedömningen är sparad.")).toBeVisible();

  // The caseworker who acted first took the case.
  await expect(page.getByRole("definition").filter({ hasText: "Sara Lindqvist" })).toBeVisible();
  form = await action(page, "Kalla till samtal");
  // Booked for earlier today, so the conversation can be recorded now (never before its time).
  await form.getByLabel("Datum").fill(inDays(0));
  await form.getByLabel("Tid", { exact: true }).fill("00:00");
  await form.getByLabel("Plats").fill("Socialtjänsten, Kungsgatan 15");
  await form.getByLabel(/Vera Vägen \(barnet\)/).check();
  await form.getByRole("button", { name: "Skicka kallelse" }).click();
  await expect(page.getByText("Kallelsen är skickad.")).toBeVisible();

  form = await action(page, "Dokumentera samtal");
  await form.getByLabel(/Vera Vägen/).first().check();
  await form.getByLabel("Anteckningar från samtalet").fill("Vera berättade om hemmet.");
  await form.getByRole("button", { name: "Spara samtalet" }).click();
  await expect(page.getByText("Samtalet är dokumenterat.")).toBeVisible();

  form = await action(page, "Föreslå beslut");
  await form.getByLabel("Inte inleda utredning").check();
  await form.getByLabel("Motivering").fill("Oron kan mötas med frivilligt stöd.");
  await form.getByLabel("Föräldrastöd").check();
  await form.getByRole("button", { name: "Skicka förslaget för godkännande" }).click();
  await expect(page.getByText("Beslutsförslaget väntar på godkännande.")).toBeVisible();
  // The proposer cannot approve: the caseworker is not offered the approval at all.
  await expect(page.locator("summary", { hasText: "Godkänn beslutsförslaget" })).toHaveCount(0);

  await page.context().clearCookies();
  await signInAs(page, "teamLead");
  await openCase(page, reference);
  form = await action(page, "Godkänn beslutsförslaget");
  await form.getByRole("button", { name: "Godkänn och fatta beslut" }).click();
  await expect(page.getByText("Beslutet är fattat.")).toBeVisible();

  form = await action(page, "Insatserna accepterades");
  await form.getByRole("button", { name: "Registrera att insatserna accepterades" }).click();
  await expect(page.getByText("Svaret är registrerat och ärendet avslutat.")).toBeVisible();
  await expect(page.getByText("Avslutat").first()).toBeVisible();
  await expectAccessible(page);
});

test("a violence-flagged report goes straight to an investigation, and no invitation is offered", async ({ page }) => {
  const reference = await submitAnonymousReport(page, { name: "Viktor Våld", personalNumber: "20140203-2393" }, "familyViolence");
  await signInAs(page, "caseworker");
  await openCase(page, reference);
  await expect(page.locator("summary", { hasText: "Kalla till samtal" })).toHaveCount(0);
  // No decision without a protection assessment, on the violence path too.
  await expect(page.locator("summary", { hasText: "Föreslå beslut" })).toHaveCount(0);
  const assessment = await action(page, "Skyddsbedömning");
  await assessment.getByLabel(/^Anmälan 1, inkom/).check();
  await assessment.getByLabel("Nej – förhandsbedömning").check();
  await assessment.getByRole("textbox", { name: "Skyddsbedömning" }).fill("Barnet är tryggt hos mormor i dag.");
  await assessment.getByRole("button", { name: "Spara skyddsbedömningen" }).click();
  await expect(page.getByText("Skyddsbedömningen är sparad.")).toBeVisible();

  const form = await action(page, "Föreslå beslut");
  await form.getByLabel("Inleda utredning").check();
  await form.getByLabel("Motivering").fill("Uppgifter om våld i hemmet.");
  await form.getByLabel("Skäl till att barnet inte har hörts").fill("Barnet får inte kontaktas via vårdnadshavare.");
  await form.getByRole("button", { name: "Skicka förslaget för godkännande" }).click();
  await expect(page.getByText("Beslutsförslaget väntar på godkännande.")).toBeVisible();

  await page.context().clearCookies();
  await signInAs(page, "teamLead");
  await openCase(page, reference);
  const approve = await action(page, "Godkänn beslutsförslaget");
  await approve.getByRole("button", { name: "Godkänn och fatta beslut" }).click();
  await expect(page.getByText("Beslutet är fattat.")).toBeVisible();
  await expect(page.getByText("Utredning").first()).toBeVisible();
  expect(accounts.teamLead).toContain("arbetsledare");
});

test("the caseworker finds reports from the public and from the school in the inbox and opens one", async ({ page }) => {
  const fromPublic = await submitAnonymousReport(page, { name: "Pia Publik", personalNumber: "20170101-2385" });
  await signInAs(page, "caseworker");
  await page.goto("/arenden");
  await expectAccessible(page);
  // The demo school's reports are in the inbox too.
  await expect(page.getByRole("cell", { name: /Noah Nilsson/ }).first()).toBeVisible();
  await openCase(page, fromPublic);
  await expect(page.getByText("Barnet kommer till skolan utan mat").first()).toBeVisible();
});
