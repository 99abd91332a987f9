CREATE TABLE "repeat_reports" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"previous_at" timestamp with time zone NOT NULL,
	"previous_2_at" timestamp with time zone,
	"previous_3_at" timestamp with time zone,
	"previous_4_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "statistics_day_counts" (
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"figure" text NOT NULL,
	"key" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "statistics_day_counts_unit_id_day_figure_key_pk" PRIMARY KEY("unit_id","day","figure","key")
);
--> statement-breakpoint
CREATE INDEX "repeat_reports_unit_previous_idx" ON "repeat_reports" USING btree ("unit_id","previous_at");--> statement-breakpoint
CREATE INDEX "repeat_reports_child_idx" ON "repeat_reports" USING btree ("child_id");--> statement-breakpoint
-- The statistics' counters and repeat reports (see docs/decisions/0006), derived from the
-- record and kept in the writing transaction by the triggers below, so every writer keeps them
-- right; rebuild_statistics() recomputes them from reports, cases and case_decisions.
CREATE OR REPLACE FUNCTION add_statistic(p_unit uuid, p_day date, p_figure text, p_key text, p_n integer)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO statistics_day_counts AS s (unit_id, day, figure, key, n) VALUES (p_unit, p_day, p_figure, p_key, p_n)
  ON CONFLICT (unit_id, day, figure, key) DO UPDATE SET n = s.n + excluded.n
$$;
--> statement-breakpoint
-- Each report with the times of the (up to) four reports before it about the same child in the
-- same unit; the qual on child_id is pushed inside the window (it is a partition column).
CREATE OR REPLACE VIEW report_lags AS
SELECT r.id AS report_id, c.unit_id, c.child_id, r.received_at,
       lag(r.received_at, 1) OVER w AS previous_at,
       lag(r.received_at, 2) OVER w AS previous_2_at,
       lag(r.received_at, 3) OVER w AS previous_3_at,
       lag(r.received_at, 4) OVER w AS previous_4_at
