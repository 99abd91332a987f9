import { readFile } from "node:fs/promises";

import type { Page } from "@playwright/test";

import { DEMO_PASSWORD, expect, expectAccessible, test } from "./fixtures";

/** A Stockholm calendar date `days` from today, YYYY-MM-DD. */
function stockholmDay(days: number): string {
  const d = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

async function signInThroughPage(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
}

/** Clicks a download link as a user would and returns the saved file, checking its name. */
async function downloadFrom(page: Page, linkName: string, fileName: RegExp): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  expect(download.suggestedFilename()).toMatch(fileName);
  expect(await download.failure()).toBeNull();
  return readFile((await download.path())!);
}

/** The records of a semicolon-separated CSV with a byte-order mark, quoted cells understood. */
function csvRecords(text: string): string[][] {
  expect(text.charCodeAt(0), "a byte-order mark for Swedish spreadsheets").toBe(0xfeff);
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ";") {
      record.push(cell);
      cell = "";
    } else if (!quoted && ch === "\r" && text[i + 1] === "\n") {
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
      i++;
    } else {
      cell += ch;
    }
  }
  expect(cell, "the file ends with a line end").toBe("");
  return records;
}

test("the auditor finds a closed case, reads its history, reviews the flagged reads and signs off the period", async ({ page }) => {
  // One long journey (three downloads, fourteen reviews, axe on every page): twice the default.
  test.setTimeout(120_000);
  await signInThroughPage(page, "granskare@demo.varna.se");
  await expect(page).toHaveURL(/\/granskning$/);
  const menu = page.getByRole("navigation", { name: "Huvudmeny" });
  await expect(menu.getByRole("link", { name: "Granskning" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Ärenden" })).toHaveCount(0);
  await expect(menu.getByRole("link", { name: "Administration" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Logga in" })).toHaveCount(0);
  await expectAccessible(page);

  // Find the closed cases and open one.
  await page.getByLabel("Läge").selectOption({ label: "Avslutat" });
  await page.getByRole("button", { name: "Sök" }).click();
  await expect(page.getByRole("status")).toContainText("ärenden");
  const results = page.getByRole("table", { name: "Sökresultat" });
  await expect(results.getByRole("row")).not.toHaveCount(1);
  await expectAccessible(page);
  const reference = (await results.getByRole("rowheader").first().textContent()) ?? "";
  expect(reference).toMatch(/^VRN-/);
  await results.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  await expect(page.getByText("Skrivskyddat")).toBeVisible();

  // The whole history, with who, when, what and each event's hash; no action forms.
  const history = page.getByRole("table", { name: "Ärendets historik" });
  await expect(history.getByRole("row").nth(1)).toContainText("Anmälan inkom");
  await expect(history.locator("code.hash").first()).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByRole("button", { name: /Spara|Godkänn|Föreslå|Skicka/ })).toHaveCount(0);
  await expectAccessible(page);

  // Exports of the period that ran before this test (e2e/exports.spec.ts) are in the case's
  // log already: this test counts its own three.
  const exportRows = page.getByRole("table", { name: "Vem har läst ärendet" }).getByRole("row", { name: /Erik Sjöberg.*Exporterade/ });
  const exportedBefore = await exportRows.count();

  // The history downloads as PDF/A, JSON and CSV from its links, as a user would click them.
  const shownHashes = await history.locator("code.hash").allTextContents();
  expect(shownHashes.length).toBeGreaterThan(0);
  const pdf = await downloadFrom(page, "Ärendehistorik (PDF/A)", /^arendehistorik-VRN-.*\.pdf$/);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.toString("latin1")).toContain("<pdfaid:part>2</pdfaid:part>");
  const json = JSON.parse((await downloadFrom(page, "Händelser med kontrollsummor (JSON)", /^arendehistorik-VRN-.*\.json$/)).toString("utf8")) as {
    case: { referenceNumber: string; state: string };
    events: { seq: number; hash: string; prevHash: string }[];
  };
  expect(json.case.referenceNumber).toBe(reference);
  expect(json.case.state).toBe("closed");
  expect(json.events.map((e) => e.hash)).toEqual(shownHashes);
  expect(json.events.map((e) => e.seq)).toEqual(shownHashes.map((_, i) => i + 1));
  const csv = csvRecords((await downloadFrom(page, "Händelser (CSV)", /^arendehistorik-VRN-.*\.csv$/)).toString("utf8"));
  expect(csv[0]).toEqual(expect.arrayContaining(["Diarienummer", "Nr", "Händelse", "Kontrollsumma"]));
  const hashColumn = csv[0]!.indexOf("Kontrollsumma");
  expect(csv.slice(1).map((row) => row[hashColumn])).toEqual(shownHashes);
  expect(csv.slice(1).every((row) => row[0] === reference)).toBe(true);

  // A letter downloads exactly as archived.
  const letterLink = page.getByRole("link", { name: /^Ladda ned .*\.pdf/ }).first();
  const [download] = await Promise.all([page.waitForEvent("download"), letterLink.click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);

  // The case's access log shows the auditor's own reads, the download too.
  await page.reload();
  const access = page.getByRole("table", { name: "Vem har läst ärendet" });
  await expect(access.getByRole("row", { name: /Erik Sjöberg.*Granskare.*Öppnade ärendet/ }).first()).toBeVisible();
  await expect(access.getByRole("row", { name: /Erik Sjöberg.*Hämtade ett brev/ })).toHaveCount(1);
  await expect(exportRows).toHaveCount(exportedBefore + 3);

  // Loggkontroll for the demo's last two weeks (up to yesterday).
  await page.getByRole("navigation", { name: "Granskning" }).getByRole("link", { name: "Loggkontroll" }).click();
  await page.getByLabel("Från och med").fill(stockholmDay(-14));
  await page.getByLabel("Till och med").fill(stockholmDay(-1));
  await page.getByRole("button", { name: "Visa" }).click();
  const flagged = page.getByRole("table", { name: "Avvikande läsningar" });
  await expect(flagged.getByRole("row")).toHaveCount(15);
  await expect(flagged).toContainText("Ej tilldelad läsaren");
  await expect(flagged).toContainText("Utanför kontorstid");
  await expect(flagged).toContainText("Många ärenden på kort tid");
  await expect(flagged).toContainText("Ärende i en annan enhet");
  await expect(flagged).toContainText("Skyddade personuppgifter");
  await expect(page.getByText("14 återstår att granska")).toBeVisible();
  await expectAccessible(page);

  // A review without a comment is refused beside the field.
  const firstForm = page.getByRole("form", { name: /Granska läsningen/ }).first();
  await firstForm.getByRole("button", { name: "Markera som granskad" }).click();
  await expect(firstForm.getByText("Skriv en kommentar")).toBeVisible();
  await expectAccessible(page);

  for (let left = 14; left > 0; left--) {
    const form = page.getByRole("form", { name: /Granska läsningen/ }).first();
    await form.getByLabel("Kommentar").fill(`Kontrollerat med enhetschefen (${left}).`);
    await form.getByRole("button", { name: "Markera som granskad" }).click();
    await expect(page.getByRole("form", { name: /Granska läsningen/ })).toHaveCount(left - 1);
  }
  await page.getByLabel("Vad granskningen visade").fill("Alla avvikelser förklarade. Johan Berg vikarierade för Sara Lindqvist.");
  await page.getByRole("button", { name: "Signera loggkontrollen för perioden" }).click();
  await expect(page.getByTestId("signoff")).toContainText("Signerad av Erik Sjöberg");
  await expect(page.getByTestId("signoff")).toContainText("14 avvikande läsningar granskades");
  await expectAccessible(page);

  // The period's report downloads as CSV.
  const [report] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Ladda ner periodens granskningsrapport (CSV)" }).click(),
  ]);
  expect(report.suggestedFilename()).toMatch(/^loggkontroll-.*\.csv$/);

  // The start page does not ask a signed-in auditor to sign in.
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Logga in" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Till din startsida" })).toHaveAttribute("href", "/granskning");
  await expectAccessible(page);
  // Nor does a page that does not exist, or one the auditor may not use.
  for (const path of ["/finns-inte", "/arenden", "/admin"]) {
    await page.goto(path);
    await expect(page.getByText("Inloggad som Erik Sjöberg")).toBeVisible();
    await expect(page.getByRole("link", { name: "Logga in" })).toHaveCount(0);
  }
});

