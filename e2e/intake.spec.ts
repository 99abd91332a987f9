import type { Locator, Page } from "@playwright/test";

import { expect, expectAccessible, expectNoSidewaysScroll, test } from "./fixtures";

async function fillConcern(page: Page, child: { name: string; personalNumber: string }) {
  const childGroup = page.getByRole("group", { name: "Barnet" });
  await childGroup.getByLabel("Barnets namn").fill(child.name);
  await childGroup.getByLabel("Personnummer eller samordningsnummer").fill(child.personalNumber);
  await page.keyboard.press("Tab");
  const concern = page.getByRole("group", { name: "Din oro" });
  await concern.getByLabel("Vad har hänt?").fill("Barnet kommer till skolan utan mat och säger att ingen vuxen är hemma.");
  await concern.getByRole("group", { name: "Vet barnet om att du gör en anmälan?" }).getByLabel("Vet inte").check();
  await page.getByRole("group", { name: "Våld eller övergrepp" }).getByLabel("Nej, inget av detta").check();
}

/** The id of the focused element (or its tag when it has none). */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

test("a private person submits a report and sees the report's own number and the receipt", async ({ page }) => {
  await page.goto("/anmalan");
  await expect(page.getByText("Ring 112")).toBeVisible();
  // The receiving unit's hours (the admin's, /admin/enheter; e2e/oversight.spec.ts changes them).
  await expect(page.getByText(/Anmälningar läses vardagar 08–1/)).toBeVisible();
  await expect(page.getByText(/Vårdnadshavarna har normalt rätt att få veta vem som har gjort anmälan/)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Formulärets steg" })).toBeVisible();
  await expectAccessible(page);
  const reporter = page.getByRole("group", { name: "Om dig som anmäler" });
  await reporter.getByLabel("Privatperson").check();
  await reporter.getByLabel("Ditt namn").fill("Lena Granne");
  await fillConcern(page, { name: "Tove Privat", personalNumber: "20150621-2388" });
  // The short review before sending follows the answers.
  const review = page.getByTestId("intake-review");
  await expect(review).toContainText("Tove Privat");
  await expect(review).toContainText("Nej, inget av detta");
  await page.getByRole("button", { name: "Skicka anmälan" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("din anmälan är mottagen");
  const reference = (await page.getByTestId("report-number").textContent()) ?? "";
  expect(reference).toMatch(/^ANM-\d{4}-\d{6}$/);
  await expectAccessible(page);
  const pdf = await page.request.get(await page.getByRole("link", { name: /kvittensen/ }).getAttribute("href") ?? "");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("with an error showing, every click takes and focus stays where the user put it", async ({ page }) => {
  await page.goto("/anmalan");
  // A refused submit: the summary takes focus (once).
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  await expect(page.getByRole("alert")).toBeFocused();
  // A field error beside the personnummer, made by leaving the field.
  const pnr = page.getByLabel("Personnummer eller samordningsnummer");
  await pnr.fill("20150621-2385");
  await page.keyboard.press("Tab");
  await expect(pnr).toHaveAttribute("aria-invalid", "true");
  // Tab from the bad personnummer goes on to the next field, not to the summary.
  await expect(page.getByLabel("Födelsedatum")).toBeFocused();

  const reporter = page.getByRole("group", { name: "Om dig som anmäler" });
  const guardian = page.getByRole("group", { name: "Vårdnadshavare 1" });
  const concern = page.getByRole("group", { name: "Din oro" });
  const clicks: { target: Locator; check?: boolean }[] = [
    { target: page.getByRole("group", { name: "Våld eller övergrepp" }).getByLabel("Vet inte"), check: true },
    { target: concern.getByLabel("Vad har hänt?") },
    { target: concern.getByRole("group", { name: "Vet barnet om att du gör en anmälan?" }).getByLabel("Nej"), check: true },
    { target: page.getByLabel("Barnet eller familjen behöver tolk"), check: true },
    { target: guardian.getByLabel("Namn") },
    { target: guardian.getByRole("group", { name: "Vet vårdnadshavaren om anmälan?" }).getByLabel("Ja"), check: true },
    { target: page.getByLabel("Barnets namn") },
    { target: page.getByLabel("Barnet har skyddade personuppgifter"), check: true },
    { target: reporter.getByLabel("Privatperson"), check: true },
    { target: reporter.getByLabel("Jag vill vara anonym"), check: true },
    { target: page.getByLabel("Syskon 1, namn") },
  ];
  for (const { target, check } of clicks) {
    await target.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    await target.click();
    const id = await target.getAttribute("id");
    expect(await focused(page), `focus after clicking #${id}`).toBe(id);
    if (check) await expect(target).toBeChecked();
    // The page did not jump away (to the summary at the top).
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - before), `scroll after #${id}`).toBeLessThan(200);
  }
  await expect(pnr).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("the whole form can be filled in and sent with the keyboard alone", async ({ page }) => {
  await page.goto("/anmalan");
  /** Tabs forward until the focused control has this accessible label; fails after 150 presses. */
  async function tabTo(label: string | RegExp) {
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press("Tab");
      const name = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        if (!el) return "";
        const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
        return (byFor ?? el.textContent ?? "").trim();
      });
      if (typeof label === "string" ? name.startsWith(label) : label.test(name)) return;
    }
    throw new Error(`never reached ${String(label)} with Tab`);
  }
  await tabTo("Privatperson");
  await page.keyboard.press("Space");
  await tabTo("Ditt namn");
  await page.keyboard.type("Kalle Tangent");
  await tabTo("Din relation till barnet");
  await page.keyboard.type("Granne");
  await tabTo("Barnets namn");
  await page.keyboard.type("Klara Tangentbord");
  await tabTo("Barnets ålder");
  await page.keyboard.type("7");
  await tabTo("Vem bor barnet med?");
  await page.keyboard.type("Mamma");
  await tabTo("Namn");
  await page.keyboard.type("Maja Mamma");
  await tabTo("Vad har hänt?");
  await page.keyboard.type("Klara säger att hon är ensam hemma varje kväll.");
  // A radio group is one Tab stop; arrows choose within it (Ja → Nej → Vet inte).
  await tabTo("Ja");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await tabTo("Vad tycker barnet själv?");
  await page.keyboard.type("Hon vill ha mer hjälp.");
  await tabTo("Ja");
  await page.keyboard.press("ArrowDown");
  await tabTo("Vet inte");
  await page.keyboard.press("Space");
  await tabTo("Skicka anmälan");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("report-number")).toHaveText(/^ANM-/);
});

test("a private reporter who knows only a guardian's name can submit", async ({ page }) => {
  await page.goto("/anmalan");
  const reporter = page.getByRole("group", { name: "Om dig som anmäler" });
  await reporter.getByLabel("Privatperson").check();
  await reporter.getByLabel("Jag vill vara anonym").check();
  await page.getByRole("group", { name: "Vårdnadshavare 1" }).getByLabel("Namn").fill("Petra Okänd");
  await fillConcern(page, { name: "Gustav Guardian", personalNumber: "20150621-2388" });
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  await expect(page.getByTestId("report-number")).toHaveText(/^ANM-/);
});

test("a question made required by another answer is marked required at once", async ({ page }) => {
  await page.goto("/anmalan");
  const reporter = page.getByRole("group", { name: "Om dig som anmäler" });
  await expect(reporter.getByLabel("Yrkesroll", { exact: true })).not.toHaveAttribute("required", "");
  await reporter.getByLabel("Anmälningsskyldig").check();
  await expect(reporter.getByLabel("Yrkesroll (obligatoriskt)")).toHaveAttribute("required", "");
  await expect(reporter.getByLabel("Typ av verksamhet (obligatoriskt)")).toHaveAttribute("required", "");
  await page.getByLabel("Barnet eller familjen behöver tolk").check();
  await expect(page.getByLabel("Språk (obligatoriskt)")).toHaveAttribute("required", "");
  await expectAccessible(page);
});

test("a guardian's name is marked required once anything else about them is given, a sibling's once an age is", async ({ page }) => {
  await page.goto("/anmalan");
  const guardian = page.getByRole("group", { name: "Vårdnadshavare 1" });
  await expect(guardian.getByLabel("Namn", { exact: true })).not.toHaveAttribute("required", "");
  await guardian.getByLabel("Telefonnummer").fill("070-123 45 67");
  await expect(guardian.getByLabel("Namn (obligatoriskt)")).toHaveAttribute("required", "");
  // Taken back: optional again.
  await guardian.getByLabel("Telefonnummer").fill("");
  await expect(guardian.getByLabel("Namn", { exact: true })).not.toHaveAttribute("required", "");
  await guardian.getByLabel("Adress", { exact: true }).fill("Kungsgatan 12, Lysekil");
  await expect(guardian.getByLabel("Namn (obligatoriskt)")).toHaveAttribute("required", "");
  // The other guardian is untouched.
  const second = page.getByRole("group", { name: "Vårdnadshavare 2" });
  await expect(second.getByLabel("Namn", { exact: true })).not.toHaveAttribute("required", "");

  const siblings = page.getByRole("group", { name: "Syskon" });
  await expect(siblings.getByLabel("Syskon 2, namn", { exact: true })).not.toHaveAttribute("required", "");
  await siblings.getByLabel("Syskon 2, ålder").fill("7");
  await expect(siblings.getByLabel("Syskon 2, namn (obligatoriskt)")).toHaveAttribute("required", "");
  await expect(siblings.getByLabel("Syskon 1, namn", { exact: true })).not.toHaveAttribute("required", "");
  await expectAccessible(page);
});

test("the step indicator follows the step the focus is in", async ({ page }) => {
  await page.goto("/anmalan");
  const steps = page.getByRole("navigation", { name: "Formulärets steg" });
  await expect(steps.getByRole("link", { name: /Om dig/ })).toHaveAttribute("aria-current", "step");
  await page.getByRole("group", { name: "Barnet" }).getByLabel("Barnets namn").focus();
  await expect(steps.getByRole("link", { name: /Barnet/ })).toHaveAttribute("aria-current", "step");
  await expect(steps.locator("[aria-current]")).toHaveCount(1);
});

test("bad input is refused with a Swedish message beside the field, and nothing is stored", async ({ page }) => {
  await page.goto("/anmalan");
  await page.getByLabel("Barnets namn").fill("Tove Fel");
  await page.getByLabel("Personnummer eller samordningsnummer").fill("20150621-2385");
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  const pnr = page.getByLabel("Personnummer eller samordningsnummer");
  await expect(pnr).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/Personnumret eller samordningsnumret är inte giltigt/).first()).toBeVisible();
  await expect(page).toHaveURL(/\/anmalan$/);
  await expectAccessible(page);
});

