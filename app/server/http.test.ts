/**
 * The real server (server.ts on a fresh embedded database with the demo), probed from
 * outside as a browser, an attacker and another site would: who may use which page and
 * action, cross-site posts, redirects, receipts, bodies and headers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { landingPage, pageAccess, roles, type Role } from "~/auth/roles";
import { demoAccounts, DEMO_PASSWORD } from "~/demo/accounts";
import { validIntakeFields } from "~/intake/fixtures";
import { extractText } from "~/letters/pdf-text";

import { client, startServer, type Client, type ServerProcess } from "../../test/server-process";
import { BODY_LIMIT } from "./body.server";

let server: ServerProcess;
let http: Client;
const cookies = new Map<Role, string>();
const ids = { caseId: "", caseLetterId: "", reporterLetterId: "" };

const emailOf = (role: Role) => demoAccounts.find((a) => a.role === role)!.email;
const data = (route: string) => `_data=${encodeURIComponent(route)}`;

async function caseData(caseId: string) {
  const res = await http.get(`/arenden/${caseId}?${data("routes/arenden.$caseId")}`, { cookie: cookies.get("caseworker") });
  return (await res.json()) as { case: { version: number }; events: { type: string }[]; letters: { id: string }[] };
}

beforeAll(async () => {
  server = await startServer();
  http = client(server.url);
  // Each role signs in from an address of its own (the sign-in limit is per address).
  for (const [i, role] of (["reporter", "caseworker", "teamLead", "auditor", "admin"] as const).entries()) {
    cookies.set(role, await http.signIn(emailOf(role), DEMO_PASSWORD, { ip: `10.20.0.${i + 1}` }));
  }
  const inbox = await http.get(`/arenden?${data("routes/arenden._index")}`, { cookie: cookies.get("caseworker") });
  ids.caseId = ((await inbox.json()) as { rows: { id: string }[] }).rows[0]!.id;
  ids.caseLetterId = (await caseData(ids.caseId)).letters[0]!.id;
  const mine = await http.get(`/mina-anmalningar?${data("routes/mina-anmalningar._index")}`, { cookie: cookies.get("reporter") });
  ids.reporterLetterId = ((await mine.json()) as { reports: { receiptLetterId: string }[] }).reports[0]!.receiptLetterId;
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

/**
 * Who may use what. One row per page or action — add yours here: `allowed` is the roles
 * (from pageAccess) that get it; everyone else gets 403, and the anonymous a redirect to
 * sign-in.
 */
type Who = "anonymous" | Role;
type Row = {
  method: "GET" | "POST";
  path: () => string;
  allowed: readonly Role[] | "anyone";
  /** for POST rows: the form, built just before it is sent */
  form?: () => Promise<Record<string, string>>;
};
const noteForm = async () => ({
  intent: "NOTE_ADDED",
  version: String((await caseData(ids.caseId)).case.version),
  text: "Anteckning från behörighetstestet.",
});
const matrix: Row[] = [
  { method: "GET", path: () => "/", allowed: "anyone" },
  { method: "GET", path: () => "/anmalan", allowed: "anyone" },
  { method: "GET", path: () => "/healthz", allowed: "anyone" },
  { method: "GET", path: () => "/arenden", allowed: pageAccess.cases },
  { method: "GET", path: () => `/arenden/${ids.caseId}`, allowed: pageAccess.cases },
  { method: "GET", path: () => `/arenden/${ids.caseId}/brev/${ids.caseLetterId}`, allowed: pageAccess.cases },
  { method: "POST", path: () => `/arenden/${ids.caseId}`, allowed: pageAccess.cases, form: noteForm },
  { method: "GET", path: () => "/mina-anmalningar", allowed: pageAccess.myReports },
  { method: "GET", path: () => `/mina-anmalningar/brev/${ids.reporterLetterId}`, allowed: pageAccess.myReports },
  { method: "GET", path: () => "/skrivbord", allowed: pageAccess.desk },
  { method: "GET", path: () => "/granskning", allowed: pageAccess.audit },
  { method: "GET", path: () => `/granskning/arenden/${ids.caseId}`, allowed: pageAccess.audit },
  { method: "GET", path: () => `/granskning/arenden/${ids.caseId}/brev/${ids.caseLetterId}`, allowed: pageAccess.audit },
  { method: "GET", path: () => "/granskning/loggkontroll", allowed: pageAccess.audit },
  { method: "GET", path: () => "/granskning/anvandare", allowed: pageAccess.audit },
  { method: "GET", path: () => "/granskning/export", allowed: pageAccess.audit },
  { method: "GET", path: () => "/admin", allowed: pageAccess.admin },
  { method: "GET", path: () => "/admin/enheter", allowed: pageAccess.admin },
  { method: "GET", path: () => "/admin/logg", allowed: pageAccess.admin },
  { method: "GET", path: () => "/statistik", allowed: pageAccess.statistics },
  { method: "GET", path: () => "/statistik.csv", allowed: pageAccess.statistics },
  { method: "GET", path: () => "/tillganglighet", allowed: "anyone" },
  { method: "GET", path: () => "/konto", allowed: roles },
  { method: "GET", path: () => `/granskning/arenden/${ids.caseId}/historik.pdf`, allowed: pageAccess.audit },
  { method: "GET", path: () => `/granskning/arenden/${ids.caseId}/historik.json`, allowed: pageAccess.audit },
  { method: "GET", path: () => `/granskning/arenden/${ids.caseId}/historik.csv`, allowed: pageAccess.audit },
  { method: "GET", path: () => "/granskning/export.jsonl?from=2000-01-01&to=2099-12-31", allowed: pageAccess.audit },
  { method: "GET", path: () => "/granskning/export.csv?from=2000-01-01&to=2099-12-31", allowed: pageAccess.audit },
];
const everyone: Who[] = ["anonymous", "reporter", "caseworker", "teamLead", "auditor", "admin"];

