/** The roles of domain.md. Shared by server and UI (no server code here). */
export const roles = ["reporter", "caseworker", "teamLead", "auditor", "admin"] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** Who may use which staff page; the single source for route guards and the menu. */
export const pageAccess = {
  cases: ["caseworker", "teamLead"],
  myReports: ["reporter"],
  audit: ["auditor"],
  admin: ["admin"],
  desk: ["caseworker", "teamLead"],
  statistics: ["teamLead", "auditor"],
} as const satisfies Record<string, readonly Role[]>;

/**
 * Where each role starts after signing in (contracts.md): caseworkers and team leads on
 * their desk, auditors on /granskning, admins on /admin, reporters on their reports.
 */
export const landingPages = {
  caseworker: "/skrivbord",
  teamLead: "/skrivbord",
  auditor: "/granskning",
  admin: "/admin",
  reporter: "/mina-anmalningar",
} as const satisfies Record<Role, string>;

export function landingPage(role: Role): string {
  return landingPages[role];
}