test("the school reporter signs in and submits with pre-filled details; it shows under My reports", async ({ page, asRole }) => {
  await asRole("school");
  await page.goto("/anmalan");
  const reporter = page.getByRole("group", { name: "Om dig som anmäler" });
  await expect(reporter.getByLabel("Anmälningsskyldig")).toBeChecked();
  await expect(reporter.getByLabel("Ditt namn")).toHaveValue("Karin Ek");
  await expect(reporter.getByLabel("Verksamhet eller organisation")).toHaveValue("Gullmarsskolan");
  // The account's reports say it is a school; the reporter sees it and may change it.
  const sector = reporter.getByLabel("Typ av verksamhet (obligatoriskt)");
  await expect(sector).toHaveValue("school");
  await fillConcern(page, { name: "Sigge Skolelev", personalNumber: "20130419-2394" });
  await expect(page.getByTestId("intake-review")).toContainText("Skola");
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  const reference = (await page.getByTestId("report-number").textContent()) ?? "";
  expect(reference).toMatch(/^ANM-/);

  await page.goto("/mina-anmalningar");
  await expect(page.getByRole("cell", { name: new RegExp(reference) })).toBeVisible();
  await expectAccessible(page);
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the form has no sideways scrolling", async ({ page }) => {
    await page.goto("/anmalan");
    await page.getByRole("button", { name: "Skicka anmälan" }).click();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  });

  test("a reporter's own reports are a card each, with no sideways scrolling", async ({ page, asRole }) => {
    await asRole("school");
    await page.goto("/mina-anmalningar");
    await expectNoSidewaysScroll(page);
    const card = page.locator("table.card-table tbody tr").first();
    for (const label of ["Anmälningsnummer", "Inkom", "Barn", "Återkoppling"]) {
      await expect(card.locator(`td[data-label="${label}"]`)).toBeVisible();
    }
    await expectAccessible(page);
  });
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });
  test("the form submits as a plain HTML form", async ({ page }) => {
    await page.goto("/anmalan");
    const reporter = page.getByRole("group", { name: "Om dig som anmäler" });
    await reporter.getByLabel("Privatperson").check();
    await reporter.getByLabel("Jag vill vara anonym").check();
    await fillConcern(page, { name: "Nils Utanjs", personalNumber: "20120305-2392" });
    await page.getByRole("button", { name: "Skicka anmälan" }).click();
    await expect(page.getByTestId("report-number")).toHaveText(/^ANM-/);
  });

  test("the step indicator claims no step current: every step is on the one page", async ({ page }) => {
    await page.goto("/anmalan");
    const steps = page.getByRole("navigation", { name: "Formulärets steg" });
    await expect(steps.getByRole("link")).toHaveCount(5);
    await expect(steps.locator("[aria-current]")).toHaveCount(0);
  });

  test("a mandated reporter who does not say what kind of organisation is asked to, beside the field", async ({ page }) => {
    await page.goto("/anmalan");
    const reporter = page.getByRole("group", { name: "Om dig som anmäler" });
    await reporter.getByLabel("Anmälningsskyldig").check();
    await reporter.getByLabel("Ditt namn").fill("Per Polis");
    await reporter.getByLabel("Verksamhet eller organisation").fill("Region Västra Götaland");
    await reporter.getByLabel("Yrkesroll").fill("Utredare");
    await reporter.getByLabel("Telefonnummer").fill("0522-64 30 00");
    await fillConcern(page, { name: "Vera Verksamhet", personalNumber: "20110607-2380" });
    await page.getByRole("button", { name: "Skicka anmälan" }).click();
    const sector = page.getByRole("combobox", { name: /Typ av verksamhet/ });
    await expect(sector).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Välj vilken sorts verksamhet du anmäler från.").first()).toBeVisible();
    // Still the form (without JavaScript it posts to /anmalan?index), nothing sent.
    await expect(page).toHaveURL(/\/anmalan(\?index)?$/);
    // Answered, the same form goes through.
    await page.getByRole("combobox", { name: /Typ av verksamhet/ }).selectOption({ label: "Polis" });
    await page.getByRole("button", { name: "Skicka anmälan" }).click();
    await expect(page.getByTestId("report-number")).toHaveText(/^ANM-/);
  });

  test("errors come back beside the fields without JavaScript", async ({ page }) => {
    await page.goto("/anmalan");
    await page.getByRole("button", { name: "Skicka anmälan" }).click();
    await expect(page.getByLabel("Barnets namn")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Formuläret innehåller fel").first()).toBeVisible();
  });
});
