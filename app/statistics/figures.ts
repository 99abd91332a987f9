/** The figures' fixed keys, shared by the server query and the page (no server code here). */
export const OUTCOMES = ["noInvestigation", "support", "investigation", "alreadyInvestigated", "transfer"] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Children by how many reports about them arrived in the period: 1, 2, 3, 4 or more. */
export const REPEAT_BUCKETS = [1, 2, 3, 4] as const;
