-- PostgreSQL roles for a production installation (SECURITY.md 20; 等保 8.1.4.3 c; docs/security.md).
--
--   tongchou_owner  owns the schema, the tables and the migrations; used only by `npm run db:migrate`
--   tongchou_app    what the application connects as: reads and writes business tables, but on the
--                   audit trail only INSERT and SELECT (plus USAGE on its id sequence) — no UPDATE,
--                   DELETE or TRUNCATE, and as it owns nothing it cannot disable the append-only
--                   triggers either.
--
-- Run once per database as a superuser (or the database owner), after the first migration:
--   psql "postgres://postgres@db.example/tongchou" -v ON_ERROR_STOP=1 -f scripts/pg-roles.sql
-- then give the roles a login and a password (kept out of this repository):
--   ALTER ROLE tongchou_owner LOGIN PASSWORD '…';  ALTER ROLE tongchou_app LOGIN PASSWORD '…';
-- Re-running it is safe (idempotent); run it again after migrations that add tables.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tongchou_owner') THEN
    CREATE ROLE tongchou_owner NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tongchou_app') THEN
    CREATE ROLE tongchou_app NOLOGIN;
  END IF;
END
$$;

-- The owner owns everything the migrations created, and may create more.
DO $$
DECLARE
  r record;
BEGIN
  EXECUTE format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO tongchou_owner', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO tongchou_app', current_database());
  EXECUTE 'ALTER SCHEMA public OWNER TO tongchou_owner';
  IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'drizzle') THEN
    EXECUTE 'ALTER SCHEMA drizzle OWNER TO tongchou_owner';
  END IF;
  FOR r IN SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN ('public', 'drizzle') LOOP
    EXECUTE format('ALTER TABLE %I.%I OWNER TO tongchou_owner', r.schemaname, r.tablename);
  END LOOP;
  FOR r IN SELECT sequence_schema, sequence_name FROM information_schema.sequences
           WHERE sequence_schema IN ('public', 'drizzle') LOOP
    EXECUTE format('ALTER SEQUENCE %I.%I OWNER TO tongchou_owner', r.sequence_schema, r.sequence_name);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
           JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO tongchou_owner', r.signature);
  END LOOP;
END
$$;

-- The application: business tables read and write, nothing more.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO tongchou_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tongchou_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tongchou_app;

-- The audit trail: append and read only (SECURITY.md 20).
REVOKE ALL ON TABLE audit_events FROM tongchou_app;
GRANT SELECT, INSERT ON TABLE audit_events TO tongchou_app;
DO $$
BEGIN
  EXECUTE format(
    'REVOKE ALL ON SEQUENCE %s FROM tongchou_app',
    pg_get_serial_sequence('public.audit_events', 'id')
  );
  EXECUTE format(
    'GRANT USAGE ON SEQUENCE %s TO tongchou_app',
    pg_get_serial_sequence('public.audit_events', 'id')
  );
END
$$;

-- The app may read which migrations ran (it never applies them itself in this setup).
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'drizzle') THEN
    EXECUTE 'GRANT USAGE ON SCHEMA drizzle TO tongchou_app';
    EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO tongchou_app';
  END IF;
END
$$;

-- Tables and sequences that later migrations create (as tongchou_owner) get the same grants.
ALTER DEFAULT PRIVILEGES FOR ROLE tongchou_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tongchou_app;
ALTER DEFAULT PRIVILEGES FOR ROLE tongchou_owner IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO tongchou_app;
