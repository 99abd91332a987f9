CREATE TABLE "possible_matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"candidate_case_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by_id" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"comment" text
);
--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "name_key" text GENERATED ALWAYS AS (btrim(regexp_replace(lower(translate("name", 'ÀÁÂÃÄÅàáâãäåÆæÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŠšŽžÐðÞþ', 'aaaaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooooouuuuuuuuyyysszzddtt')), '[[:space:]-]+', ' ', 'g'))) STORED;--> statement-breakpoint
ALTER TABLE "possible_matches" ADD CONSTRAINT "possible_matches_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "possible_matches" ADD CONSTRAINT "possible_matches_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "possible_matches" ADD CONSTRAINT "possible_matches_candidate_case_id_cases_id_fk" FOREIGN KEY ("candidate_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "possible_matches" ADD CONSTRAINT "possible_matches_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "possible_matches_pair_idx" ON "possible_matches" USING btree ("case_id","candidate_case_id");--> statement-breakpoint
CREATE INDEX "possible_matches_candidate_idx" ON "possible_matches" USING btree ("candidate_case_id");--> statement-breakpoint
CREATE INDEX "possible_matches_pending_idx" ON "possible_matches" USING btree ("case_id") WHERE "possible_matches"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "children_unit_name_key_idx" ON "children" USING btree ("unit_id","name_key");