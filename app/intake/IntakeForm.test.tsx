/**
 * The form as the server renders it, i.e. what a browser without JavaScript gets: labels,
 * hints and errors tied to their fields, the error summary, the values sent coming back.
 */
import type { SubmissionResult } from "@conform-to/react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";

import { validIntakeFormData } from "./fixtures";
import { IntakeForm, type IntakeFormProps } from "./IntakeForm";
import { defaultsForReporter, intakeFieldNames, parseIntake } from "./schema";

const KEY = "3f2b8c1e-7d4a-4e9b-a1c2-5d6e7f8a9b0c";

const LYSEKIL_CONTACT = { phone: "0523-61 30 00", officeHours: "Vardagar 08–16" };

async function render(props: Partial<IntakeFormProps> = {}, contact: { phone: string | null; officeHours: string | null } = LYSEKIL_CONTACT) {
  const { query, dataRoutes } = createStaticHandler([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale: "sv", contact }),
      children: [{ path: "anmalan", element: <IntakeForm idempotencyKey={KEY} {...props} /> }],
    },
  ]);
  const context = await query(new Request("http://localhost/anmalan"));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(dataRoutes, context);
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}

function replyFor(overrides: Record<string, string>): SubmissionResult<string[]> {
  const submission = parseIntake(validIntakeFormData({ idempotencyKey: KEY, ...overrides }));
  expect(submission.status).toBe("error");
  return submission.reply();
}

