CREATE TABLE "report_codes" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_codes_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "violence_answer" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "reporter_relation" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "child_age" integer;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "child_lives_with" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "child_view" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "police_report" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sees_organisation_reports" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "report_codes" ADD CONSTRAINT "report_codes_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;