test("the auditor reads what one person opened, and the export page offers the range export", async ({ page, asRole }) => {
  await asRole("auditor");
  await page.goto("/granskning/anvandare");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Johan Berg" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Åtkomst för Johan Berg");
  await page.getByLabel("Från och med").fill(stockholmDay(-14));
  await page.getByLabel("Till och med").fill(stockholmDay(0));
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page.getByRole("table").getByRole("row", { name: /Öppnade ärendet/ }).first()).toBeVisible();
  await expectAccessible(page);

  await page.goto("/granskning/export");
  const form = page.getByRole("form", { name: "Exportera ärenden för en period" });
  await expect(form.getByRole("button", { name: "Ladda ner som JSON Lines" })).toHaveAttribute("formaction", "/granskning/export.jsonl");
  await expect(form.getByRole("button", { name: "Ladda ner som CSV" })).toHaveAttribute("formaction", "/granskning/export.csv");
  await expectAccessible(page);
});

test("the range export streams into the page with its progress, then saves the file", async ({ page, asRole }) => {
  await asRole("auditor");
  const from = stockholmDay(-60);
  const to = stockholmDay(0);
  const probe = await page.request.get(`/granskning/export.csv?from=${from}&to=${to}`);
  expect(probe.status(), "the range export answers the auditor").toBe(200);
  await page.goto("/granskning/export");
  const form = page.getByRole("form", { name: "Exportera ärenden för en period" });
  await form.getByLabel("Från och med").fill(from);
  await form.getByLabel("Till och med").fill(to);
  for (const [button, ext] of [
    ["Ladda ner som CSV", "csv"],
    ["Ladda ner som JSON Lines", "jsonl"],
  ] as const) {
    const [download] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: button }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${ext}$`));
    await expect(form.getByRole("status")).toContainText(/Klart: [1-9][\d\s]* rader/);
  }
  await expectAccessible(page);
});

test("the admin creates a caseworker who then signs in, and deactivates them", async ({ page, browser }) => {
  await signInThroughPage(page, "admin@demo.varna.se");
  await expect(page).toHaveURL(/\/admin$/);
  const menu = page.getByRole("navigation", { name: "Huvudmeny" });
  await expect(menu.getByRole("link", { name: "Administration" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Ärenden" })).toHaveCount(0);
  await expect(menu.getByRole("link", { name: "Granskning" })).toHaveCount(0);
  await expect(page.getByText(/VRN-/)).toHaveCount(0);
  await expectAccessible(page);

  const create = page.getByRole("region", { name: "Ny användare" });
  // Bad input first: messages beside the fields, nothing created.
  await create.getByLabel("E-postadress").fill("inte-en-adress");
  await create.getByLabel("Första lösenord").fill("kort");
  await create.getByRole("button", { name: "Skapa användaren" }).click();
  await expect(create.getByText("Ange en giltig e-postadress")).toBeVisible();
  await expect(create.getByText("Lösenordet måste ha minst 12 tecken")).toBeVisible();
  await expectAccessible(page);

  await create.getByLabel("E-postadress").fill("nyanstalld@demo.varna.se");
  await create.getByLabel("Namn").fill("Nora Nyanställd");
  await create.getByLabel("Roll").selectOption({ label: "Handläggare" });
  await create.getByLabel("Enhet", { exact: true }).selectOption({ label: "Barn och unga, Lysekil" });
  await create.getByLabel("Första lösenord").fill("ett-forsta-losenord");
  await create.getByRole("button", { name: "Skapa användaren" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nora Nyanställd");
  await expect(page.getByRole("status")).toContainText("Användaren är skapad");
  await expectAccessible(page);

  // The new caseworker signs in, in a browser of their own: first they choose their own password.
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  await signInThroughPage(them, "nyanstalld@demo.varna.se", "ett-forsta-losenord");
  await expect(them.getByText("Inloggad som Nora Nyanställd")).toBeVisible();
  await expect(them).toHaveURL(/\/konto\?redirectTo=%2Fskrivbord/);
  await expect(them.getByText("Välj ett eget lösenord innan du fortsätter.")).toBeVisible();
  // Every other page sends them back here, so the menu offers none of them yet.
  const theirMenu = them.getByRole("navigation", { name: "Huvudmeny" });
  await expect(theirMenu.getByRole("link", { name: "Ärenden" })).toHaveCount(0);
  await expect(theirMenu.getByRole("link", { name: "Skrivbord" })).toHaveCount(0);
  await them.goto("/arenden");
  await expect(them).toHaveURL(/\/konto\?redirectTo=%2Farenden/);
  await them.getByLabel("Nuvarande lösenord").fill("ett-forsta-losenord");
  await them.getByLabel("Nytt lösenord", { exact: true }).fill("kort");
  await them.getByLabel("Nytt lösenord igen").fill("något annat");
  await them.getByRole("button", { name: "Byt lösenord" }).click();
  await expect(them.getByText("Lösenordet måste ha minst 12 tecken")).toBeVisible();
  await expect(them.getByText("Lösenorden är inte lika")).toBeVisible();
  await expectAccessible(them);
  await them.getByLabel("Nytt lösenord", { exact: true }).fill("noras eget långa lösenord");
  await them.getByLabel("Nytt lösenord igen").fill("noras eget långa lösenord");
  await them.getByRole("button", { name: "Byt lösenord" }).click();
  // Told it is done, with the way on to the page they were going to, and the whole menu.
  await expect(them.getByRole("status")).toContainText("Ditt lösenord är bytt.");
  for (const field of ["Nuvarande lösenord", "Nytt lösenord", "Nytt lösenord igen"]) await expect(them.getByLabel(field, { exact: true })).toHaveValue("");
  await expect(theirMenu.getByRole("link", { name: "Ärenden" })).toBeVisible();
  await them.getByRole("link", { name: "Fortsätt till sidan du skulle till" }).click();
  await expect(them.getByRole("heading", { level: 1 })).toHaveText("Ärenden");

  // Deactivated: signed out on their very next request.
  await page.getByRole("button", { name: "Avaktivera användaren" }).click();
  await expect(page.getByRole("status")).toContainText("avaktiverad");
  await them.goto("/arenden");
  await expect(them).toHaveURL(/\/logga-in/);
  await expect(them.getByText("Inloggad som")).toHaveCount(0);
  await theirs.close();

  // The change log names every change, never a password.
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Ändringslogg" }).click();
  await expect(page.getByRole("table")).toContainText("Användare skapad");
  await expect(page.getByRole("table")).toContainText("Användare avaktiverad");
  await expect(page.getByRole("table")).toContainText("Eget lösenord valt");
  await expect(page.getByRole("table")).not.toContainText("noras eget");
  await expect(page.getByRole("table")).not.toContainText("ett-forsta-losenord");
  await expectAccessible(page);

  // Units: the letter details and the deputy approver.
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Enheter" }).click();
  await page.getByRole("link", { name: "Barn och unga, Lysekil" }).click();
  await page.getByLabel("Ersättare som godkänner beslut").selectOption({ label: "Sara Lindqvist" });
  await page.getByLabel("Telefontider").fill("Vardagar 08–12 och 13–16");
  await page.getByRole("button", { name: "Spara enheten" }).click();
  await expect(page.getByRole("status")).toContainText("Enheten är sparad");
  await expect(page.getByLabel("Telefontider")).toHaveValue("Vardagar 08–12 och 13–16");
  await expectAccessible(page);
  // The acute-danger notice on the public pages gives the hours as saved.
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Är ett barn i akut fara?" })).toContainText("Utanför kontorstid (vardagar 08–12 och 13–16)");
  await expect(page.getByRole("region", { name: "Är ett barn i akut fara?" }).getByRole("link", { name: "0523-61 30 00" })).toHaveAttribute("href", "tel:0523613000");

  await page.goto("/admin/enheter/ny");
  await expect(page).toHaveTitle("Ny enhet – Administration – Värna");
  await page.getByRole("button", { name: "Spara enheten" }).click();
  await expect(page.getByText("Fyll i fältet.").first()).toBeVisible();
  await expectAccessible(page);
  // The forms for a new unit and a new organisation are named like their pages.
  await page.goto("/admin/organisationer/ny");
  await expect(page).toHaveTitle("Ny organisation – Administration – Värna");
});

test("the municipality's name on the pages is the one the admin keeps for the unit, in Swedish and English", async ({ page, asRole }) => {
  await asRole("admin");
  await page.goto("/admin/enheter");
  await page.getByRole("link", { name: "Barn och unga, Lysekil" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Barn och unga, Lysekil");
  const unitPath = new URL(page.url()).pathname;
  const renameMunicipality = async (name: string) => {
    await page.goto(unitPath);
    await page.getByLabel("Kommun", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Spara enheten" }).click();
    await page.waitForURL(/\?ok=saveUnit$/);
    await expect(page.getByRole("status")).toContainText("Enheten är sparad");
  };
  await expect(page.locator(".brand-unit")).toHaveText("Lysekils kommun · Socialtjänsten – Barn och unga");

  await renameMunicipality("Orusts kommun");
  await expect(page.locator(".brand-unit")).toHaveText("Orusts kommun · Socialtjänsten – Barn och unga");
  await expect(page.getByRole("contentinfo")).toContainText("Värna · Orusts kommun, Socialtjänsten – Barn och unga");
  // The public pages too: signed out, the start page and the accessibility statement.
  await page.context().clearCookies();
  await page.goto("/");
  await expect(page.getByText("till socialtjänsten i Orusts kommun.")).toBeVisible();
  await expect(page.getByText(/Lysekils kommun/)).toHaveCount(0);
  await page.goto("/tillganglighet");
  await expect(page.getByText("Orusts kommun står bakom Värna")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.getByText("Orusts kommun is responsible for Värna")).toBeVisible();
  await page.goto("/");
  await expect(page.getByText("social services of Orusts kommun.")).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("Värna · Orusts kommun, Social services");
  await expectAccessible(page);
  await page.getByRole("button", { name: "På svenska" }).click();
  await expect(page.getByRole("button", { name: "In English" })).toBeVisible();

  // Back as it was, for the tests after this one.
  await asRole("admin");
  await renameMunicipality("Lysekils kommun");
  await expect(page.locator(".brand-unit")).toHaveText("Lysekils kommun · Socialtjänsten – Barn och unga");
});
