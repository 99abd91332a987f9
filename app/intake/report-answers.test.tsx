/**
 * The form's new questions end to end below the browser: posted as the form posts them,
 * stored on the report, loaded for the case page and rendered there — with "Nej" and
 * "Vet inte" kept apart.
 */
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";

import { reports } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import type { SessionUser } from "../auth/session.server";
import { loadCasePage } from "../cases/case-page.server";
import { Reports } from "../cases/report-view";
import { createStaff } from "../../test/testing.server";
import { ensureDefaultUnit } from "../units.server";
import { validIntakeFormData } from "./fixtures";
import { ReportAnswers } from "./ReportAnswers";
import { parseIntake } from "./schema";
import { submitReport } from "./submit.server";

async function render(element: ReactNode) {
  const { query, dataRoutes } = createStaticHandler([
    { id: "root", path: "/", loader: () => ({ locale: "sv" }), children: [{ index: true, element }] },
  ]);
  const context = await query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected response");
  return renderToString(
    <StaticRouterProvider router={createStaticRouter(dataRoutes, context)} context={context} hydrate={false} />
  );
}

function posted(overrides: Record<string, string>) {
  const submission = parseIntake(validIntakeFormData(overrides));
  if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
  return submission.value;
}

describe.each(testDatabaseKinds())("the new questions, stored and shown (%s)", (kind) => {
  let t: TestDatabase;
  let caseworker: SessionUser;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const unitId = await ensureDefaultUnit(t.db);
    caseworker = await createStaff(t.db, unitId, "caseworker", "Sara Lindqvist");
  });
  afterAll(() => t.drop());

  it("stores every new answer on the report and the case page shows them", async () => {
    const input = posted({
      childPersonalNumber: "",
      childName: "Tindra Utan Nummer",
      childAge: "8",
      reporterRelation: "Granne",
      childLivesWith: "Mamma, varannan vecka pappa",
      childView: "Hon säger att hon inte vill gå hem.",
      policeReport: "no",
      violence: "unknown",
    });
    const result = await submitReport(t.db, input, null);
    const [row] = await t.db.select().from(reports).where(eq(reports.id, result.reportId));
    expect(row).toMatchObject({
      reporterRelation: "Granne",
      childAge: 8,
      childLivesWith: "Mamma, varannan vecka pappa",
      childView: "Hon säger att hon inte vill gå hem.",
      policeReport: "no",
      violenceAnswer: "unknown",
      violence: false,
    });

    const page = await loadCasePage(t.db, caseworker, result.caseId);
    const answers = page!.reports[0]!.answers;
    expect(answers).toEqual({
      reporterRelation: "Granne",
      childAge: 8,
      childLivesWith: "Mamma, varannan vecka pappa",
      childView: "Hon säger att hon inte vill gå hem.",
      policeReport: "no",
      violenceAnswer: "unknown",
    });
    const html = await render(<ReportAnswers answers={answers} />);
    expect(html).toMatch(/Polisanmälan gjord<\/dt><dd>Nej<\/dd>/);
    expect(html).toContain("Granne");
    expect(html).toContain("8 år");
  });

  it("stores a mandated reporter's kind of organisation and the case page shows it with the report", async () => {
    const input = posted({
      childPersonalNumber: "",
      childName: "Polis Anmäld",
      reporterKind: "mandated",
      reporterName: "Per Polis",
      reporterOrganisation: "Region Västra Götaland",
      reporterTitle: "Utredare",
      reporterSector: "police",
    });
    const { caseId, reportId } = await submitReport(t.db, input, null);
    const [row] = await t.db.select().from(reports).where(eq(reports.id, reportId));
    expect(row).toMatchObject({ reporterSector: "police", reporterCategory: "police" });
    const page = await loadCasePage(t.db, caseworker, caseId);
    expect(page!.reports[0]!.reporterSector).toBe("police");
    const html = await render(<Reports reports={page!.reports} />);
    expect(html).toMatch(/Typ av verksamhet<\/dt><dd>Polis<\/dd>/);
    expect(html).toContain("Region Västra Götaland");
  });

  it("keeps No and Don't know distinct on the page", async () => {
    const no = posted({ childPersonalNumber: "", childName: "Nora Nej", violence: "no", policeReport: "unknown" });
    const { caseId } = await submitReport(t.db, no, null);
    const answers = (await loadCasePage(t.db, caseworker, caseId))!.reports[0]!.answers;
    expect(answers.violenceAnswer).toBe("no");
    const html = await render(<ReportAnswers answers={answers} />);
    expect(html).toMatch(/Polisanmälan gjord<\/dt><dd>Vet inte<\/dd>/);
  });

  it("the case page's report shows the violence answer exactly as given: Ja, Nej or Vet inte, never lumped", async () => {
    const violenceRow = (html: string) => /Våld, övergrepp eller hedersrelaterat våld<\/dt><dd>(.*?)<\/dd>/.exec(html)?.[1];
    const shown = async (fields: Record<string, string>) => {
      const { caseId } = await submitReport(t.db, posted({ childPersonalNumber: "", ...fields }), null);
      const page = await loadCasePage(t.db, caseworker, caseId);
      const html = await render(<Reports reports={page!.reports} />);
      expect(html).not.toMatch(/Nej \/ vet inte/i);
      return violenceRow(html);
    };
    expect(await shown({ childName: "Vilma Nej", violence: "no" })).toBe("Nej");
    expect(await shown({ childName: "Vilma Vet Inte", violence: "unknown" })).toBe("Vet inte");
    expect(await shown({ childName: "Vilma Ja", violence: "sexualAbuse" })).toBe("Ja: Sexuella övergrepp");
  });

  it("a private reporter who knows only a guardian's name can submit", async () => {
    const input = posted({
      childPersonalNumber: "",
      childName: "Gustav Bara Namn",
      guardian1Name: "Petra Okänd",
      guardian1Phone: "",
      guardian1Email: "",
      guardian1Address: "",
      guardian1Knows: "",
    });
    const { reportId } = await submitReport(t.db, input, null);
    const [row] = await t.db.select({ guardians: reports.guardians }).from(reports).where(eq(reports.id, reportId));
    expect(row!.guardians).toEqual([
      { name: "Petra Okänd", phone: null, email: null, address: null, knowsAboutReport: "unknown" },
    ]);
  });
});
