-- Repeatable (runs after every migration, idempotent): FORCE row-level security on every table
-- in schema app that has a tenant_id column, so a new tenant table needs no hand-written step
-- and even the owner role is filtered. The catalog lint test still checks the result.
DO $$
DECLARE t regclass;
BEGIN
  FOR t IN
    SELECT c.oid::regclass FROM pg_catalog.pg_class c
    WHERE c.relnamespace = 'app'::regnamespace AND c.relkind IN ('r', 'p')
      AND NOT c.relforcerowsecurity
      AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
  LOOP
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END
$$;
