CREATE SEQUENCE "public"."report_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"next_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "report_number" text DEFAULT 'ANM-' || to_char(now() at time zone 'Europe/Stockholm', 'YYYY') || '-' || lpad(nextval('report_number_seq')::text, 6, '0') NOT NULL;--> statement-breakpoint
CREATE INDEX "rate_limits_next_at_idx" ON "rate_limits" USING btree ("next_at");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_report_number_unique" UNIQUE("report_number");