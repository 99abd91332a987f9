/**
 * The read-only parts of the case page. Everything a reporter or a caseworker typed is
 * rendered as text (React escapes it); nothing here sets HTML.
 */
import { Link } from "@remix-run/react";

import type { SupportMeasure } from "../../workflows/types";
import { formatDate, formatDateTime, useLocale, useT, type Translate } from "../i18n";
import type { CasePageData, ReportView } from "./case-page.server";
import { DeadlineBadge } from "./deadline-badge";
import { guardianNames, measureList, outcomeName, summarizeEvent } from "./event-summary";

export function formatPersonalNumber(pn: string): string {
  return /^\d{12}$/.test(pn) ? `${pn.slice(0, 8)}-${pn.slice(8)}` : pn;
}

/** A text someone wrote: kept as written, line breaks included. */
export function Prose({ text }: { text: string }) {
  return <p className="pre-wrap">{text}</p>;
}

export function FlagBadges({ t, flags }: { t: Translate; flags: CasePageData["flags"] }) {
  const list = (["violence", "protectedIdentity", "urgent"] as const).filter((f) => flags[f]);
  if (list.length === 0) return <>{t("cases.case.noFlags")}</>;
  return (
    <>
      {list.map((f) => (
        <span key={f} className="badge flag">
          {t(`cases.flag.${f}`)}
        </span>
      ))}{" "}
    </>
  );
}

export function ViolenceWarning() {
  const t = useT();
  return (
    <section className="warning-banner" aria-labelledby="violence-warning-title">
      <h2 id="violence-warning-title">{t("cases.case.violenceWarningTitle")}</h2>
      <p>{t("cases.case.violenceWarning")}</p>
    </section>
  );
}

