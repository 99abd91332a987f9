/**
 * The municipality's name on the pages (header, footer, start page, accessibility statement),
 * and the phone and hours of the acute-danger notice, are the ones its units keep, which the
 * admin edits at /admin/enheter: signed-in staff see their own unit's, everyone else the
 * unit's that receives the public form's reports.
 * Through the real route modules, against a real database.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { AccessibilityStatement } from "../accessibility/statement";
import { createSession, type SessionUser } from "../auth/session.server";
import { createStaff, createUnit } from "../../test/testing.server";
import { translate } from "../i18n";
import { AcuteNoticeContent } from "../ui/acute-notice";
import { ensureDefaultUnit, type UnitContact } from "../units.server";

process.env.SESSION_SECRET ??= "municipality-test-secret";

const context = { cspNonce: "", clientAddress: "127.0.0.1" };
const get = (cookie?: string) => new Request("http://localhost/", { headers: cookie ? { Cookie: cookie } : {} });

describe.each(testDatabaseKinds())("the municipality's name on the pages (%s)", (kind) => {
  let t: TestDatabase;
  let unitId: string;
  let admin: SessionUser;
  let elsewhere: SessionUser;
  const store = globalThis as unknown as { __varnaDatabase?: Promise<unknown> };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    store.__varnaDatabase = Promise.resolve(t);
    unitId = await ensureDefaultUnit(t.db);
    admin = await createStaff(t.db, unitId, "admin", "Per Admin");
    elsewhere = await createStaff(t.db, await createUnit(t.db, "Barn och unga, Testkommun"), "caseworker", "Tea Test");
  });
  afterAll(async () => {
    delete store.__varnaDatabase;
    await t.drop();
  });

  const cookieOf = async (user: SessionUser) => (await createSession(t.db, user.id)).split(";")[0]!;
  const root = async (cookie?: string) => (await import("../root")).loader({ request: get(cookie), params: {}, context });
  const statement = async (cookie?: string) =>
    (await (await import("../routes/tillganglighet")).loader({ request: get(cookie), params: {}, context })).contact as UnitContact;

  it("is the one the admin saves for the unit: on the public pages, for its staff, in Swedish and English", async () => {
    expect((await root()).municipality).toBe("Lysekils kommun");

    const form = new URLSearchParams({
      name: "Barn och unga, Lysekil",
      municipality: "Orusts kommun",
      address: "Box 1\n473 80 Henån",
      phone: "0304-33 40 00",
      officeHours: "Vardagar 08–16.30",
    });
    const saved = await (await import("../routes/admin.enheter.$unitId")).action({
      request: new Request(`http://localhost/admin/enheter/${unitId}`, { method: "POST", headers: { Cookie: await cookieOf(admin) }, body: form }),
      params: { unitId },
      context,
    });
    expect((saved as Response).status).toBe(302);

    // Header and footer (the root loader), signed out and as the unit's admin.
    expect((await root()).municipality).toBe("Orusts kommun");
    expect((await root(await cookieOf(admin))).municipality).toBe("Orusts kommun");
    // The acute-danger notice of the public pages: the unit's phone and hours, no other number.
    const acute = renderToStaticMarkup(<AcuteNoticeContent locale="sv" contact={(await root()).contact} />).replace(/<!-- -->/g, "");
    expect(acute).toContain("Utanför kontorstid (vardagar 08–16.30) kan du be att få tala med socialjouren.");
    expect(acute).toContain('Kommunens växel: <a href="tel:0304334000">0304-33 40 00</a>.');
    expect(acute).not.toContain("61 30 00");
    // The accessibility statement names it, with the unit's switchboard and postal address.
    const contact = await statement();
    const sv = renderToStaticMarkup(<AccessibilityStatement locale="sv" contact={contact} />);
    expect(sv).toContain("Orusts kommun står bakom Värna");
    expect(sv).toContain("skriv till Orusts kommun, Socialtjänsten, Box 1, 473 80 Henån");
    expect(sv).toContain('href="tel:0304334000"');
    expect(sv).not.toContain("Lysekil");
    const en = renderToStaticMarkup(<AccessibilityStatement locale="en" contact={contact} />);
    expect(en).toContain("Orusts kommun is responsible for Värna");
    expect(en).not.toContain("Lysekil");
    // In English the hours, which the admin writes in Swedish, are marked as Swedish for a screen reader.
    const acuteEn = renderToStaticMarkup(<AcuteNoticeContent locale="en" contact={(await root()).contact} withReadingHours />);
    expect(acuteEn).toContain('Outside office hours (<span lang="sv">vardagar 08–16.30</span>) you can ask');
    expect(acuteEn.match(/<span lang="sv">vardagar 08–16.30<\/span>/g)).toHaveLength(2);
    expect(acute).not.toContain("lang=");
  });

  it("a unit is not saved without the address and switchboard its letters print: Swedish messages beside the fields", async () => {
    const before = (await root()).contact;
    const response = (await (await import("../routes/admin.enheter.$unitId")).action({
      request: new Request(`http://localhost/admin/enheter/${unitId}`, {
        method: "POST",
        headers: { Cookie: await cookieOf(admin) },
        body: new URLSearchParams({ name: "Barn och unga, Lysekil", municipality: "Orusts kommun", address: " ", phone: "" }),
      }),
      params: { unitId },
      context,
    })) as Response;
    expect(response.status).toBe(400);
    const reply = (await response.json()) as { fieldErrors: Record<string, string> };
    expect(reply.fieldErrors).toEqual({ address: "field.required", phone: "field.required" });
    expect(translate("sv", reply.fieldErrors.phone!)).toBe("Fyll i fältet.");
    expect((await root()).contact).toEqual(before);
  });

  it("signed-in staff see their own unit's municipality", async () => {
    const cookie = await cookieOf(elsewhere);
    expect((await root(cookie)).municipality).toBe("Testkommun");
    expect((await statement(cookie)).municipality).toBe("Testkommun");
  });
});