FROM reports r JOIN cases c ON c.id = r.case_id
WINDOW w AS (PARTITION BY c.unit_id, c.child_id ORDER BY r.received_at, r.id);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_repeat_reports(p_child uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- One transaction at a time per child, each seeing the reports the others committed (the
  -- statements below take their snapshot after the lock), whatever order reports arrive in.
  PERFORM pg_advisory_xact_lock(7310, hashtext(p_child::text));
  DELETE FROM repeat_reports WHERE child_id = p_child;
  INSERT INTO repeat_reports (report_id, unit_id, child_id, received_at, previous_at, previous_2_at, previous_3_at, previous_4_at)
    SELECT report_id, unit_id, child_id, received_at, previous_at, previous_2_at, previous_3_at, previous_4_at
    FROM report_lags WHERE child_id = p_child AND previous_at IS NOT NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION record_report_statistics() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_unit uuid;
  v_child uuid;
BEGIN
  SELECT unit_id, child_id INTO v_unit, v_child FROM cases WHERE id = NEW.case_id;
  PERFORM add_statistic(v_unit, (NEW.received_at AT TIME ZONE 'Europe/Stockholm')::date, 'report', NEW.reporter_category, 1);
  PERFORM refresh_repeat_reports(v_child);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER reports_statistics AFTER INSERT ON reports
  FOR EACH ROW EXECUTE FUNCTION record_report_statistics();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION record_decision_statistics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM add_statistic(OLD.unit_id, (OLD.decided_at AT TIME ZONE 'Europe/Stockholm')::date, 'decisionDays',
      ((OLD.decided_at AT TIME ZONE 'Europe/Stockholm')::date - (OLD.received_at AT TIME ZONE 'Europe/Stockholm')::date)::text, -1);
    PERFORM add_statistic(OLD.unit_id, (OLD.decided_at AT TIME ZONE 'Europe/Stockholm')::date, 'outcome', OLD.outcome, -1);
  END IF;
  PERFORM add_statistic(NEW.unit_id, (NEW.decided_at AT TIME ZONE 'Europe/Stockholm')::date, 'decisionDays',
    ((NEW.decided_at AT TIME ZONE 'Europe/Stockholm')::date - (NEW.received_at AT TIME ZONE 'Europe/Stockholm')::date)::text, 1);
  PERFORM add_statistic(NEW.unit_id, (NEW.decided_at AT TIME ZONE 'Europe/Stockholm')::date, 'outcome', NEW.outcome, 1);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_decisions_statistics AFTER INSERT OR UPDATE ON case_decisions
  FOR EACH ROW EXECUTE FUNCTION record_decision_statistics();
--> statement-breakpoint
-- A case moved to another unit (or child) takes its reports and decisions with it.
CREATE OR REPLACE FUNCTION move_case_statistics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.unit_id IS DISTINCT FROM OLD.unit_id THEN
    INSERT INTO statistics_day_counts AS s (unit_id, day, figure, key, n)
      SELECT u.unit_id, (r.received_at AT TIME ZONE 'Europe/Stockholm')::date, 'report', r.reporter_category, sum(u.n)
      FROM reports r CROSS JOIN (VALUES (OLD.unit_id, -1), (NEW.unit_id, 1)) AS u(unit_id, n)
      WHERE r.case_id = NEW.id
      GROUP BY 1, 2, 4
      ON CONFLICT (unit_id, day, figure, key) DO UPDATE SET n = s.n + excluded.n;
    UPDATE case_decisions SET unit_id = NEW.unit_id WHERE case_id = NEW.id;
  END IF;
  IF NEW.child_id IS DISTINCT FROM OLD.child_id THEN
    PERFORM refresh_repeat_reports(OLD.child_id);
  END IF;
  PERFORM refresh_repeat_reports(NEW.child_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER cases_statistics AFTER UPDATE OF unit_id, child_id ON cases
  FOR EACH ROW WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.child_id IS DISTINCT FROM NEW.child_id)
  EXECUTE FUNCTION move_case_statistics();
--> statement-breakpoint
-- A report moved to another case (a confirmed possible match joins it to the child's earlier
-- case): its count follows the unit, and both children's repeat reports are recomputed.
CREATE OR REPLACE FUNCTION move_report_statistics() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_old_unit uuid;
  v_old_child uuid;
  v_new_unit uuid;
  v_new_child uuid;
BEGIN
  SELECT unit_id, child_id INTO v_old_unit, v_old_child FROM cases WHERE id = OLD.case_id;
  SELECT unit_id, child_id INTO v_new_unit, v_new_child FROM cases WHERE id = NEW.case_id;
  IF v_old_unit IS DISTINCT FROM v_new_unit THEN
    PERFORM add_statistic(v_old_unit, (OLD.received_at AT TIME ZONE 'Europe/Stockholm')::date, 'report', OLD.reporter_category, -1);
    PERFORM add_statistic(v_new_unit, (NEW.received_at AT TIME ZONE 'Europe/Stockholm')::date, 'report', NEW.reporter_category, 1);
  END IF;
  IF v_old_child IS DISTINCT FROM v_new_child THEN
    PERFORM refresh_repeat_reports(v_old_child);
  END IF;
  PERFORM refresh_repeat_reports(v_new_child);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER reports_moved_statistics AFTER UPDATE OF case_id ON reports
  FOR EACH ROW WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id)
  EXECUTE FUNCTION move_report_statistics();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rebuild_statistics() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM statistics_day_counts;
  DELETE FROM repeat_reports;
  INSERT INTO statistics_day_counts (unit_id, day, figure, key, n)
    SELECT c.unit_id, (r.received_at AT TIME ZONE 'Europe/Stockholm')::date, 'report', r.reporter_category, count(*)
    FROM reports r JOIN cases c ON c.id = r.case_id
    GROUP BY 1, 2, 4;
  INSERT INTO statistics_day_counts (unit_id, day, figure, key, n)
    SELECT unit_id, day, f.figure, f.key, count(*)
    FROM (SELECT unit_id, outcome, (decided_at AT TIME ZONE 'Europe/Stockholm')::date AS day,
                 (decided_at AT TIME ZONE 'Europe/Stockholm')::date - (received_at AT TIME ZONE 'Europe/Stockholm')::date AS days
          FROM case_decisions) d
    CROSS JOIN LATERAL (VALUES ('decisionDays', d.days::text), ('outcome', d.outcome)) AS f(figure, key)
    GROUP BY 1, 2, 3, 4;
  INSERT INTO repeat_reports (report_id, unit_id, child_id, received_at, previous_at, previous_2_at, previous_3_at, previous_4_at)
    SELECT report_id, unit_id, child_id, received_at, previous_at, previous_2_at, previous_3_at, previous_4_at
    FROM report_lags WHERE previous_at IS NOT NULL;
END
$$;
--> statement-breakpoint
SELECT rebuild_statistics();
