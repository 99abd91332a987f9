/** The log review page (/granskning/loggkontroll) without HTTP: what it shows and what its forms do. */
import type { Db } from "../../db/client";
import type { SessionUser } from "../auth/session.server";
import {
  bulkReviewSchema,
  loadLogReview,
  markReaderReviewed,
  markReviewed,
  reviewSchema,
  signoffSchema,
  signOffPeriod,
  type LogReview,
} from "./log-review.server";
import { defaultPeriod, parsePeriod, type Period } from "./period";

export type LogReviewPage = { review: LogReview; periodError: string | null };

export function periodFromUrl(url: URL, now: Date): { period: Period; error: string | null } {
  const p = url.searchParams;
  if (!p.has("from") && !p.has("to")) return { period: defaultPeriod(now, 7), error: null };
  const parsed = parsePeriod(p.get("from"), p.get("to"));
  return parsed.ok ? { period: parsed.period, error: null } : { period: defaultPeriod(now, 7), error: parsed.error };
}

export async function loadLogReviewPage(db: Db, user: SessionUser, url: URL, now: Date = new Date()): Promise<LogReviewPage | null> {
  const { period, error } = periodFromUrl(url, now);
  const review = await loadLogReview(db, user, period, now);
  return review ? { review, periodError: error } : null;
}

export type LogReviewActionData = {
  intent: "review" | "reviewReader" | "signoff";
  accessId: number | null;
  fieldErrors: Record<string, string>;
  message: string | null;
};

export type LogReviewActionOutcome = { ok: true; intent: "review" | "reviewReader" | "signoff"; period: Period } | { ok: false; status: 400 | 403 | 404 | 409; data: LogReviewActionData };

const firstErrors = (issues: { path: PropertyKey[]; message: string }[]) =>
  Object.fromEntries(issues.map((i) => [String(i.path[0] ?? "form"), i.message]));

export async function performLogReviewAction(db: Db, user: SessionUser, form: FormData, now: Date = new Date()): Promise<LogReviewActionOutcome> {
  const asked = form.get("intent");
  const intent = asked === "signoff" || asked === "reviewReader" ? asked : "review";
  const parsedPeriod = parsePeriod(form.get("from"), form.get("to"));
  if (!parsedPeriod.ok) return { ok: false, status: 400, data: { intent, accessId: null, fieldErrors: {}, message: parsedPeriod.error } };
  const period = parsedPeriod.period;
  const refused = (status: 400 | 403 | 404 | 409, message: string, accessId: number | null = null, fieldErrors: Record<string, string> = {}) =>
    ({ ok: false, status, data: { intent, accessId, fieldErrors, message } }) as const;

  if (intent === "review") {
    const parsed = reviewSchema.safeParse({ accessId: form.get("accessId"), comment: form.get("comment") ?? "" });
    const accessId = Number(form.get("accessId")) || null;
    if (!parsed.success) return refused(400, "review.fixErrors", accessId, firstErrors(parsed.error.issues));
    const result = await markReviewed(db, user, parsed.data, now);
    if (!result.ok) return refused(result.error === "forbidden" ? 403 : result.error === "notFound" ? 404 : 409, `review.error.${result.error}`, accessId);
    return { ok: true, intent, period };
  }
  if (intent === "reviewReader") {
    const parsed = bulkReviewSchema.safeParse({ readerId: form.get("readerId") ?? "", comment: form.get("comment") ?? "" });
    if (!parsed.success) return refused(400, "review.fixErrors", null, firstErrors(parsed.error.issues));
    const result = await markReaderReviewed(db, user, { period, ...parsed.data }, now);
    if (!result.ok) return refused(result.error === "forbidden" ? 403 : result.error === "notFound" ? 404 : 409, `review.error.${result.error}`);
    return { ok: true, intent, period };
  }
  const parsed = signoffSchema.safeParse({ findings: form.get("findings") ?? "" });
  if (!parsed.success) return refused(400, "review.fixErrors", null, firstErrors(parsed.error.issues));
  const result = await signOffPeriod(db, user, { period, findings: parsed.data.findings }, now);
  if (!result.ok) return refused(result.error === "forbidden" ? 403 : 409, `review.error.${result.error}`);
  return { ok: true, intent, period };
}
