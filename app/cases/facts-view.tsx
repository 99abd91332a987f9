/**
 * The case's facts as staff hold them (guardians, custody, suspicion, protected identity),
 * beside what the reports said: a report never changes them, a different address is
 * flagged, and a guardian a report named can be adopted — unconfirmed until staff check.
 * Also the warnings before a step whose letter would reach no one.
 */
import { Form } from "@remix-run/react";

import { formatDate, useLocale, useT, type Translate } from "../i18n";
import type { Warning } from "./case-page-data";
import type { CasePageData } from "./case-page.server";

/** A warning as it is said, on the case page and on the desk. */
export function warningText(t: Translate, w: Warning): string {
  return t(`cases.warning.${w.key}`, "names" in w ? { names: w.names.join(", ") } : undefined);
}

export function Warnings({ data }: { data: CasePageData }) {
  const t = useT();
  if (data.warnings.length === 0) return null;
  return (
    <section className="warning-banner" aria-labelledby="warnings-title">
      <h2 id="warnings-title">{t("cases.warnings.title")}</h2>
      <ul>
        {data.warnings.map((w) => (
          <li key={w.key}>{warningText(t, w)}</li>
        ))}
      </ul>
    </section>
  );
}

function AdoptForm({ data, name, address, reportNumber, date }: { data: CasePageData; name: string; address: string | null; reportNumber: number; date: string }) {
  const t = useT();
  return (
    <Form method="post" action={`/arenden/${data.case.id}`} className="inline-form">
      <input type="hidden" name="intent" value="GUARDIAN_ADDED" />
      <input type="hidden" name="version" value={data.case.version} />
      <input type="hidden" name="name" value={name} />
      {address ? <input type="hidden" name="address" value={address} /> : null}
      <input type="hidden" name="custody" value="yes" />
      <input type="hidden" name="reason" value={t("cases.facts.adoptReason", { n: reportNumber, date })} />
      <button type="submit">{t("cases.facts.adopt", { name })}</button>
    </Form>
  );
}

export function CaseFacts({ data }: { data: CasePageData }) {
  const t = useT();
  const locale = useLocale();
  const { facts } = data;
  const canAdopt = data.commands.includes("GUARDIAN_ADDED");
  const yes = (v: boolean) => t(v ? "cases.answer.yes" : "cases.answer.no");
  return (
    <section className="case-section" aria-labelledby="facts-title">
      <h2 id="facts-title">{t("cases.facts.title")}</h2>
      <p>{t("cases.facts.lead")}</p>
      {facts.violenceKinds.length > 0 ? (
        <p>{t("cases.facts.violence", { kinds: facts.violenceKinds.map((k) => t(`cases.violenceKind.${k}`)).join(", ") })}</p>
      ) : null}
      <h3>{t("cases.facts.guardians")}</h3>
      {facts.guardians.length === 0 ? (
        <p className="badge flag">{t("cases.facts.noGuardians")}</p>
      ) : (
        <div className="table-scroll">
          <table className="card-table">
            <thead>
              <tr>
                <th scope="col">{t("cases.child.name")}</th>
                <th scope="col">{t("cases.field.address")}</th>
                <th scope="col">{t("cases.field.custody")}</th>
                <th scope="col">{t("cases.facts.confirmed")}</th>
                <th scope="col">{t("cases.facts.letters")}</th>
              </tr>
            </thead>
            <tbody>
              {facts.guardians.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    {g.name}
                    {g.suspected ? <span className="badge flag">{t("cases.facts.suspected")}</span> : null}
                    {g.protectedIdentity ? <span className="badge flag">{t("cases.flag.protectedIdentity")}</span> : null}
                  </th>
                  <td className="pre-wrap" data-label={t("cases.field.address")}>{g.protectedIdentity || data.addressProtected ? t("cases.child.protectedAddress") : (g.address ?? t("cases.unknown"))}</td>
                  <td data-label={t("cases.field.custody")}>{yes(g.custody)}</td>
                  <td data-label={t("cases.facts.confirmed")}>{yes(g.confirmed)}</td>
                  <td data-label={t("cases.facts.letters")}>{yes(g.confirmed && g.custody && !g.suspected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {facts.childAddressDiffers.length > 0 ? (
        <p className="badge flag">
          {t("cases.facts.childAddressDiffers", {
            reports: facts.childAddressDiffers.map((r) => `${r.reportNumber} (${formatDate(locale, r.reportReceivedAt)})`).join(", "),
          })}
        </p>
      ) : null}
      {facts.suggestions.length > 0 ? (
        <>
          <h3>{t("cases.facts.suggestions")}</h3>
          <ul>
            {facts.suggestions.map((s, i) => (
              <li key={i}>
                <strong>{s.name}</strong>
                {s.address ? ` · ${s.address}` : ""}
                {s.phone ? ` · ${s.phone}` : ""}
                {" · "}
                {t("cases.facts.fromReport", { n: s.reportNumber, date: formatDate(locale, s.reportReceivedAt) })}
                {s.status === "address" ? <span className="badge flag">{t("cases.facts.addressDiffers")}</span> : null}
                {s.status === "new" && canAdopt ? (
                  <AdoptForm data={data} name={s.name} address={s.address} reportNumber={s.reportNumber} date={formatDate(locale, s.reportReceivedAt)} />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
