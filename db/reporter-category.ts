/**
 * The reporter category of a report, for the statistics (the categories Socialstyrelsen counts:
 * school, preschool, health care, police, social services, private person, anonymous).
 * The intake form does not ask it, so the database derives it from what a mandated reporter
 * writes as organisation and role, as a stored generated column: one rule, applied to every
 * row however it was inserted. A form question can later replace it (ALTER … DROP EXPRESSION).
 */
export const REPORTER_CATEGORIES = [
  "school",
  "preschool",
  "healthCare",
  "police",
  "socialServices",
  "otherMandated",
  "private",
  "anonymous",
] as const;
export type ReporterCategory = (typeof REPORTER_CATEGORIES)[number];

const who = `coalesce("reporter_organisation", '') || ' ' || coalesce("reporter_title", '')`;

/** Checked in order: the first match wins (a "kurator på vårdcentralen" is health care). */
export const REPORTER_CATEGORY_SQL = `case
  when "reporter_kind" <> 'mandated' then (case when "anonymous" then 'anonymous' else 'private' end)
  when ${who} ~* '(förskol|forskol|dagbarnvård|pedagogisk omsorg)' then 'preschool'
  when ${who} ~* 'polis' then 'police'
  when ${who} ~* '(vårdcentral|vardcentral|sjukhus|lasarett|bvc|bup|mvc|barnavård|sjukvård|hälsocentral|region|tandvård|psykiatri|barnmorska|läkare|sjuksköterska|ungdomsmottagning|närhälsan|habilitering)' then 'healthCare'
  when ${who} ~* '(skola|skolan|gymnasi|fritidshem|elevhälsa|rektor|lärare|kurator)' then 'school'
  when ${who} ~* '(socialtjänst|socialsekreterare|kommun|fält|fritidsgård|familjehem|hvb|boende)' then 'socialServices'
  else 'otherMandated'
end`;
