/**
 * Remix matches every request's path twice (its own route lookup, then its static handler's),
 * and @remix-run/router flattened, ranked and compiled the whole route table to regular
 * expressions each time: 0.4 ms of the server's thread a request. The patch in patches/
 * (applied by `npm install`) keeps the ranked table and the compiled paths; these tests hold
 * it to the router's own rules, including routes added to a router after it was first used.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { createMemoryHistory, createRouter, matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

const routes: AgnosticRouteObject[] = [
  {
    id: "root",
    path: "/",
    children: [
      { id: "home", index: true },
      {
        id: "cases",
        path: "arenden",
        children: [
          { id: "inbox", index: true },
          { id: "new-case", path: "ny" },
          { id: "case", path: ":caseId" },
          { id: "letter", path: ":caseId/brev/:letterId" },
        ],
      },
      { id: "intake", path: "anmalan" },
      { id: "receipt", path: "anmalan/kvittens/:reportId" },
      { id: "not-found", path: "*" },
    ],
  },
];

const leaf = (list: AgnosticRouteObject[], path: string) => {
  const matches = matchRoutes(list, path);
  return matches ? { id: matches.at(-1)!.route.id, params: matches.at(-1)!.params } : null;
};

describe("route matching (the router patched to keep its ranked routes and compiled paths)", () => {
  it("the route-matching patch is applied to the installed router", () => {
    const file = createRequire(import.meta.url).resolve("@remix-run/router");
    expect(readFileSync(file, "utf8")).toContain("Patched (Värna, patches/)");
  });

  it("matches each path to its route, a fixed segment before a parameter, however often it is asked", () => {
    for (let round = 0; round < 3; round++) {
      expect(leaf(routes, "/")).toEqual({ id: "home", params: {} });
      expect(leaf(routes, "/arenden")).toEqual({ id: "inbox", params: {} });
      expect(leaf(routes, "/arenden/ny")).toEqual({ id: "new-case", params: {} });
      expect(leaf(routes, "/arenden/abc-123")).toEqual({ id: "case", params: { caseId: "abc-123" } });
      expect(leaf(routes, "/arenden/abc/brev/7")).toEqual({ id: "letter", params: { caseId: "abc", letterId: "7" } });
      expect(leaf(routes, "/ARENDEN/Abc")).toEqual({ id: "case", params: { caseId: "Abc" } }); // paths are case-insensitive
      expect(leaf(routes, "/anmalan/kvittens/r1")).toEqual({ id: "receipt", params: { reportId: "r1" } });
      expect(leaf(routes, "/finns/inte")).toEqual({ id: "not-found", params: { "*": "finns/inte" } });
    }
  });

  it("keeps two route tables apart", () => {
    const other: AgnosticRouteObject[] = [{ id: "other-case", path: "/arenden/:id" }];
    expect(leaf(other, "/arenden/ny")).toEqual({ id: "other-case", params: { id: "ny" } });
    expect(leaf(routes, "/arenden/ny")).toEqual({ id: "new-case", params: {} });
  });

  it("matches a route added to a router after the table was first matched", () => {
    const router = createRouter({ routes: [{ id: "top", path: "/", children: [{ id: "start", index: true }] }], history: createMemoryHistory() });
    const table = router.routes; // the nested route objects the router patches in place
    expect(leaf(table, "/sen")).toBeNull();
    router.patchRoutes("top", [{ id: "late", path: "sen" }]);
    expect(leaf(table, "/sen")).toEqual({ id: "late", params: {} });
    expect(leaf(router.routes, "/sen")).toEqual({ id: "late", params: {} });
    router.dispose();
  });
});
