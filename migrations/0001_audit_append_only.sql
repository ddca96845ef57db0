-- The audit trail is append-only (SECURITY.md 20, 等保 8.1.4.3 c): no UPDATE, DELETE or TRUNCATE.
-- Works on PGlite and PostgreSQL. On PostgreSQL, scripts/pg-roles.sql additionally leaves the
-- application role only INSERT and SELECT on this table.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (AUDIT_APPEND_ONLY)' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
