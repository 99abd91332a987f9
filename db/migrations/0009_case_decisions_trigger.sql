-- case_decisions: one row per decision on whether to investigate, derived from the event log
-- for the statistics (see docs/decisions/0006). Kept by a trigger so every writer of
-- case_events keeps it right. A decision is an approved proposal (its outcome from the
-- proposal it approved) or an investigation opened at the protection assessment; it answers
-- the reports received since the case's previous decision.
CREATE OR REPLACE FUNCTION record_case_decision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_unit uuid;
  v_case_received timestamptz;
  v_previous timestamptz;
  v_first_report timestamptz;
  v_proposal jsonb;
  v_outcome text;
BEGIN
  IF NOT (NEW.type = 'DECISION_APPROVED'
          OR (NEW.type = 'PROTECTION_ASSESSED' AND NEW.event->>'needsProtection' = 'true')) THEN
    RETURN NULL;
  END IF;
  SELECT unit_id, received_at INTO v_unit, v_case_received FROM cases WHERE id = NEW.case_id;
  SELECT max(occurred_at) INTO v_previous FROM case_events
    WHERE case_id = NEW.case_id AND seq < NEW.seq
      AND (type = 'DECISION_APPROVED' OR (type = 'PROTECTION_ASSESSED' AND event->>'needsProtection' = 'true'));
  SELECT min(received_at) INTO v_first_report FROM reports
    WHERE case_id = NEW.case_id AND received_at > coalesce(v_previous, '-infinity'::timestamptz);
  IF NEW.type = 'DECISION_APPROVED' THEN
    SELECT event INTO v_proposal FROM case_events
      WHERE case_id = NEW.case_id AND type = 'DECISION_PROPOSED' AND seq < NEW.seq
      ORDER BY seq DESC LIMIT 1;
    v_outcome := CASE v_proposal->>'outcome'
      WHEN 'noInvestigation' THEN
        CASE WHEN coalesce(jsonb_array_length(v_proposal->'support'), 0) > 0 THEN 'support' ELSE 'noInvestigation' END
      WHEN 'openInvestigation' THEN 'investigation'
      ELSE coalesce(v_proposal->>'outcome', 'unknown') END;
  ELSE
    v_outcome := 'investigation';
  END IF;
  INSERT INTO case_decisions (case_id, seq, unit_id, decided_at, received_at, outcome)
    VALUES (NEW.case_id, NEW.seq, v_unit, NEW.occurred_at, coalesce(v_first_report, v_case_received), v_outcome)
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_decision AFTER INSERT ON case_events
  FOR EACH ROW EXECUTE FUNCTION record_case_decision();
--> statement-breakpoint
-- The decisions already in the log, in order.
INSERT INTO case_decisions (case_id, seq, unit_id, decided_at, received_at, outcome)
SELECT e.case_id, e.seq, c.unit_id, e.occurred_at,
       coalesce((SELECT min(r.received_at) FROM reports r
                 WHERE r.case_id = e.case_id AND r.received_at > coalesce((
                   SELECT max(x.occurred_at) FROM case_events x
                   WHERE x.case_id = e.case_id AND x.seq < e.seq
                     AND (x.type = 'DECISION_APPROVED' OR (x.type = 'PROTECTION_ASSESSED' AND x.event->>'needsProtection' = 'true'))),
                   '-infinity'::timestamptz)), c.received_at),
       CASE WHEN e.type = 'PROTECTION_ASSESSED' THEN 'investigation' ELSE (
         SELECT CASE p.event->>'outcome'
                  WHEN 'noInvestigation' THEN
                    CASE WHEN coalesce(jsonb_array_length(p.event->'support'), 0) > 0 THEN 'support' ELSE 'noInvestigation' END
                  WHEN 'openInvestigation' THEN 'investigation'
                  ELSE coalesce(p.event->>'outcome', 'unknown') END
         FROM case_events p WHERE p.case_id = e.case_id AND p.type = 'DECISION_PROPOSED' AND p.seq < e.seq
         ORDER BY p.seq DESC LIMIT 1) END
FROM case_events e JOIN cases c ON c.id = e.case_id
WHERE e.type = 'DECISION_APPROVED' OR (e.type = 'PROTECTION_ASSESSED' AND e.event->>'needsProtection' = 'true')
ON CONFLICT DO NOTHING;
