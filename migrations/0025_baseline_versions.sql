-- The socle numérique is computed from a dozen tables (issue #7). Its results
-- are kept in memory between reads (src/server/modules/baseline/cache.ts),
-- keyed on a per-organisation version that every committed change to one of
-- those tables increments: a read that finds the version it computed for
-- gets the same result, on any server instance.
CREATE TABLE "baseline_data_versions" (
	"organisation_id" uuid PRIMARY KEY REFERENCES "organisations"("id") ON DELETE CASCADE,
	"version" bigint NOT NULL DEFAULT 0
);
--> statement-breakpoint
SELECT socle_enable_tenancy('baseline_data_versions', 'organisation_id');
--> statement-breakpoint
GRANT SELECT ON baseline_data_versions TO socle_app;
--> statement-breakpoint
-- A deferred constraint trigger: it runs at commit, so the version row is locked
-- only while the transaction commits (writers of one organisation never wait on
-- each other for long, and never deadlock on it), once per organisation and
-- transaction (a transaction-local flag), whoever writes (socle_app or the owner).
CREATE FUNCTION socle_baseline_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  org uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.organisation_id ELSE NEW.organisation_id END;
  flag text := 'socle.baseline_changed_' || replace(org::text, '-', '');
BEGIN
  IF current_setting(flag, true) = '1' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config(flag, '1', true);
  INSERT INTO baseline_data_versions (organisation_id, version) VALUES (org, 1)
    ON CONFLICT (organisation_id) DO UPDATE SET version = baseline_data_versions.version + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['schools', 'school_years', 'classes', 'assets', 'asset_models', 'asset_categories',
    'school_networks', 'school_subscriptions', 'digital_services', 'baseline_grids', 'baseline_overrides',
    'training_sessions', 'training_registrations']
  LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER baseline_changed AFTER INSERT OR UPDATE OR DELETE ON %I '
      'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION socle_baseline_changed()', t);
  END LOOP;
END $$;
