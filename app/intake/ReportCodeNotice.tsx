/** The one-time code on the receipt page: shown once, with what it can and cannot do. */
import { Link } from "@remix-run/react";

import { formatDate, useLocale, useT } from "../i18n";

export function ReportCodeNotice({ code, validUntil }: { code: string; validUntil: string | Date }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="code-notice" aria-labelledby="report-code-title">
      <h2 id="report-code-title">{t("supplement.code.title")}</h2>
      <p className="report-code">
        <strong data-testid="report-code">{code}</strong>
      </p>
      <p>{t("supplement.code.once")}</p>
      <p>
        {t("supplement.code.use", { date: formatDate(locale, validUntil) })}{" "}
        <Link to="/anmalan/komplettera">{t("supplement.code.link")}</Link>
      </p>
    </section>
  );
}
