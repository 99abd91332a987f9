import { Form, Link } from "@remix-run/react";

import { translateMessage } from "../cases/command-schemas";
import { DeadlineBadge, statusOn } from "../cases/deadline-badge";
import { warningText } from "../cases/facts-view";
import { formatDate, useLocale, useT } from "../i18n";
import type { Desk, DeskCount, UnassignedCase, WaitingProposal, WaitingReporter } from "./desk.server";

/** Each count is a link into the inbox filtered to exactly those cases. */
export function DeskCounts({ counts, scope }: { counts: DeskCount[]; scope: Desk["scope"] }) {
  const t = useT();
  return (
    <section aria-labelledby="desk-counts">
      <h2 id="desk-counts" className="visually-hidden">
        {t("desk.counts")}
      </h2>
      <ul className="desk-counts">
        {counts.map(({ item, count, href }) => (
          <li key={item} className={count > 0 ? "has-work" : undefined}>
            <Link to={href} data-testid={`desk-${item}`}>
              <span className="count">{count}</span>
              <span className="what">{t(item === "approval" ? `desk.item.approval.${scope}` : `desk.item.${item}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function waited(t: ReturnType<typeof useT>, days: number) {
  if (days <= 0) return t("desk.proposals.waited.zero");
  return days === 1 ? t("desk.proposals.waited.one") : t("desk.proposals.waited", { days });
}

type DeskError = { caseId: string | null; message: string; form: "assign" | "decide" | "return" } | null;

/** "Godkänn" and "Lämna tillbaka" for one proposal: plain forms posting to the desk, no script needed. */
function AnswerForms({ p, error }: { p: WaitingProposal; error: DeskError }) {
  const t = useT();
  const locale = useLocale();
  const mine = error?.caseId === p.id ? error : null;
  const errorId = `answer-${p.id}-error`;
  const commentId = `return-${p.id}`;
  const returnError = mine?.form === "return" ? mine : null;
  return (
    <div className="answer-forms">
      {p.canApprove ? (
        <Form method="post" className="approve-form">
          <input type="hidden" name="intent" value="DECISION_APPROVED" />
          <input type="hidden" name="caseId" value={p.id} />
          <input type="hidden" name="version" value={p.version} />
          <button type="submit" className="primary" aria-describedby={mine?.form === "decide" ? errorId : undefined}>
            {t("desk.proposals.approve")}
            <span className="visually-hidden"> {t("desk.proposals.for", { reference: p.referenceNumber })}</span>
          </button>
        </Form>
      ) : null}
      {p.canReturn ? (
        <details className="return-form" open={returnError ? true : undefined}>
          <summary>
            {t("desk.proposals.return")}
            <span className="visually-hidden"> {t("desk.proposals.for", { reference: p.referenceNumber })}</span>
          </summary>
          <Form method="post">
            <input type="hidden" name="intent" value="DECISION_RETURNED" />
            <input type="hidden" name="caseId" value={p.id} />
            <input type="hidden" name="version" value={p.version} />
            <label htmlFor={commentId}>{t("cases.field.comment")}</label>
            <textarea
              id={commentId}
              name="comment"
              rows={3}
              aria-invalid={returnError ? true : undefined}
              aria-describedby={returnError ? errorId : undefined}
            />
            <button type="submit" className="secondary">
              {t("desk.proposals.returnSubmit")}
            </button>
          </Form>
        </details>
      ) : null}
      <Link to={`/arenden/${p.id}`} aria-label={`${t("desk.proposals.open")}: ${p.referenceNumber}`}>
        {t("desk.proposals.open")}
      </Link>
      {mine ? (
        <p id={errorId} className="field-error">
          {translateMessage(locale, mine.message)}
        </p>
      ) : null}
    </div>
  );
}

export function WaitingProposals({ proposals, error }: { proposals: WaitingProposal[]; error: DeskError }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="desk-section" aria-labelledby="desk-proposals">
      <h2 id="desk-proposals">{t("desk.proposals.title")}</h2>
      {proposals.length === 0 ? (
        <p>{t("desk.proposals.none")}</p>
      ) : (
        <ul className="desk-list proposals">
          {proposals.map((p) => (
            <li key={p.id}>
              <div>
                <strong>{p.referenceNumber}</strong> · {p.childName}{" "}
                <span className={`badge ${p.waitedDays >= 3 ? "overdue" : p.waitedDays >= 1 ? "today" : "ok"}`}>
                  {waited(t, p.waitedDays)}
                </span>
                <span className="sub">
                  {p.outcome ? <strong>{t(`cases.outcome.${p.outcome}`)}</strong> : null} ·{" "}
                  {t("desk.proposals.by", { name: p.proposerName, date: formatDate(locale, p.proposedAt) })}
                </span>
                {p.reasoning ? <q className="reasoning">{p.reasoning}</q> : null}
                {p.letterWarnings.map((w) => (
                  <p key={w.key} className="letter-warning">
                    {warningText(t, w)}
                  </p>
                ))}
              </div>
              <AnswerForms p={p} error={error} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AssignForm({ row, caseworkers, error }: { row: UnassignedCase; caseworkers: Desk["caseworkers"]; error: string | null }) {
  const t = useT();
  const selectId = `assign-${row.id}`;
  const errorId = `${selectId}-error`;
  return (
    <Form method="post" className="assign-form">
      <input type="hidden" name="caseId" value={row.id} />
      <input type="hidden" name="version" value={row.version} />
      <label htmlFor={selectId} className="visually-hidden">
        {t("desk.assign.label", { reference: row.referenceNumber })}
      </label>
      <select
        id={selectId}
        name="assignee"
        defaultValue=""
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        <option value="">{t("desk.assign.choose")}</option>
        {caseworkers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary">
        {t("desk.assign.submit")}
      </button>
      {error ? (
        <p id={errorId} className="field-error">
          {t(error)}
        </p>
      ) : null}
    </Form>
  );
}

export function UnassignedList({
  desk,
  moreHref,
  error,
}: {
  desk: Desk;
  moreHref: string;
  error: DeskError;
}) {
  const t = useT();
  const locale = useLocale();
  const total = desk.counts.find((c) => c.item === "unassigned")?.count ?? 0;
  return (
    <section className="desk-section" aria-labelledby="desk-unassigned">
      <h2 id="desk-unassigned">{t("desk.unassigned.title")}</h2>
      {desk.unassigned.length === 0 ? (
        <p>{t("desk.unassigned.none")}</p>
      ) : (
        <ul className="desk-list">
          {desk.unassigned.map((row) => (
            <li key={row.id}>
              <div>
                <Link to={`/arenden/${row.id}`}>{row.referenceNumber}</Link> · {row.childName}
                <span className="sub">
                  {t(`state.${row.state}`)}
                  {row.nextDeadline && row.nextDeadlineKind ? (
                    <>
                      {" · "}
                      {t(`deadline.kind.${row.nextDeadlineKind}`)} {formatDate(locale, row.nextDeadline)}{" "}
                      <DeadlineBadge t={t} status={statusOn(row.nextDeadline, desk.today)} />
                    </>
                  ) : null}
                  {row.violence ? <span className="badge flag">{t("cases.flag.violence")}</span> : null}
                  {row.urgent ? <span className="badge flag">{t("cases.flag.urgent")}</span> : null}
                </span>
              </div>
              <AssignForm row={row} caseworkers={desk.caseworkers} error={error?.caseId === row.id ? error.message : null} />
            </li>
          ))}
        </ul>
      )}
      {total > desk.unassigned.length ? (
        <p>
          <Link to={moreHref}>{t("desk.unassigned.more")}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** Each mandated reporter still without feedback after a decision, with why it is withheld. */
export function WaitingReporters({ reporters }: { reporters: WaitingReporter[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="desk-section" aria-labelledby="desk-feedback">
      <h2 id="desk-feedback">{t("desk.feedback.title")}</h2>
      {reporters.length === 0 ? (
        <p>{t("desk.feedback.none")}</p>
      ) : (
        <ul className="desk-list" data-testid="desk-feedback-list">
          {reporters.map((r) => (
            <li key={r.reportId}>
              <div>
                <strong>{r.referenceNumber}</strong> · {r.childName}
                <span className="sub">
                  {[r.reporterName, r.reporterOrganisation].filter(Boolean).join(", ")} ·{" "}
                  {t("desk.feedback.decided", { date: formatDate(locale, r.decidedAt) })}
                </span>
                <span className="sub pre-wrap">
                  {r.reason ? t("desk.feedback.withheld", { reason: r.reason }) : t("desk.feedback.noReason")}
                </span>
              </div>
              <Link to={`/arenden/${r.caseId}`} aria-label={`${t("desk.feedback.open")}: ${r.referenceNumber}`}>
                {t("desk.feedback.open")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
