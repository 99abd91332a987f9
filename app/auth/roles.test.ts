import { describe, expect, it } from "vitest";

import { landingPage, pageAccess, roles } from "./roles";

describe("landing pages by role", () => {
  it("sends each role to its own page (contracts.md)", () => {
    expect(Object.fromEntries(roles.map((r) => [r, landingPage(r)]))).toEqual({
      reporter: "/mina-anmalningar",
      caseworker: "/skrivbord",
      teamLead: "/skrivbord",
      auditor: "/granskning",
      admin: "/admin",
    });
  });

  it("lands no role on a page it may not use", () => {
    const pageOf: Record<string, readonly string[]> = {
      "/mina-anmalningar": pageAccess.myReports,
      "/granskning": pageAccess.audit,
      "/admin": pageAccess.admin,
      "/skrivbord": pageAccess.cases,
    };
    for (const role of roles) expect(pageOf[landingPage(role)], role).toContain(role);
  });
});
