ALTER TABLE "units" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "office_hours" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "deputy_approver_id" uuid;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_deputy_approver_id_users_id_fk" FOREIGN KEY ("deputy_approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;