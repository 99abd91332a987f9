/** Shared by the match panel (browser) and its action (server). */
export const MATCH_COMMENT_MAX = 2000;
export const MATCH_INTENTS = ["matchConfirm", "matchReject"] as const;
export type MatchIntent = (typeof MATCH_INTENTS)[number];
export function isMatchIntent(value: unknown): value is MatchIntent {
  return typeof value === "string" && (MATCH_INTENTS as readonly string[]).includes(value);
}
/** What an answer did, for the page's confirmation: a confirm merges (open case) or links (closed case). */
export const MATCH_DONE = ["matchConfirm", "matchLinked", "matchReject"] as const;
export type MatchDoneKind = (typeof MATCH_DONE)[number];
export function isMatchDone(value: unknown): value is MatchDoneKind {
  return typeof value === "string" && (MATCH_DONE as readonly string[]).includes(value);
}
