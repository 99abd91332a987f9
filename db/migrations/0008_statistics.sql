CREATE TABLE "case_decisions" (
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	CONSTRAINT "case_decisions_case_id_seq_pk" PRIMARY KEY("case_id","seq")
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "reporter_category" text GENERATED ALWAYS AS (case
  when "reporter_kind" <> 'mandated' then (case when "anonymous" then 'anonymous' else 'private' end)
  when coalesce("reporter_organisation", '') || ' ' || coalesce("reporter_title", '') ~* '(förskol|forskol|dagbarnvård|pedagogisk omsorg)' then 'preschool'
  when coalesce("reporter_organisation", '') || ' ' || coalesce("reporter_title", '') ~* 'polis' then 'police'
  when coalesce("reporter_organisation", '') || ' ' || coalesce("reporter_title", '') ~* '(vårdcentral|vardcentral|sjukhus|lasarett|bvc|bup|mvc|barnavård|sjukvård|hälsocentral|region|tandvård|psykiatri|barnmorska|läkare|sjuksköterska|ungdomsmottagning|närhälsan|habilitering)' then 'healthCare'
  when coalesce("reporter_organisation", '') || ' ' || coalesce("reporter_title", '') ~* '(skola|skolan|gymnasi|fritidshem|elevhälsa|rektor|lärare|kurator)' then 'school'
  when coalesce("reporter_organisation", '') || ' ' || coalesce("reporter_title", '') ~* '(socialtjänst|socialsekreterare|kommun|fält|fritidsgård|familjehem|hvb|boende)' then 'socialServices'
  else 'otherMandated'
end) STORED;--> statement-breakpoint
CREATE INDEX "case_decisions_unit_at_idx" ON "case_decisions" USING btree ("unit_id","decided_at");--> statement-breakpoint
CREATE INDEX "case_events_type_at_idx" ON "case_events" USING btree ("type","occurred_at");--> statement-breakpoint
CREATE INDEX "reports_received_idx" ON "reports" USING btree ("received_at");