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
CREATE INDEX "case_decisions_unit_at_idx" ON "case_decisions" USING btree ("unit_id","decided_at");