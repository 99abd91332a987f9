/** The roles of domain.md. Shared by server and UI (no server code here). */
export const roles = ["reporter", "caseworker", "teamLead", "auditor", "admin"] as const;
export type Role = (typeof roles)[number];

/** Who may use which staff page; the single source for route guards and the menu. */
export const pageAccess = {
  cases: ["caseworker", "teamLead"],
  myReports: ["reporter"],
  audit: ["auditor"],
  desk: ["caseworker", "teamLead"],
  statistics: ["teamLead", "auditor"],
} as const satisfies Record<string, readonly Role[]>;
