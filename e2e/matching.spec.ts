import { expect, expectAccessible, test } from "./fixtures";

/** An anonymous report about a child without personnummer, with the date of birth instead. */
async function reportWithoutPersonnummer(page: import("@playwright/test").Page, name: string, birthDate: string) {
  await page.goto("/anmalan");
  const reporter = page.getByRole("group", { name: "Om dig som anmäler" });
  await reporter.getByLabel("Privatperson").check();
  await reporter.getByLabel("Jag vill vara anonym").check();
  const child = page.getByRole("group", { name: "Barnet" });
  await child.getByLabel("Barnets namn").fill(name);
  await child.getByLabel("Födelsedatum").fill(birthDate);
  const concern = page.getByRole("group", { name: "Din oro" });
  await concern.getByLabel("Vad har hänt?").fill("Barnet är ofta ensamt ute sent på kvällarna.");
  await concern.getByRole("group", { name: "Vet barnet om att du gör en anmälan?" }).getByLabel("Vet inte").check();
  await page.getByRole("group", { name: "Våld eller övergrepp" }).getByLabel("Nej, inget av detta").check();
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  await expect(page.getByTestId("report-number")).toHaveText(/^ANM-\d{4}-\d{6}$/);
}

test("two reports on a child without personnummer: shown as a possible match, joined only when the caseworker confirms", async ({ page, asRole }) => {
  // The reporters write from addresses of their own (the public form is limited per address).
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "10.97.0.1" });
  await reportWithoutPersonnummer(page, "Matcha Testsson", "2014-05-20");
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "10.97.0.2" });
  await reportWithoutPersonnummer(page, "matcha  TESTSSON", "2014-05-20");
  await page.setExtraHTTPHeaders({});

  await page.context().clearCookies();
  await asRole("caseworker");
  // Two cases, not one: the second is flagged in the inbox, not joined.
  await page.goto(`/arenden?q=${encodeURIComponent("testsson")}`);
  const rows = page.getByRole("row").filter({ hasText: /matcha\s+testsson/i });
  await expect(rows).toHaveCount(2);
  const flagged = rows.filter({ hasText: "Möjlig matchning" });
  await expect(flagged).toHaveCount(1);
  await expectAccessible(page);
  const newer = (await flagged.getByRole("link", { name: /^VRN-/ }).textContent())!;
  const earlier = (await rows.filter({ hasNotText: "Möjlig matchning" }).getByRole("link", { name: /^VRN-/ }).textContent())!;

  // The new case's page: the two children side by side, the basis, and the answer.
  await flagged.getByRole("link", { name: newer }).click();
  const panel = page.getByRole("region", { name: `Möjlig matchning: ${earlier}` });
  await expect(panel).toContainText("Grund: samma namn och födelsedatum");
  const table = panel.getByRole("table");
  await expect(table.getByRole("row", { name: /^Namn/ })).toContainText(/matcha\s+TESTSSON/);
  await expect(table.getByRole("row", { name: /^Namn/ })).toContainText("Matcha Testsson");
  await expectAccessible(page);

  await panel.getByLabel("Kommentar: vad jämförde du?").fill("Samma födelsedatum; båda anmälarna beskriver samma trapphus.");
  await panel.getByRole("button", { name: "Bekräfta: samma barn" }).click();

  // Now on the earlier case: the report has joined it and waits for its own protection assessment.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(earlier);
  await expect(page.getByRole("status")).toContainText("Matchningen bekräftades");
  await expect(page.getByText(`Anmälan från ${newer} lades till ärendet (bekräftad matchning)`)).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Anmälan \d/ })).toHaveCount(2);
  await expectAccessible(page);

  // The new case is closed as merged, its history says where the report went, and why.
  await page.goto(`/arenden?q=${encodeURIComponent(newer)}&state=all`);
  await page.getByRole("link", { name: newer }).click();
  await expect(page.getByText(`Bekräftad matchning: ärendet sammanfördes med ${earlier}, dit anmälan flyttades`)).toBeVisible();
  await expect(page.getByText("Samma födelsedatum; båda anmälarna beskriver samma trapphus.").first()).toBeVisible();
  await expect(page.getByRole("region", { name: /^Möjlig matchning/ })).toHaveCount(0);
  await expectAccessible(page);
});

test("a child whose earlier case is closed: proposed, and when confirmed recorded as the same child — the cases stay apart", async ({ page, asRole }) => {
  // Selma Magnusson's demo case is closed (support accepted); a neighbour reports her by name and date of birth.
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "10.97.0.3" });
  await reportWithoutPersonnummer(page, "Selma Magnusson", "2015-07-07");
  await page.setExtraHTTPHeaders({});

  await page.context().clearCookies();
  await asRole("caseworker");
  await page.goto(`/arenden?q=${encodeURIComponent("Selma Magnusson")}`);
  const flagged = page.getByRole("row").filter({ hasText: "Möjlig matchning" });
  await expect(flagged).toHaveCount(1);
  const newer = (await flagged.getByRole("link", { name: /^VRN-/ }).textContent())!;
  await flagged.getByRole("link", { name: newer }).click();

  const panel = page.getByRole("region", { name: /^Möjlig matchning: VRN-/ });
  const earlier = ((await panel.getByRole("heading").textContent()) ?? "").replace("Möjlig matchning: ", "").trim();
  await expect(panel.getByRole("table")).toContainText("Avslutat");
  await expect(panel).toContainText(`${earlier} är avslutat, så ärendena förs inte samman.`);
  // Nothing joined before the answer: the child is as the report tells it, no other case listed.
  await expect(page.getByRole("heading", { name: "Barnets andra ärenden" })).toHaveCount(0);
  await expectAccessible(page);

  await panel.getByLabel("Kommentar: vad jämförde du?").fill("Samma födelsedatum och adress som i det avslutade ärendet.");
  await panel.getByRole("button", { name: "Bekräfta: samma barn" }).click();

  // Still the new case, open, with the child as staff know her and her earlier case listed.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(newer);
  await expect(page.getByRole("status")).toContainText("barnet är samma barn som i det avslutade ärendet");
  const child = page.getByRole("region", { name: "Barnet", exact: true });
  await expect(child).toContainText("20150707-5289");
  await expect(child.getByRole("link", { name: earlier })).toBeVisible();
  await expect(page.getByText("Upprepade anmälningar")).toBeVisible();
  await expect(page.getByText(`Bekräftad matchning: samma barn som i det avslutade ärendet ${earlier} (ärendena hålls isär)`)).toBeVisible();
  await expect(page.getByRole("region", { name: /^Möjlig matchning/ })).toHaveCount(0);
  await expectAccessible(page);
});
