import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import casesStyles from "~/cases/cases.css";
import { getDb } from "~/db.server";
import { formatDateTime, translate, useLocale, useT, type Locale } from "~/i18n";
import { loadLogReviewPage, performLogReviewAction } from "~/oversight/log-review-page.server";
import oversightStyles from "~/oversight/oversight.css";
import { OversightNav } from "~/oversight/views";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: casesStyles },
  { rel: "stylesheet", href: oversightStyles },
];

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: translate(locale, "review.metaTitle") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.audit);
  const data = await loadLogReviewPage(db, user, new URL(request.url));
  if (!data) throw new Response("Forbidden", { status: 403 });
  return json(data, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.audit);
  const form = await request.formData().catch(() => null);
  if (!form) throw new Response("Bad request", { status: 400 });
  const outcome = await performLogReviewAction(db, user, form);
  if (outcome.ok) {
    const { from, to } = outcome.period;
    return redirect(`/granskning/loggkontroll?from=${from}&to=${to}&ok=${outcome.intent}`);
  }
  return json(outcome.data, { status: outcome.status });
}

export default function LogReviewPage() {
  const t = useT();
  const locale = useLocale();
  const { review, periodError } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("ok");
  const { period, flagged, signoff } = review;
  const periodFields = (
    <>
      <input type="hidden" name="from" value={period.from} />
      <input type="hidden" name="to" value={period.to} />
    </>
  );
  return (
    <>
      <h1>{t("review.title")}</h1>
      <OversightNav />
      <p>{t("review.lead")}</p>
      <Form method="get" className="period-form" aria-label={t("audit.period.label")}>
        <div className="field">
          <label htmlFor="review-from">{t("audit.period.from")}</label>
          <input id="review-from" type="date" name="from" defaultValue={period.from} required />
        </div>
        <div className="field">
          <label htmlFor="review-to">{t("audit.period.to")}</label>
          <input id="review-to" type="date" name="to" defaultValue={period.to} required />
        </div>
        <button type="submit">{t("audit.period.show")}</button>
      </Form>
      {periodError ? (
        <p className="alert" role="alert">
          {t(periodError)}
        </p>
      ) : null}
      {done && !actionData ? (
        <div className="success" role="status">
          <p>{t(`review.done.${done === "signoff" || done === "reviewReader" ? done : "review"}`)}</p>
        </div>
      ) : null}
      {actionData?.message && actionData.intent !== "review" ? (
        <div className="alert" role="alert">
          <p>{t(actionData.message)}</p>
        </div>
      ) : null}

      <h2>{t("review.period", { from: period.from, to: period.to })}</h2>
      <p>
        {review.tooMany
          ? t("review.tooMany")
          : t("review.summary", { reads: review.readCount, flagged: review.flaggedCount, unreviewed: review.unreviewed })}
      </p>
      <p>
        <a href={`/granskning/loggkontroll/rapport.csv?from=${period.from}&to=${period.to}`} download>
          {t("review.exportCsv")}
        </a>
      </p>

      {flagged.length === 0 ? null : (
        <div className="table-scroll">
          <table className="review-table card-table">
            <caption className="visually-hidden">{t("review.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("review.col.at")}</th>
                <th scope="col">{t("review.col.reader")}</th>
                <th scope="col">{t("review.col.case")}</th>
                <th scope="col">{t("review.col.why")}</th>
                <th scope="col">{t("review.col.review")}</th>
              </tr>
            </thead>
            <tbody>
              {flagged.map((f) => {
                const err = actionData?.intent === "review" && actionData.accessId === f.id ? actionData : null;
                const commentId = `comment-${f.id}`;
                const errorId = `comment-${f.id}-error`;
                return (
                  <tr key={f.id} className="review-row" data-testid={`flagged-${f.id}`}>
                    <td data-label={t("review.col.at")}>
                      <time dateTime={f.at}>{formatDateTime(locale, f.at)}</time>
                    </td>
                    <td data-label={t("review.col.reader")}>
                      <a href={`/granskning/anvandare/${f.reader.id}`}>{f.reader.name}</a>
                      <br />
                      <span className="muted">
                        {f.reader.role ? t(`role.${f.reader.role}`) : ""}
                        {f.reader.unitName ? `, ${f.reader.unitName}` : ""}
                      </span>
                    </td>
                    <td data-label={t("review.col.case")}>
                      <a href={`/granskning/arenden/${f.case.id}`}>{f.case.referenceNumber}</a>
                      <br />
                      <span className="muted">{t(`access.action.${f.action}`)}</span>
                    </td>
                    <td data-label={t("review.col.why")}>
                      <ul className="kinds">
                        {f.kinds.map((k) => (
                          <li key={k}>{t(`review.kind.${k}`)}</li>
                        ))}
                      </ul>
                    </td>
                    <td data-label={t("review.col.review")}>
                      {f.review ? (
                        <p>
                          <strong>{t("review.reviewedBy", { name: f.review.reviewerName, at: formatDateTime(locale, f.review.at) })}</strong>
                          <br />
                          <span className="pre-wrap">{f.review.comment}</span>
                        </p>
                      ) : signoff ? null : (
                        <Form method="post" aria-label={t("review.formLabel", { reference: f.case.referenceNumber, reader: f.reader.name })}>
                          <input type="hidden" name="intent" value="review" />
                          <input type="hidden" name="accessId" value={f.id} />
                          {periodFields}
                          <div className="field">
                            <label htmlFor={commentId}>{t("review.comment")}</label>
                            <textarea
                              id={commentId}
                              name="comment"
                              rows={2}
                              maxLength={2000}
                              aria-invalid={err?.fieldErrors.comment ? true : undefined}
                              aria-describedby={err ? errorId : undefined}
                            />
                            {err ? (
                              <p className="field-error" id={errorId} role="alert">
                                {t(err.fieldErrors.comment ?? err.message ?? "review.fixErrors")}
                              </p>
                            ) : null}
                          </div>
                          <button type="submit">{t("review.mark")}</button>
                        </Form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {flagged.length < review.flaggedCount ? <p className="info">{t("review.shownOf", { shown: flagged.length, count: review.flaggedCount })}</p> : null}

      {review.readersToReview.length > 0 && !signoff ? (
        <section className="case-section" aria-labelledby="bulk-title">
          <h2 id="bulk-title">{t("review.bulkTitle")}</h2>
          <p>{t("review.bulkLead")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="reviewReader" />
            {periodFields}
            <div className="field">
              <label htmlFor="bulk-reader">{t("review.bulkReader")}</label>
              <select
                id="bulk-reader"
                name="readerId"
                defaultValue=""
                aria-describedby={actionData?.intent === "reviewReader" && actionData.fieldErrors.readerId ? "bulk-reader-error" : undefined}
              >
                <option value="">{t("review.bulkChoose")}</option>
                {review.readersToReview.map((r) => (
                  <option key={r.id} value={r.id}>
                    {t("review.bulkOption", { name: r.name, count: r.count })}
                  </option>
                ))}
              </select>
              {actionData?.intent === "reviewReader" && actionData.fieldErrors.readerId ? (
                <p className="field-error" id="bulk-reader-error">
                  {t(actionData.fieldErrors.readerId)}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="bulk-comment">{t("review.comment")}</label>
              <textarea
                id="bulk-comment"
                name="comment"
                rows={2}
                maxLength={2000}
                aria-describedby={actionData?.intent === "reviewReader" && actionData.fieldErrors.comment ? "bulk-comment-error" : undefined}
              />
              {actionData?.intent === "reviewReader" && actionData.fieldErrors.comment ? (
                <p className="field-error" id="bulk-comment-error">
                  {t(actionData.fieldErrors.comment)}
                </p>
              ) : null}
            </div>
            <button type="submit">{t("review.bulkSubmit")}</button>
          </Form>
        </section>
      ) : null}

      <section className="case-section" aria-labelledby="signoff-title">
        <h2 id="signoff-title">{t("review.signoffTitle")}</h2>
        {signoff ? (
          <div className="signoff" data-testid="signoff">
            <p>
              <strong>{t("review.signedOff", { name: signoff.signedByName, at: formatDateTime(locale, signoff.signedAt) })}</strong>
            </p>
            <p>{t("review.signedOffCount", { count: signoff.flaggedCount })}</p>
            <p className="pre-wrap">{signoff.findings}</p>
          </div>
        ) : review.unreviewed > 0 || review.tooMany ? (
          <p>{t("review.signoffWait", { count: review.unreviewed })}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="signoff" />
            {periodFields}
            <div className="field">
              <label htmlFor="findings">{t("review.findings")}</label>
              <textarea
                id="findings"
                name="findings"
                rows={4}
                maxLength={10000}
                aria-invalid={actionData?.intent === "signoff" && actionData.fieldErrors.findings ? true : undefined}
                aria-describedby={actionData?.intent === "signoff" && actionData.fieldErrors.findings ? "findings-error" : undefined}
              />
              {actionData?.intent === "signoff" && actionData.fieldErrors.findings ? (
                <p className="field-error" id="findings-error">
                  {t(actionData.fieldErrors.findings)}
                </p>
              ) : null}
            </div>
            <button type="submit" className="primary">
              {t("review.signoff")}
            </button>
          </Form>
        )}
      </section>

      {review.recentSignoffs.length > 0 ? (
        <section className="case-section" aria-labelledby="signoffs-title">
          <h2 id="signoffs-title">{t("review.recentTitle")}</h2>
          <ul>
            {review.recentSignoffs.map((s) => (
              <li key={s.id}>
                <a href={`/granskning/loggkontroll?from=${s.from}&to=${s.to}`}>{t("review.period", { from: s.from, to: s.to })}</a> —{" "}
                {t("review.signedOff", { name: s.signedByName, at: formatDateTime(locale, s.signedAt) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