describe("roles × pages and actions", () => {
  for (const row of matrix) {
    for (const who of everyone) {
      const allowed = row.allowed === "anyone" || (who !== "anonymous" && row.allowed.includes(who));
      const name = `${who} ${row.method} ${row.path.toString().replace(/^\(\) => /, "")}: ${allowed ? "allowed" : "refused"}`;
      it(name, async () => {
        const cookie = who === "anonymous" ? undefined : cookies.get(who);
        const before = row.method === "POST" ? (await caseData(ids.caseId)).case.version : 0;
        const res =
          row.method === "GET"
            ? await http.get(row.path(), { cookie })
            : await http.post(row.path(), await row.form!(), { cookie });
        const after = row.method === "POST" ? (await caseData(ids.caseId)).case.version : 0;
        if (allowed) {
          expect(res.status).toBe(row.method === "GET" ? 200 : 302);
          if (row.method === "POST") {
            // The note lands last; the first caseworker to act on an unassigned case also takes it (ASSIGNED).
            const { events } = await caseData(ids.caseId);
            expect(events.at(-1)?.type).toBe("NOTE_ADDED");
            expect(after - before).toBeGreaterThanOrEqual(1);
          }
        } else {
          if (who === "anonymous") {
            expect(res.status).toBe(302);
            expect(res.headers.get("location")).toMatch(/^\/logga-in\?redirectTo=/);
          } else {
            expect(res.status).toBe(403);
          }
          // Nothing changed.
          expect(after).toBe(before);
        }
        // Pages with a session or personal data are never cached.
        expect(res.headers.get("cache-control")).toMatch(/no-store/);
      });
    }
  }
});

describe("cross-site requests and redirects", () => {
  it("refuses a sign-in posted from another site, with and without ?_data (login CSRF)", async () => {
    for (const query of ["", `?${data("routes/logga-in")}`]) {
      for (const origin of ["http://evil.example", "null", null]) {
        const res = await http.post(`/logga-in${query}`, { email: emailOf("caseworker"), password: DEMO_PASSWORD }, { origin, ip: "10.30.0.1" });
        expect(res.status, `${query} ${origin}`).toBe(403);
        expect(res.headers.getSetCookie()).toEqual([]);
        expect(await res.text()).toContain("Begäran stoppades");
      }
    }
  });

  it("refuses a cross-site action on a case and changes nothing", async () => {
    const before = (await caseData(ids.caseId)).case.version;
    for (const query of ["", `?${data("routes/arenden.$caseId")}`]) {
      const res = await http.post(`/arenden/${ids.caseId}${query}`, await noteForm(), {
        cookie: cookies.get("caseworker"),
        origin: "https://evil.example",
      });
      expect(res.status).toBe(403);
    }
    expect((await caseData(ids.caseId)).case.version).toBe(before);
  });

  it("never redirects to another host after signing in or switching language", async () => {
    const payloads = ["/\t/127.0.0.1:3899/phish", "/\\evil.example", "//evil.example", "/\t/evil.example", "https://evil.example"];
    for (const redirectTo of payloads) {
      const login = await http.post("/logga-in", { email: emailOf("caseworker"), password: DEMO_PASSWORD, redirectTo }, { ip: "10.31.0.1" });
      expect(login.status).toBe(302);
      expect(login.headers.get("location")).toBe(landingPage("caseworker"));
      const lang = await http.post("/sprak", { lang: "en", redirectTo });
      expect(lang.status).toBe(302);
      expect(lang.headers.get("location")).toBe("/");
    }
    const same = await http.post("/sprak", { lang: "sv", redirectTo: "/anmalan?x=1" });
    expect(same.headers.get("location")).toBe("/anmalan?x=1");
  });
});