export function CaseOverview({ data }: { data: CasePageData }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="case-section" aria-labelledby="overview-title">
      <h2 id="overview-title">{t("cases.case.overview")}</h2>
      <dl className="facts">
        <dt>{t("cases.case.state")}</dt>
        <dd>{t(`state.${data.case.state}`)}</dd>
        <dt>{t("cases.case.received")}</dt>
        <dd>{formatDateTime(locale, data.case.receivedAt)}</dd>
        <dt>{t("cases.case.flags")}</dt>
        <dd>
          <FlagBadges t={t} flags={data.flags} />
          {/* The child's reports on its other cases count too (a personnummer, or a confirmed match). */}
          {data.reports.length + data.childCases.reduce((n, c) => n + c.reportCount, 0) >= 2 ? (
            <span className="badge flag">{t("cases.repeatedReports")}</span>
          ) : null}
        </dd>
        <dt>{t("cases.case.assignee")}</dt>
        <dd>{data.assignee?.name ?? t("cases.unassigned")}</dd>
        {data.case.previousCase ? (
          <>
            <dt>{t("cases.case.previousCase")}</dt>
            <dd>
              <Link to={`/arenden/${data.case.previousCase.id}`}>{data.case.previousCase.referenceNumber}</Link>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

export function ChildFacts({ data }: { data: CasePageData }) {
  const t = useT();
  const locale = useLocale();
  const { child } = data;
  return (
    <section className="case-section" aria-labelledby="child-title">
      <h2 id="child-title">{t("cases.child.title")}</h2>
      <dl className="facts">
        <dt>{t("cases.child.name")}</dt>
        <dd>{child.name}</dd>
        <dt>{t("cases.child.personalNumber")}</dt>
        <dd>{child.personalNumber ? formatPersonalNumber(child.personalNumber) : t("cases.unknown")}</dd>
        <dt>{t("cases.child.birthDate")}</dt>
        <dd>{child.birthDate ? formatDate(locale, child.birthDate) : t("cases.unknown")}</dd>
        <dt>{t("cases.child.address")}</dt>
        <dd className="pre-wrap">
          {data.addressProtected ? (
            <strong>{t("cases.child.protectedAddress")}</strong>
          ) : (
            (child.address ?? t("cases.unknown"))
          )}
        </dd>
      </dl>
      {data.childCases.length > 0 ? (
        <>
          <h3 id="child-cases-title">{t("cases.child.otherCases")}</h3>
          <ul aria-labelledby="child-cases-title">
            {data.childCases.map((c) => (
              <li key={c.id}>
                <Link to={`/arenden/${c.id}`}>{c.referenceNumber}</Link>{" "}
                {t("cases.child.otherCase", {
                  state: t(`state.${c.state}`),
                  date: formatDateTime(locale, c.receivedAt),
                  count: c.reportCount,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function Deadlines({ data }: { data: CasePageData }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="case-section" aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">{t("cases.deadlines.title")}</h2>
      <div className="table-scroll">
        <table className="card-table">
          <thead>
            <tr>
              <th scope="col">{t("cases.deadlines.kind")}</th>
              <th scope="col">{t("cases.deadlines.due")}</th>
              <th scope="col">{t("cases.deadlines.status")}</th>
            </tr>
          </thead>
          <tbody>
            {data.deadlines.map((d) => (
              <tr key={d.kind}>
                <th scope="row">
                  {t(`deadline.kind.${d.kind}`)}
                  {d.governing ? <span className="sub">{t("cases.deadlines.governing")}</span> : null}
                </th>
                <td data-label={t("cases.deadlines.due")}>
                  {formatDate(locale, d.due)}
                  {d.originalDue && d.originalDue !== d.due ? (
                    <span className="sub">{t("deadline.originalDue", { date: formatDate(locale, d.originalDue) })}</span>
                  ) : null}
                  {d.openedAt ? (
                    <p className="muted">{t("deadline.investigationOpened", { date: formatDate(locale, d.openedAt) })}</p>
                  ) : null}
                  {d.extensions.map((e) => (
                    <p key={e.at} className="pre-wrap">
                      {t("deadline.extension", {
                        date: formatDate(locale, e.until),
                        name: e.byName,
                        at: formatDateTime(locale, e.at),
                        reason: e.reason,
                      })}
                    </p>
                  ))}
                </td>
                <td data-label={t("cases.deadlines.status")}>
                  {d.metAt ? (
                    <span className="badge ok">{t("deadline.met", { date: formatDate(locale, d.metAt) })}</span>
                  ) : d.status ? (
                    <DeadlineBadge t={t} status={d.status} />
                  ) : (
                    t("cases.none")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function By({ name, at }: { name: string; at: string }) {
  const t = useT();
  const locale = useLocale();
  return <p className="muted">{t("cases.record.by", { name, at: formatDateTime(locale, at) })}</p>;
}

export function ProposalText({ proposal }: { proposal: NonNullable<CasePageData["record"]["proposal"]> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="proposal">
      <p>
        <strong>{outcomeName(locale, proposal.outcome)}</strong>
      </p>
      {proposal.reasoning ? <Prose text={proposal.reasoning} /> : null}
      {proposal.support.length > 0 ? (
        <p>{t("cases.record.support", { measures: measureList(locale, proposal.support as SupportMeasure[]) })}</p>
      ) : null}
      {proposal.childNotHeardReason ? (
        <p className="pre-wrap">{t("cases.record.childNotHeard", { reason: proposal.childNotHeardReason })}</p>
      ) : null}
      {proposal.transferTo ? <p>{t("cases.record.transferTo", { municipality: proposal.transferTo })}</p> : null}
      {proposal.feedbackWithheldReason ? (
        <p className="pre-wrap">{t("cases.record.feedbackWithheld", { reason: proposal.feedbackWithheldReason })}</p>
      ) : null}
      <By name={proposal.proposedBy.name} at={proposal.proposedAt} />
    </div>
  );
}

/** What has been assessed, recorded and decided so far. */
export function CaseRecord({ data }: { data: CasePageData }) {
  const t = useT();
  const locale = useLocale();
  const r = data.record;
  const any =
    r.protection || r.invitation || r.conversation || r.proposal || r.decision || r.returnComment || r.conclusion || r.notes.length > 0;
  return (
    <section className="case-section" aria-labelledby="record-title">
      <h2 id="record-title">{t("cases.record.title")}</h2>
      {!any ? <p>{t("cases.record.empty")}</p> : null}
      {r.protection ? (
        <>
          <h3>{t("cases.record.protection")}</h3>
          <p>{t(r.protection.needsProtection ? "cases.record.protection.yes" : "cases.record.protection.no")}</p>
          <Prose text={r.protection.assessment} />
          <By name={r.protection.by.name} at={r.protection.at} />
        </>
      ) : null}
      {r.invitation ? (
        <>
          <h3>{t("cases.record.invitation")}</h3>
          <p>
            {t("cases.record.invitation.text", {
              date: formatDate(locale, r.invitation.date),
              time: r.invitation.time,
              place: r.invitation.place,
              invitees: r.invitation.invitees.join(", "),
            })}
          </p>
          <By name={r.invitation.sentBy.name} at={r.invitation.sentAt} />
        </>
      ) : null}
      {r.noShows > 0 ? <p>{t("cases.record.noShows", { count: r.noShows })}</p> : null}
      {r.conversation ? (
        <>
          <h3>{t("cases.record.conversation")}</h3>
          <p>{t("cases.record.participants", { participants: r.conversation.participants.join(", ") })}</p>
          <Prose text={r.conversation.notes} />
          <By name={r.conversation.recordedBy.name} at={r.conversation.heldAt} />
        </>
      ) : null}
      {r.returnComment ? (
        <>
          <h3>{t("cases.record.returned")}</h3>
          <Prose text={r.returnComment.comment} />
          <By name={r.returnComment.by.name} at={r.returnComment.at} />
        </>
      ) : null}
      {r.proposal ? (
        <>
          <h3>{t("cases.record.proposal")}</h3>
          <ProposalText proposal={r.proposal} />
        </>
      ) : null}
      {r.decision ? (
        <>
          <h3>{t("cases.record.decision")}</h3>
          <ProposalText proposal={r.decision} />
          <By name={r.decision.approvedBy.name} at={r.decision.at} />
        </>
      ) : null}
      {r.investigationNotice ? (
        <p>
          {t("cases.record.notice")}: {formatDateTime(locale, r.investigationNotice.sentAt)}
        </p>
      ) : null}
      {r.conclusion ? (
        <>
          <h3>{t("cases.record.conclusion")}</h3>
          <p>{t(`cases.field.conclusion.${r.conclusion.outcome}`)}</p>
          {r.conclusion.support.length > 0 ? (
            <p>{t("cases.record.support", { measures: measureList(locale, r.conclusion.support) })}</p>
          ) : null}
          <Prose text={r.conclusion.summary} />
          <By name={r.conclusion.by.name} at={r.conclusion.at} />
        </>
      ) : null}
      {r.supportAnswer ? (
        <p>
          {t(`cases.record.supportAnswer.${r.supportAnswer.answer}`)}
          {r.supportAnswer.note ? `: ${r.supportAnswer.note}` : ""}
          {r.supportAnswer.childAnswer ? ` ${t(`cases.event.childAnswer.${r.supportAnswer.childAnswer}`)}` : ""}
        </p>
      ) : null}
      {r.extensionProposal ? (
        <p className="pre-wrap">
          {t("cases.record.extensionProposal", {
            date: formatDate(locale, r.extensionProposal.until),
            name: r.extensionProposal.by.name,
            reason: r.extensionProposal.reason,
          })}
        </p>
      ) : null}
      {r.notes.length > 0 ? (
        <>
          <h3>{t("cases.record.notes")}</h3>
          <ul>
            {r.notes.map((n) => (
              <li key={n.at}>
                <Prose text={n.text} />
                <By name={n.by.name} at={n.at} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function Timeline({ events }: { events: CasePageData["events"] }) {
  const t = useT();
  const locale = useLocale();
  const names = guardianNames(events.map((e) => e.event));
  return (
    <section className="case-section" aria-labelledby="history-title">
      <h2 id="history-title">{t("cases.history.title")}</h2>
      <ol className="timeline">
        {events.map((e) => {
          const summary = summarizeEvent(locale, e.event, names);
          return (
            <li key={e.seq}>
              <time dateTime={e.at}>{formatDateTime(locale, e.at)}</time>{" "}
              <span className="actor">{t("cases.history.actor", { name: e.actorName })}</span>
              <p>{summary.title}</p>
              {summary.detail ? <p className="pre-wrap muted">{summary.detail}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function Letters({ caseId, letters }: { caseId: string; letters: CasePageData["letters"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="case-section" aria-labelledby="letters-title">
      <h2 id="letters-title">{t("cases.letters.title")}</h2>
      {letters.length === 0 ? (
        <p>{t("cases.letters.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="card-table">
            <thead>
              <tr>
                <th scope="col">{t("cases.letters.kind")}</th>
                <th scope="col">{t("cases.letters.recipient")}</th>
                <th scope="col">{t("cases.letters.created")}</th>
                <th scope="col">{t("cases.letters.file")}</th>
              </tr>
            </thead>
            <tbody>
              {letters.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{t(`cases.letter.${l.kind}`)}</th>
                  <td data-label={t("cases.letters.recipient")}>{l.recipientName ?? t("cases.unknown")}</td>
                  <td data-label={t("cases.letters.created")}>{formatDateTime(locale, l.createdAt)}</td>
                  <td data-label={t("cases.letters.file")}>
                    {l.withheld ? (
                      t("cases.letters.withheld")
                    ) : (
                      // A plain link: the PDF is a download, not a page of the app.
                      <a href={`/arenden/${caseId}/brev/${l.id}`} download={l.fileName}>
                        {t("cases.letters.download", { name: l.fileName })}
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

