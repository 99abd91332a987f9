CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "reporter_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_contact_user_id_users_id_fk" FOREIGN KEY ("contact_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_unit_name_idx" ON "organisations" USING btree ("unit_id","name");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_organisation_id_organisations_id_fk" FOREIGN KEY ("reporter_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_reporter_organisation_idx" ON "reports" USING btree ("reporter_organisation_id");--> statement-breakpoint
-- The free-text organisations of reporter accounts become organisations of the oldest unit
-- (reporters have no unit of their own); the earliest account that had the designated-contact
-- flag becomes the contact. Reports made earlier keep no organisation id: their sealed rows
-- are not rewritten.
INSERT INTO "organisations" ("unit_id", "name")
SELECT DISTINCT (SELECT "id" FROM "units" ORDER BY "created_at", "id" LIMIT 1), btrim("organisation")
FROM "users"
WHERE "role" = 'reporter' AND btrim(coalesce("organisation", '')) <> '' AND EXISTS (SELECT 1 FROM "units");--> statement-breakpoint
UPDATE "users" SET "organisation_id" = o."id"
FROM "organisations" o
WHERE "users"."role" = 'reporter' AND o."name" = btrim("users"."organisation");--> statement-breakpoint
UPDATE "organisations" o SET "contact_user_id" = (
  SELECT u."id" FROM "users" u
  WHERE u."organisation_id" = o."id" AND u."sees_organisation_reports" AND u."active"
  ORDER BY u."created_at", u."id" LIMIT 1
);--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "organisation";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "sees_organisation_reports";