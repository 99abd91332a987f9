CREATE TABLE "audit_checkpoints" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"case_seq" integer NOT NULL,
	"case_hash" text NOT NULL,
	"snapshot_digest" text NOT NULL,
	"from_digest" text NOT NULL,
	"documents" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"key_id" text NOT NULL,
	"mac" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "cases_received_idx";--> statement-breakpoint
CREATE INDEX "audit_checkpoints_case_idx" ON "audit_checkpoints" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "cases_received_idx" ON "cases" USING btree ("received_at","id");