/** The opening tag of the element with this id. */
function tag(html: string, id: string): string {
  const match = new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`).exec(html);
  if (!match) throw new Error(`no element with id ${id}`);
  return match[0];
}

describe("IntakeForm (server-rendered)", () => {
  it("posts to its own URL with every field present and labelled", async () => {
    const html = await render();
    expect(html).toMatch(/<form [^>]*method="post"/);
    expect(html).not.toMatch(/<form [^>]*action="http/);
    expect(html).toContain(`name="idempotencyKey" value="${KEY}"`);
    expect(html).not.toContain('role="alert"');

    for (const name of intakeFieldNames) {
      expect(html, name).toContain(`name="${name}"`);
    }
    // Every visible control has a <label for=…>.
    const controls = [...html.matchAll(/<(input|textarea|select)\b[^>]*>/g)].map((m) => m[0]);
    for (const control of controls) {
      if (control.includes('type="hidden"')) continue;
      const id = /\sid="([^"]+)"/.exec(control)?.[1];
      expect(id, control).toBeTruthy();
      expect(html, control).toContain(`for="${id}"`);
    }
  });

  it("tells a signed-in reporter that an anonymous report is not tied to their account", async () => {
    const notice = "en anonym anmälan kopplas inte till ditt konto";
    expect(await render({ signedIn: true })).toContain(notice);
    expect(await render()).not.toContain(notice);
  });

  it("shows the acute-danger notice and a hidden, untabbable honeypot", async () => {
    const html = await render();
    expect(html).toContain("Är ett barn i akut fara?");
    expect(html).toContain("Ring 112");
    expect(html).toMatch(/<div class="honeypot" aria-hidden="true">/);
    expect(tag(html, "intake-website")).toContain('tabindex="-1"');
    expect(tag(html, "intake-website")).toMatch(/autocomplete="off"/i);
  });

  it("gives the receiving unit's phone and hours as the admin keeps them, and reads right without them", async () => {
    const html = await render({}, { phone: "0304-33 40 00", officeHours: "Vardagar 08–16.30" });
    expect(html).toContain("Ring 112. Utanför kontorstid (vardagar 08–16.30) kan du be att få tala med socialjouren.");
    expect(html.replace(/<!-- -->/g, "")).toMatch(/Kommunens växel: <a href="tel:0304334000">0304-33 40 00<\/a>\./);
    expect(html).toContain("Anmälningar läses vardagar 08–16.30.");
    expect(html).not.toContain("61 30 00");

    const bare = await render({}, { phone: null, officeHours: null });
    expect(bare).toContain("Ring 112. Utanför kontorstid kan du be att få tala med socialjouren.");
    expect(bare).toContain("Anmälningar läses under kontorstid.");
    expect(bare).not.toContain("Kommunens växel");
    expect(bare).not.toContain("()");
  });

  it("shows the steps, the office hours and the mandated reporter's notice, without JavaScript", async () => {
    const html = await render();
    expect(html).toContain('aria-label="Formulärets steg"');
    for (const [n, step] of [[1, "Om dig"], [2, "Barnet"], [3, "Familjen"], [4, "Din oro"], [5, "Granska och skicka"]] as const) {
      expect(html.replace(/<!-- -->/g, "")).toContain(`Steg ${n} av 5:</span> ${step}<`);
    }
    // Without JavaScript nothing follows where the person is: no step claims to be current.
    expect(html).not.toContain("aria-current");
    expect(html).not.toMatch(/<li class="current"/);
    expect(html).toContain("Anmälningar läses vardagar 08–16.");
    expect(html).toContain("socialjouren");
    expect(html).toContain("Vårdnadshavarna har normalt rätt att få veta vem som har gjort anmälan.");
    // No and Don't know are separate answers to the violence question.
    expect(html).toContain('value="no"');
    expect(html).toContain('value="unknown"');
    expect(html).not.toContain('value="none"');
  });

  it("marks a mandated reporter's details required when the form opens as mandated", async () => {
    const html = await render({ defaultValue: { reporterKind: "mandated" } });
    expect(tag(html, "intake-reporterTitle")).toContain("required");
    expect(html).toContain("Yrkesroll (obligatoriskt)");
    expect(tag(html, "intake-reporterSector")).toMatch(/<select[^>]*required/);
    expect(html).toContain('for="intake-reporterSector">Typ av verksamhet (obligatoriskt)</label>');
    const open = await render();
    expect(tag(open, "intake-reporterTitle")).not.toContain("required");
    expect(tag(open, "intake-reporterSector")).not.toContain("required");
  });

  it("asks a mandated reporter what kind of organisation they report from", async () => {
    const html = await render();
    const select = html.slice(html.indexOf('<select id="intake-reporterSector"'));
    const options = [...select.slice(0, select.indexOf("</select>")).matchAll(/<option value="([^"]*)"[^>]*>([^<]*)</g)].map(
      (m) => [m[1], m[2]],
    );
    expect(options).toEqual([
      ["", "Välj"],
      ["school", "Skola"],
      ["preschool", "Förskola"],
      ["healthCare", "Hälso- och sjukvård"],
      ["police", "Polis"],
      ["socialServices", "Socialtjänst"],
      ["other", "Annan verksamhet"],
    ]);
  });

  it("says beside the field that a mandated reporter must choose the kind of organisation", async () => {
    const html = await render({ lastResult: replyFor({ reporterKind: "mandated", reporterOrganisation: "Gullmarsskolan", reporterTitle: "Kurator", reporterSector: "" }) });
    expect(html).toContain('id="intake-reporterSector-error">Välj vilken sorts verksamhet du anmäler från.</p>');
    expect(html).toContain('href="#intake-reporterSector"');
    expect(tag(html, "intake-reporterSector")).toContain('aria-invalid="true"');
  });

  it("puts radio groups in a fieldset with a legend", async () => {
    const html = await render();
    expect(html).toMatch(/<fieldset id="intake-reporterKind"[^>]*><legend>/);
    expect(html).toMatch(/<fieldset id="intake-childKnows"[^>]*><legend>/);
    expect(html).toMatch(/<fieldset id="intake-violence"[^>]*><legend>/);
  });

  it("pre-fills a signed-in reporter", async () => {
    const html = await render({
      defaultValue: defaultsForReporter({
        name: "Karin Berg",
        phone: "0523-61 30 00",
        email: "skola@demo.varna.se",
        organisation: "Gullmarsskolan",
        title: "Kurator",
        mandatedReporter: true,
        sector: "school",
      }),
    });
    expect(tag(html, "intake-reporterKind-mandated")).toContain("checked");
    expect(tag(html, "intake-reporterOrganisation")).toContain('value="Gullmarsskolan"');
    expect(html).toMatch(/<option value="school" selected="">Skola<\/option>/);
  });

  it("re-renders a refused post with a focusable summary and errors tied to their fields", async () => {
    const html = await render({
      lastResult: replyFor({
        reporterKind: "mandated",
        reporterOrganisation: "",
        childKnows: "",
        childName: "Alva",
      }),
    });
    const summary = tag(html, "intake-error-summary");
    expect(summary).toBeTruthy();
    expect(html).toMatch(/<div class="alert" role="alert" tabindex="-1"/);
    expect(html).toContain('href="#intake-reporterOrganisation"');
    expect(html).toContain('href="#intake-childKnows-yes"');

    const input = tag(html, "intake-reporterOrganisation");
    expect(input).toContain('aria-invalid="true"');
    expect(input).toMatch(/aria-describedby="[^"]*intake-reporterOrganisation-error/);
    expect(html).toMatch(
      /<p class="field-error" id="intake-reporterOrganisation-error">Fyll i fältet\.<\/p>/
    );

    const group = tag(html, "intake-childKnows");
    expect(group).toMatch(/aria-describedby="[^"]*intake-childKnows-error/);
    expect(html).toContain('id="intake-childKnows-error">Välj ett av alternativen.</p>');

    // What was sent comes back.
    expect(tag(html, "intake-childName")).toContain('value="Alva"');
    expect(tag(html, "intake-reporterKind-mandated")).toContain("checked");
  });

  it("says the limit of a too-long text", async () => {
    const html = await render({ lastResult: replyFor({ childName: "x".repeat(300) }) });
    expect(html).toContain("Texten är för lång (högst 200 tecken).");
  });

  it("never echoes the honeypot", async () => {
    const html = await render({ lastResult: replyFor({ website: "spam" }) });
    expect(tag(html, "intake-website")).toContain('value=""');
  });
});
