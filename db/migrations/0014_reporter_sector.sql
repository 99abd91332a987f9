-- The form now asks a mandated reporter which kind of organisation they report from; the
-- statistics category is that answer, and still the old guess for the reports without one
-- (so their category, and the sealed digest of their row, stay what they were). A generated
-- column's expression cannot be altered in place: it is dropped and added again. The
-- counter triggers read NEW.reporter_category and need no change.
ALTER TABLE "reports" ADD COLUMN "reporter_sector" text;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_sector_check" CHECK ("reporter_sector" in ('school', 'preschool', 'healthCare', 'police', 'socialServices', 'other'));--> statement-breakpoint
ALTER TABLE "reports" drop column "reporter_category";--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "reporter_category" text GENERATED ALWAYS AS (case
  when "reporter_kind" <> 'mandated' then (case when "anonymous" then 'anonymous' else 'private' end)
  when "reporter_sector" = 'other' then 'otherMandated'
  when "reporter_sector" is not null then "reporter_sector"
  else case
  when coalesce("reporter_organisation", '') || ' ' || coalesce("reporter_title", '') ~* '(förskol|forskol|dagbarnvård|pedagogisk omsorg)' then 'preschool'
  when coalesce("reporter_organisation", '') || ' ' || coalesce("reporter_title", '') ~* 'polis' then 'police'
  when coalesce("reporter_organisation", '') || ' ' || coalesce("reporter_title", '') ~* '(vårdcentral|vardcentral|sjukhus|lasarett|bvc|bup|mvc|barnavård|sjukvård|hälsocentral|region|tandvård|psykiatri|barnmorska|läkare|sjuksköterska|ungdomsmottagning|närhälsan|habilitering)' then 'healthCare'
  when coalesce("reporter_organisation", '') || ' ' || coalesce("reporter_title", '') ~* '(skola|skolan|gymnasi|fritidshem|elevhälsa|rektor|lärare|kurator)' then 'school'
  when coalesce("reporter_organisation", '') || ' ' || coalesce("reporter_title", '') ~* '(socialtjänst|socialsekreterare|kommun|fält|fritidsgård|familjehem|hvb|boende)' then 'socialServices'
  else 'otherMandated'
end
end) STORED;