-- Custom SQL (drizzle-kit cannot express extensions, trigram or expression indexes).
-- Name and reference search in the inbox: ILIKE '%…%' through trigram indexes instead of
-- reading every child. On the embedded database pg_trgm comes from PGlite's contrib build
-- (loaded in db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "children_name_trgm_idx" ON "children" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cases_reference_trgm_idx" ON "cases" USING gin ("reference_number" gin_trgm_ops);--> statement-breakpoint
-- The inbox's whole sort order (app/cases/inbox.server.ts, inboxOrder), open cases only: a
-- page is the next 50 index entries, and the next page starts after the last row's key
-- (keyset pagination) instead of skipping all the rows before it.
CREATE INDEX IF NOT EXISTS "cases_inbox_order_idx" ON "cases" USING btree (
  "unit_id",
  (coalesce("next_deadline", 'infinity'::date)),
  (not ("urgent" or "violence")),
  "received_at",
  "id"
) WHERE "open";
