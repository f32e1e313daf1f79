-- Why: when one e-mail and password match accounts in several organisations,
-- the login form offers the organisations by name; the login lookup (the
-- only cross-tenant read before authentication) now returns the name too.
DROP FUNCTION socle_auth_login_candidates(text);
--> statement-breakpoint
CREATE FUNCTION socle_auth_login_candidates(p_email text)
  RETURNS TABLE (user_id uuid, organisation_id uuid, organisation_slug text, organisation_name text,
                 password_hash text, active boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  SELECT u.id, u.organisation_id, o.slug, o.name, u.password_hash, u.active
    FROM users u JOIN organisations o ON o.id = u.organisation_id
   WHERE lower(u.email) = lower(p_email)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION socle_auth_login_candidates(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION socle_auth_login_candidates(text) TO socle_app;
