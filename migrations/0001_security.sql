-- Why: defence in depth. Requests run as the role `socle_app`, which owns
-- nothing and cannot bypass row-level security: every business table is
-- restricted to the organisation set per transaction (app.organisation_id),
-- so a query that forgot its filter returns nothing rather than another
-- city's rows. The migration role (table owner) keeps full access through an
-- explicit policy, for migrations, bootstrap, the CLI and cross-tenant jobs.
-- The audit trail is append-only for `socle_app` and hash-chained per
-- organisation by a trigger.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'socle_app') THEN
    CREATE ROLE socle_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
  IF NOT pg_has_role(current_user, 'socle_app', 'MEMBER') THEN
    EXECUTE format('GRANT socle_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO socle_app;
--> statement-breakpoint
CREATE FUNCTION socle_current_org() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.organisation_id', true), '')::uuid $$;
--> statement-breakpoint
-- Enable + force RLS, the tenant policy for socle_app, and the owner policy.
CREATE FUNCTION socle_enable_tenancy(tbl regclass, tenant_column text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s TO socle_app USING (%I = socle_current_org()) WITH CHECK (%I = socle_current_org())',
    tbl, tenant_column, tenant_column);
  EXECUTE format('CREATE POLICY owner_all ON %s TO %I USING (true) WITH CHECK (true)', tbl, current_user);
END $$;
--> statement-breakpoint
SELECT socle_enable_tenancy('organisations', 'id');
--> statement-breakpoint
SELECT socle_enable_tenancy('schools', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('users', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('user_schools', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('sessions', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('api_tokens', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('audit_events', 'organisation_id');
--> statement-breakpoint
-- audit_heads: RLS on with no policy for socle_app, so only the trigger
-- (SECURITY DEFINER, running as the owner) reads and writes it.
ALTER TABLE audit_heads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_heads FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY owner_all ON audit_heads TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
--> statement-breakpoint
GRANT SELECT, UPDATE ON organisations TO socle_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON schools, users, user_schools, sessions, api_tokens TO socle_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_events TO socle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_events_id_seq TO socle_app;
--> statement-breakpoint
-- Login throttle counters are keyed by hashes and hold no tenant data.
GRANT SELECT, INSERT ON login_attempts TO socle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE login_attempts_id_seq TO socle_app;
--> statement-breakpoint
-- The digest of one audit event. A JSON array is unambiguous whatever the
-- fields contain; the time is in epoch microseconds so the session time zone
-- does not change the digest.
CREATE FUNCTION socle_audit_digest(
  prev_hash text, organisation_id uuid, seq bigint, occurred_at timestamptz,
  actor_user_id uuid, actor_kind text, action text, entity_type text,
  entity_id text, before jsonb, after jsonb, request_id text
) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    prev_hash, organisation_id::text, seq::text,
    floor(extract(epoch FROM occurred_at) * 1000000)::bigint::text,
    actor_user_id::text, actor_kind, action, entity_type, entity_id,
    before, after, request_id
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE FUNCTION socle_audit_chain() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  INSERT INTO audit_heads (organisation_id, seq, hash)
    VALUES (NEW.organisation_id, 0, repeat('0', 64))
    ON CONFLICT (organisation_id) DO NOTHING;
  -- The row lock serialises writers of one organisation's chain.
  SELECT seq, hash INTO head_seq, head_hash
    FROM audit_heads WHERE organisation_id = NEW.organisation_id FOR UPDATE;
  NEW.seq := head_seq + 1;
  NEW.occurred_at := date_trunc('microseconds', coalesce(NEW.occurred_at, now()));
  NEW.prev_hash := head_hash;
  NEW.hash := socle_audit_digest(NEW.prev_hash, NEW.organisation_id, NEW.seq, NEW.occurred_at,
    NEW.actor_user_id, NEW.actor_kind, NEW.action, NEW.entity_type, NEW.entity_id,
    NEW.before, NEW.after, NEW.request_id);
  UPDATE audit_heads SET seq = NEW.seq, hash = NEW.hash WHERE organisation_id = NEW.organisation_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION socle_audit_chain();
--> statement-breakpoint
-- Authentication has to find a row before it knows the organisation. These
-- three functions are the only way socle_app reads across tenants, each by
-- an exact key (normalised e-mail, or SHA-256 of a secret token).
CREATE FUNCTION socle_auth_login_candidates(p_email text)
  RETURNS TABLE (user_id uuid, organisation_id uuid, organisation_slug text, password_hash text, active boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  SELECT u.id, u.organisation_id, o.slug, u.password_hash, u.active
    FROM users u JOIN organisations o ON o.id = u.organisation_id
   WHERE lower(u.email) = lower(p_email)
$$;
--> statement-breakpoint
CREATE FUNCTION socle_auth_session(p_token_hash text)
  RETURNS TABLE (session_id uuid, organisation_id uuid, user_id uuid, csrf_token text,
                 last_seen_at timestamptz, idle_expires_at timestamptz, absolute_expires_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  SELECT s.id, s.organisation_id, s.user_id, s.csrf_token, s.last_seen_at, s.idle_expires_at, s.absolute_expires_at
    FROM sessions s WHERE s.token_hash = p_token_hash
$$;
--> statement-breakpoint
CREATE FUNCTION socle_auth_api_token(p_token_hash text)
  RETURNS TABLE (token_id uuid, organisation_id uuid, user_id uuid, name text,
                 last_used_at timestamptz, expires_at timestamptz, revoked_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  SELECT t.id, t.organisation_id, t.user_id, t.name, t.last_used_at, t.expires_at, t.revoked_at
    FROM api_tokens t WHERE t.token_hash = p_token_hash
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION socle_auth_login_candidates(text), socle_auth_session(text), socle_auth_api_token(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION socle_auth_login_candidates(text), socle_auth_session(text), socle_auth_api_token(text) TO socle_app;
