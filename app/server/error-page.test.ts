/**
 * The pages the server answers with itself (400 … 503, the 503 while the database is away)
 * are pages like any other: every page links the accessibility statement from its footer
 * (lag 2018:1937 requires it to be reachable from every page of a public-sector service).
 */
import { describe, expect, it } from "vitest";

import { errorPage, errorResponse } from "./error-page.server";

const STATUSES = [400, 403, 404, 405, 408, 413, 415, 429, 500, 503, 418, 502];

describe("the server's own error pages", () => {
  it.each(STATUSES)("%i links the accessibility statement from a footer, as every page does", (status) => {
    const html = errorPage(status);
    const footer = /<footer\b[^>]*>([\s\S]*?)<\/footer>/.exec(html);
    expect(footer, "a footer").not.toBeNull();
    expect(footer![0]).toMatch(/<footer[^>]*aria-label="Sidfot"/);
    expect(footer![1]).toContain('<a href="/tillganglighet">Tillgänglighet</a>');
    expect(footer![1]).toContain("Värna · Socialtjänsten – Barn och unga");
    // No placeholder left unfilled (the municipality's name is the database's, not read here).
    expect(html).not.toMatch(/\{\w+\}/);
    // The footer follows the page's main content, outside it.
    expect(html.indexOf("</main>")).toBeLessThan(html.indexOf("<footer"));
  });

  it("the 503 while the database is away carries it too", async () => {
    const response = errorResponse(503, { "Retry-After": "5" });
    expect(response.status).toBe(503);
    const html = await response.text();
    expect(html).toContain("Tillfälligt otillgänglig");
    expect(html).toContain('<a href="/tillganglighet">Tillgänglighet</a>');
  });

  it("a route's own page says where to go from it, in the person's language, and links only within Värna", () => {
    const html = errorPage(403, { lang: "en", title: "The letter is not handed out", text: "…", link: { href: "/arenden/abc", text: "Back to the case" } });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<a href="/arenden/abc">Back to the case</a>');
    expect(html).not.toContain("Till startsidan");
    for (const href of ["https://evil.example/", "//evil.example/", 'javascript:alert(1)']) {
      expect(errorPage(403, { title: "x", text: "y", link: { href, text: "z" } })).toContain('<a href="/">z</a>');
    }
    expect(errorPage(403, { title: "x", text: "y", link: { href: '/a"><script>', text: "z" } })).toContain('href="/a&quot;>&lt;script>"');
    expect(errorPage(404)).toContain('<a href="/">Till startsidan</a>');
  });
});
