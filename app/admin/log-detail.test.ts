import { describe, expect, it } from "vitest";

import { translate } from "../i18n";
import { describeAdminChange } from "./log-detail";

const sv = (key: string, params?: Record<string, string | number>) => translate("sv", key, params);
const en = (key: string, params?: Record<string, string | number>) => translate("en", key, params);

describe("the admin log's description of a change", () => {
  it("names fields as the admin's forms do and roles by their names, in the reader's language", () => {
    const detail = { role: ["caseworker", "teamLead"], unitId: [null, "Barn och unga, Lysekil"], contactUserId: ["Anders Lund", "Karin Ek"] };
    expect(describeAdminChange(detail, sv)).toBe("Roll: Handläggare → Arbetsledare; Enhet: – → Barn och unga, Lysekil; Kontaktperson: Anders Lund → Karin Ek");
    expect(describeAdminChange(detail, en)).toMatch(/^Role: Caseworker → Team lead; Unit: – → Barn och unga, Lysekil; /);
  });

  it("shows what a new account or unit was given, and a field it does not know as it is logged", () => {
    expect(describeAdminChange({ email: "ny@lysekil.se", role: "reporter", organisationId: null }, sv)).toBe(
      "E-postadress: ny@lysekil.se; Roll: Anmälare; Organisation: –",
    );
    expect(describeAdminChange({ somethingNew: "x" }, sv)).toBe("somethingNew: x");
  });
});
