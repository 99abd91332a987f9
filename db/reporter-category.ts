/**
 * The reporter category of a report, for the statistics (the categories Socialstyrelsen counts:
 * school, preschool, health care, police, social services, private person, anonymous).
 *
 * The form asks a mandated reporter which kind of organisation they report from
 * (`reports.reporter_sector`); the category is that answer. Reports made before the form asked
 * have no answer: for them alone the category is still guessed from what the reporter wrote as
 * organisation and role, so their category — and the sealed digest of their row, which holds
 * it — stays what it was. One rule, kept by the database as a stored generated column, applied
 * to every row however it was inserted (migrations 0008, then 0014 with the answer).
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

/** The form's answers to "Typ av verksamhet", in the order it lists them; "other" counts as otherMandated. */
export const REPORTER_SECTORS = ["school", "preschool", "healthCare", "police", "socialServices", "other"] as const;
export type ReporterSector = (typeof REPORTER_SECTORS)[number];
export const isReporterSector = (value: unknown): value is ReporterSector =>
  (REPORTER_SECTORS as readonly unknown[]).includes(value);

const who = `coalesce("reporter_organisation", '') || ' ' || coalesce("reporter_title", '')`;

/**
 * The old guess (checked in order: the first match wins, so a "kurator på vårdcentralen" is
 * health care). Used only where no answer was given; its text must not change, or the rows
 * guessed with it would change category and no longer match their sealed digests.
 */
export const GUESSED_CATEGORY_SQL = `case
  when ${who} ~* '(förskol|forskol|dagbarnvård|pedagogisk omsorg)' then 'preschool'
  when ${who} ~* 'polis' then 'police'
  when ${who} ~* '(vårdcentral|vardcentral|sjukhus|lasarett|bvc|bup|mvc|barnavård|sjukvård|hälsocentral|region|tandvård|psykiatri|barnmorska|läkare|sjuksköterska|ungdomsmottagning|närhälsan|habilitering)' then 'healthCare'
  when ${who} ~* '(skola|skolan|gymnasi|fritidshem|elevhälsa|rektor|lärare|kurator)' then 'school'
  when ${who} ~* '(socialtjänst|socialsekreterare|kommun|fält|fritidsgård|familjehem|hvb|boende)' then 'socialServices'
  else 'otherMandated'
end`;

export const REPORTER_CATEGORY_SQL = `case
  when "reporter_kind" <> 'mandated' then (case when "anonymous" then 'anonymous' else 'private' end)
  when "reporter_sector" = 'other' then 'otherMandated'
  when "reporter_sector" is not null then "reporter_sector"
  else ${GUESSED_CATEGORY_SQL}
end`;

/** The values reporter_sector may hold (a check constraint). */
export const REPORTER_SECTOR_CHECK_SQL = `"reporter_sector" in (${REPORTER_SECTORS.map((s) => `'${s}'`).join(", ")})`;
