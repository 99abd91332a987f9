import { expect, test } from "./fixtures";

const period = "from=2000-01-01&to=2099-12-31";

test("the auditor downloads a case's history as PDF, JSON and CSV, and a period as JSON Lines and CSV", async ({ page, asRole }) => {
  await asRole("auditor");
  const lines = await page.request.get(`/granskning/export.jsonl?${period}`);
  expect(lines.status()).toBe(200);
  expect(lines.headers()["content-disposition"]).toContain("attachment");
  const total = Number(lines.headers()["x-total-cases"]);
  expect(total).toBeGreaterThanOrEqual(15);
  const records = (await lines.text()).trim().split("\n").map((l) => JSON.parse(l) as { kind: string; id?: string; state?: string; referenceNumber?: string });
  expect(records.filter((r) => r.kind === "case")).toHaveLength(total);
  const closed = records.find((r) => r.kind === "case" && r.state === "closed")!;
  expect(closed, "the demo has a closed case").toBeTruthy();

  const pdf = await page.request.get(`/granskning/arenden/${closed.id}/historik.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  const json = await page.request.get(`/granskning/arenden/${closed.id}/historik.json`);
  expect(json.status()).toBe(200);
  const history = (await json.json()) as { case: { referenceNumber: string }; events: { hash: string }[] };
  expect(history.case.referenceNumber).toBe(closed.referenceNumber);
  expect(history.events.length).toBeGreaterThan(3);

  const csv = await page.request.get(`/granskning/arenden/${closed.id}/historik.csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(history.events.at(-1)!.hash);

  const cases = await page.request.get(`/granskning/export.csv?${period}`);
  expect(cases.status()).toBe(200);
  expect((await cases.text()).trim().split("\r\n")).toHaveLength(total + 1);

  const bad = await page.request.get(`/granskning/export.csv?from=2026-13-01&to=2026-01-01`);
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("ÅÅÅÅ-MM-DD");
});

test("nobody else gets an export", async ({ page, asRole }) => {
  await asRole("auditor");
  const lines = await page.request.get(`/granskning/export.jsonl?${period}`);
  const caseId = ((await lines.text()).split("\n").map((l) => l && JSON.parse(l)).find((r) => r && r.kind === "case") as { id: string }).id;
  const urls = [
    `/granskning/arenden/${caseId}/historik.pdf`,
    `/granskning/arenden/${caseId}/historik.json`,
    `/granskning/arenden/${caseId}/historik.csv`,
    `/granskning/export.jsonl?${period}`,
    `/granskning/export.csv?${period}`,
  ];
  for (const role of ["caseworker", "teamLead", "admin", "school"] as const) {
    await page.context().clearCookies();
    await asRole(role);
    for (const url of urls) expect((await page.request.get(url, { maxRedirects: 0 })).status(), `${role} ${url}`).toBe(403);
  }
  await page.context().clearCookies();
  for (const url of urls) {
    const anonymous = await page.request.get(url, { maxRedirects: 0 });
    expect(anonymous.status(), url).toBe(302);
    expect(anonymous.headers()["location"]).toContain("/logga-in");
  }
});
