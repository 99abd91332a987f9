import { describe, expect, it } from "vitest";

import { safeRedirect } from "./login-schema";

describe("safeRedirect: only same-site paths", () => {
  it.each([
    "/\t/127.0.0.1:3899/phish",
    "/%09/127.0.0.1:3899/phish".replace("%09", "\t"),
    "/\t/evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "//evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    " //evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/\u0000/evil.example",
  ])("refuses %j", (to) => {
    expect(safeRedirect(to, "/start")).toBe("/start");
  });

  it.each([
    ["/arenden", "/arenden"],
    ["/arenden?q=VRN-2026-00001", "/arenden?q=VRN-2026-00001"],
    ["/mina-anmalningar#senaste", "/mina-anmalningar#senaste"],
    ["/arenden/../anmalan", "/anmalan"],
  ])("keeps %j", (to, expected) => {
    expect(safeRedirect(to, "/start")).toBe(expected);
  });

  it("refuses what is not a string", () => {
    expect(safeRedirect(null, "/start")).toBe("/start");
    expect(safeRedirect(["/a"], "/start")).toBe("/start");
  });
});
