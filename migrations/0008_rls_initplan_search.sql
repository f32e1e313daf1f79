-- Why: list speed on a national dataset (bench/README.md, "schools").
-- 1. The tenant policy compared every row with socle_current_org(), a STABLE
--    function evaluated once per row; as a scalar subquery the planner runs it
--    once per statement (InitPlan): counting 32,091 schools went from 18-24 ms
--    to 6-11 ms as socle_app. Same isolation: app.organisation_id cannot
--    change within a statement.
-- 2. The school search read four columns with ILIKE per row; one stored,
--    lower-cased search_text column is read once.
ALTER TABLE "schools" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(usual_name, '') || ' ' || uai || ' ' || coalesce(commune_name, ''))) STORED;--> statement-breakpoint
CREATE OR REPLACE FUNCTION socle_enable_tenancy(tbl regclass, tenant_column text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s TO socle_app USING (%I = (SELECT socle_current_org())) WITH CHECK (%I = (SELECT socle_current_org()))',
    tbl, tenant_column, tenant_column);
  EXECUTE format('CREATE POLICY owner_all ON %s TO %I USING (true) WITH CHECK (true)', tbl, current_user);
END $$;
--> statement-breakpoint
DO $$
DECLARE
  p record;
  col text;
BEGIN
  FOR p IN SELECT schemaname, tablename FROM pg_policies WHERE policyname = 'tenant_isolation' AND schemaname = 'public'
  LOOP
    col := CASE WHEN p.tablename = 'organisations' THEN 'id' ELSE 'organisation_id' END;
    EXECUTE format(
      'ALTER POLICY tenant_isolation ON %I.%I USING (%I = (SELECT socle_current_org())) WITH CHECK (%I = (SELECT socle_current_org()))',
      p.schemaname, p.tablename, col, col);
  END LOOP;
END $$;