describe("guessing passwords", () => {
  it("a sign-in refused for too many tries says when to try again (Retry-After)", async () => {
    const email = "gissad@test.varna.se";
    let res: Response | undefined;
    for (let i = 0; i < 12; i++) {
      res = await http.post("/logga-in", { email, password: `fel-${i}` }, { ip: "10.80.0.1" });
      if (res.status === 429) break;
    }
    expect(res?.status).toBe(429);
    expect(Number(res?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res?.text()).toContain("För många misslyckade försök");
  });
});

describe("the public form is no oracle", () => {
  async function submit(childName: string, personalNumber: string) {
    const res = await http.post("/anmalan", validIntakeFields({ childName, childPersonalNumber: personalNumber }), { ip: "10.40.0.1" });
    expect(res.status).toBe(302);
    const receiptPath = res.headers.get("location")!;
    const page = await (await http.get(receiptPath)).text();
    const pdf = extractText(Buffer.from(await (await http.get(`${receiptPath}/pdf`)).arrayBuffer()));
    const number = /data-testid="report-number">([^<]+)</.exec(page)![1]!;
    return { page: page.replaceAll(number, "N").replace(/\d{1,2} \w+ \d{4}[^<]*/g, "D").replace(/[0-9a-f-]{36}/g, "ID").replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, "T").replace(/nonce="[^"]+"/g, ""), pdf: pdf.replaceAll(number, "N").replace(/\d{1,2} \p{L}+ \d{4}( kl\. \d\d:\d\d)?/gu, "D"), number };
  }

  it("two reports on one child and one on an unknown child get receipts that differ only in their own number", async () => {
    const first = await submit("Kalle Känd", "20110506-2382");
    const second = await submit("Kalle Känd", "20110506-2382");
    const unknown = await submit("Olle Okänd", "20120202-2388");
    expect(first.number).toMatch(/^ANM-\d{4}-\d{6}$/);
    expect(new Set([first.number, second.number, unknown.number]).size).toBe(3);
    expect(second.page).toBe(unknown.page);
    expect(second.page).not.toMatch(/VRN-/);
    expect(second.pdf).toContain("Anmälningsnummer");
    expect(second.pdf).not.toMatch(/VRN-/);
    expect(second.pdf).toBe(unknown.pdf);
  });
});

describe("bodies and content types", () => {
  const raw = (path: string, init: RequestInit) =>
    fetch(server.url + path, { redirect: "manual", ...init, headers: { Origin: server.url, ...(init.headers as Record<string, string>) } });

  it("answers a body over the limit with 413, another content type with 415, a broken one with 400", async () => {
    const big = await raw("/anmalan", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `concernWhat=${"x".repeat(BODY_LIMIT + 1)}`,
    });
    expect(big.status).toBe(413);
    const bigPage = await big.text();
    expect(bigPage).toContain("För mycket på en gång");
    // The server's own pages link the accessibility statement, as every page does.
    expect(bigPage).toContain('<a href="/tillganglighet">Tillgänglighet</a>');
    const json = await raw("/anmalan", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(json.status).toBe(415);
    expect(await json.text()).toContain('<a href="/tillganglighet">Tillgänglighet</a>');
    const broken = await raw("/logga-in", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=abc" },
      body: "--abc\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nx",
    });
    expect(broken.status).toBe(400);
    for (const res of [big, json, broken]) expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("a 10 MB file part is refused quickly and the server stays well", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(10 * 1024 * 1024)]), "stor.bin");
    const res = await raw("/anmalan", { method: "POST", body: form });
    expect(res.status).toBe(413);
    expect((await http.get("/healthz")).status).toBe(200);
  });
});

describe("response headers", () => {
  it("a Content-Security-Policy with a fresh nonce per response that the page's scripts carry", async () => {
    const a = await http.get("/anmalan");
    const b = await http.get("/anmalan");
    const nonce = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce(a)).toBeTruthy();
    expect(nonce(a)).not.toBe(nonce(b));
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    const html = await a.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce(a)}"`);
    expect(a.headers.get("x-frame-options")).toBe("DENY");
  });

  it("public files are cached for an hour, built assets for a year, pages never", async () => {
    for (const file of ["/robots.txt", "/favicon.svg", "/favicon.ico"]) {
      const res = await http.get(file);
      expect(res.status, file).toBe(200);
      expect(res.headers.get("cache-control"), file).toBe("public, max-age=3600");
    }
    const page = await http.get("/anmalan");
    expect(page.headers.get("cache-control")).toBe("no-store");
    const script = /"(\/build\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(script).toBeTruthy();
    const asset = await http.get(script!);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    // A path that names no file in public/ is the app's, with its own answer.
    expect((await http.get("/finns-inte.txt")).status).toBe(404);
    expect((await http.get("/finns-inte.txt")).headers.get("cache-control")).toBe("no-store");
  });

  it("no HSTS and no Secure cookie outside production", async () => {
    const res = await http.post("/logga-in", { email: emailOf("reporter"), password: DEMO_PASSWORD }, { ip: "10.50.0.1", headers: { "X-Forwarded-Proto": "https" } });
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect(res.headers.getSetCookie().join()).not.toMatch(/Secure/);
  });

  it("the access log names routes, never concrete URLs or query strings", () => {
    const log = server.output();
    expect(log).toContain('"route":"/anmalan/kvittens/:reportId"');
    expect(log).toContain('"route":"/arenden/:caseId"');
    expect(log).not.toContain(ids.caseId);
    expect(log).not.toMatch(/\/anmalan\/kvittens\/[0-9a-f]{8}-/);
    expect(log).not.toContain("_data=");
    expect(log).not.toContain("Kalle Känd");
  });
});
