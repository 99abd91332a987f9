-- The reader's role and unit at the time of each read: filled from users when the writer
-- leaves them out, so every writer of access_log (case page, letters, exports) records them.
CREATE OR REPLACE FUNCTION access_log_reader() RETURNS trigger AS $$
BEGIN
  IF NEW.role IS NULL OR NEW.unit_id IS NULL THEN
    SELECT coalesce(NEW.role, u.role), coalesce(NEW.unit_id, u.unit_id)
      INTO NEW.role, NEW.unit_id
      FROM users u WHERE u.id = NEW.user_id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER access_log_reader BEFORE INSERT ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_reader();
--> statement-breakpoint
UPDATE access_log a SET role = u.role, unit_id = u.unit_id FROM users u WHERE u.id = a.user_id AND a.role IS NULL;
