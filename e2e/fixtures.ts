import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";
export const accounts = {
  caseworker: "handlaggare@demo.varna.se",
  caseworker2: "handlaggare2@demo.varna.se",
  teamLead: "arbetsledare@demo.varna.se",
  auditor: "granskare@demo.varna.se",
  school: "skola@demo.varna.se",
  teacher: "larare@demo.varna.se",
  admin: "admin@demo.varna.se",
} as const;
export type DemoRole = keyof typeof accounts;

let signIns = 0;

/**
 * Signs in without clicking through the page (one test does click through it). Each sign-in
 * comes from an address of its own (X-Forwarded-For, trusted from loopback), as users at their
 * own machines would: the whole suite from one address would meet the per-address sign-in limit.
 */
export async function signInAs(page: Page, role: DemoRole) {
  signIns++;
  // The server refuses a POST without this site's Origin (CSRF); a browser's form sends it.
  const origin = new URL(page.url() === "about:blank" ? test.info().project.use.baseURL! : page.url()).origin;
  const response = await page.request.post("/logga-in", {
    form: { email: accounts[role], password: DEMO_PASSWORD },
    headers: { Origin: origin, "X-Forwarded-For": `10.98.${Math.floor(signIns / 250)}.${(signIns % 250) + 1}` },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in as ${role}`).toBe(302);
}

/** WCAG 2.1 AA: every page the tests visit must have zero axe violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** The page itself never scrolls sideways: everything fits the window. */
export async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${page.url()}: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`).toBe(clientWidth);
}

export const test = base.extend<{ asRole: (role: DemoRole) => Promise<void> }>({
  asRole: async ({ page }, use) => {
    await use((role) => signInAs(page, role));
  },
});
export { expect };
