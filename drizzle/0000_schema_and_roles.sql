-- Hand-written: the schema and the privileges model. Runs as the owner role (DATABASE_OWNER_URL).
-- akinai_app is a NOLOGIN group role that holds the runtime's DML grants; the runtime login role
-- (DATABASE_URL) is a member of it and owns nothing. A DBA may create akinai_app beforehand; only
-- when it is missing does the owner need CREATEROLE.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'akinai_app') THEN
    CREATE ROLE akinai_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS app;
--> statement-breakpoint
REVOKE ALL ON SCHEMA app FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA app TO akinai_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO akinai_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA app REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
