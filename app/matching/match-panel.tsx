/**
 * The possible matches on the new case's page: the child in this report beside the child of
 * the earlier case, the basis of the match, and one form to confirm or reject with a comment.
 * Plain form posts (works without JavaScript); errors beside the comment and in the alert.
 */
import { Form, Link } from "@remix-run/react";

import { formatPersonalNumber } from "../cases/case-view";
import { formatDate, formatDateTime, useLocale, useT, type Translate } from "../i18n";
import type { MatchActionData, MatchView } from "./matches.server";
import { MATCH_COMMENT_MAX } from "./match-limits";

type Props = {
  matches: MatchView[];
  caseId: string;
  version: number;
  /** The new case is still in `received`: the only state it can be merged from (into an open case). */
  mergeable: boolean;
  open: boolean;
  actionData: MatchActionData | null;
};

function known(t: Translate, value: string | null | undefined): string {
  return value && value.trim() ? value : t("matching.unknown");
}

function Comparison({ match }: { match: MatchView }) {
  const t = useT();
  const locale = useLocale();
  const { incoming, candidate } = match;
  const date = (d: string | null) => (d ? formatDate(locale, d) : t("matching.unknown"));
  const ages = (list: number[]) => (list.length ? list.map((age) => t("matching.age", { age })).join(", ") : t("matching.unknown"));
  const rows: [string, string, React.ReactNode][] = [
    [
      "matching.row.case",
      t("matching.thisCase"),
      <>
        <Link to={`/arenden/${candidate.caseId}`}>{candidate.referenceNumber}</Link>
        <span className="sub">
          {t("matching.candidateCase", {
            state: t(`state.${candidate.state}`),
            date: formatDateTime(locale, candidate.receivedAt),
            count: candidate.reportCount,
          })}
        </span>
      </>,
    ],
    ["matching.row.name", incoming.childName, candidate.childName],
    ["matching.row.personalNumber", t("matching.unknown"), candidate.personalNumber ? formatPersonalNumber(candidate.personalNumber) : t("matching.unknown")],
    ["matching.row.birthDate", date(incoming.birthDate), date(candidate.birthDate)],
    ["matching.row.age", incoming.age === null ? t("matching.unknown") : t("matching.age", { age: incoming.age }), ages(candidate.ages)],
    ["matching.row.school", known(t, incoming.school), candidate.schools.length ? candidate.schools.join(", ") : t("matching.unknown")],
    [
      "matching.row.address",
      // Perhaps the same child: the protection of either withholds both addresses.
      incoming.protectedIdentity || candidate.protectedIdentity ? t("matching.protected") : known(t, incoming.address),
      incoming.protectedIdentity || candidate.protectedIdentity ? t("matching.protected") : known(t, candidate.address),
    ],
  ];
  return (
    <div className="table-scroll">
      <table className="match-table card-table">
        <caption>{t("matching.caption", { reference: candidate.referenceNumber })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("matching.col.fact")}</th>
            <th scope="col">{t("matching.col.incoming")}</th>
            <th scope="col">{t("matching.col.candidate", { reference: candidate.referenceNumber })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, left, right]) => (
            <tr key={key}>
              <th scope="row">{t(key)}</th>
              <td data-label={t("matching.col.incoming")}>{left}</td>
              <td data-label={t("matching.col.candidate", { reference: candidate.referenceNumber })}>{right}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AnswerForm({
  match,
  caseId,
  version,
  mergeable,
  linked,
  actionData,
}: Omit<Props, "matches" | "open"> & { match: MatchView; linked: boolean }) {
  const t = useT();
  const mine = actionData?.matchId === match.id ? actionData : null;
  const id = `match-${match.id}`;
  const error = mine?.field === "comment" ? t(mine.message) : null;
  // An open earlier case takes the report (before this case's assessment); a closed one is
  // recorded as the same child, at any time while this case is open. One child: once confirmed, no other.
  const canConfirm = !linked && (match.candidate.open ? mergeable : true);
  const reference = match.candidate.referenceNumber;
  return (
    <Form method="post" action={`/arenden/${caseId}`} className="match-form" aria-labelledby={`${id}-title`}>
      <input type="hidden" name="matchId" value={match.id} />
      <input type="hidden" name="version" value={version} />
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t("matching.comment")}</label>
        <p className="hint" id={`${id}-hint`}>
          {t("matching.comment.hint")}
        </p>
        <textarea
          id={`${id}-comment`}
          name="comment"
          required
          maxLength={MATCH_COMMENT_MAX}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </div>
      {canConfirm ? (
        <p className="hint">{t(match.candidate.open ? "matching.confirm.note" : "matching.link.note", { reference })}</p>
      ) : (
        <p className="info">{linked ? t("matching.alreadyLinked") : t("matching.tooLate")}</p>
      )}
      <div className="actions">
        {canConfirm ? (
          <button type="submit" name="intent" value="matchConfirm" className="primary">
            {t("matching.confirm")}
          </button>
        ) : null}
        <button type="submit" name="intent" value="matchReject" className="secondary">
          {t("matching.reject")}
        </button>
      </div>
    </Form>
  );
}

export function MatchPanel(props: Props) {
  const t = useT();
  const locale = useLocale();
  const pending = props.open ? props.matches.filter((m) => m.status === "pending") : [];
  const answered = props.matches.filter((m) => m.status !== "pending");
  const linked = answered.some((m) => m.status === "confirmed");
  if (pending.length === 0 && answered.length === 0) return null;
  return (
    <>
      {pending.map((match) => (
        <section key={match.id} className="match-panel" aria-labelledby={`match-${match.id}-title`}>
          <h2 id={`match-${match.id}-title`}>
            {t("matching.title")}: {match.candidate.referenceNumber}
          </h2>
          <p>{t("matching.intro")}</p>
          <p>
            <strong>{t("matching.basis", { basis: t(`matching.basis.${match.basis}`) })}</strong>
          </p>
          <Comparison match={match} />
          <AnswerForm
            match={match}
            caseId={props.caseId}
            version={props.version}
            mergeable={props.mergeable}
            linked={linked}
            actionData={props.actionData}
          />
        </section>
      ))}
      {answered.length > 0 ? (
        <section className="case-section" aria-labelledby="matches-answered-title">
          <h2 id="matches-answered-title">{t("matching.answered")}</h2>
          <ul>
            {answered.map((m) => (
              <li key={m.id}>
                <Link to={`/arenden/${m.candidate.caseId}`}>{m.candidate.referenceNumber}</Link>
                {" – "}
                {t(`matching.decided.${m.status}`, { name: m.decidedByName ?? "", at: m.decidedAt ? formatDateTime(locale, m.decidedAt) : "" })}
                {m.comment ? <span className="sub pre-wrap">{m.comment}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
