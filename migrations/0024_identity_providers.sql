-- Why: single sign-on with the city's identity provider (issue #11 point 1).
-- An admin configures OpenID Connect providers per organisation: issuer,
-- client id, client secret (encrypted by the application with AES-256-GCM
-- under a key derived from the instance secret, never stored in clear),
-- scopes, which claims carry the e-mail, the name and the groups, and which
-- groups give which role and which school (by UAI). Roles and schools of a
-- user who signs in through a provider are recomputed from the groups at
-- each login. `user_identities` links a provider's subject (`sub`) to an
-- account, so a renamed e-mail still finds its account. Sessions remember the
-- provider and the ID token they were opened with, for RP-initiated logout.
-- `organisations.password_login` turns e-mail + password sign-in off for an
-- organisation; the login lookup (SECURITY DEFINER, 0003) now returns it so
-- the password check skips those accounts. The login page lists the enabled
-- providers of every organisation by name through another exact, read-only
-- SECURITY DEFINER function, and the SSO start resolves a provider's
-- organisation the same way (the only cross-tenant reads, before sign-in).
CREATE TABLE "identity_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"name" text NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_enc" text,
	"scopes" text DEFAULT 'openid email profile' NOT NULL,
	"email_claim" text DEFAULT 'email' NOT NULL,
	"name_claim" text DEFAULT 'name' NOT NULL,
	"groups_claim" text DEFAULT 'groups' NOT NULL,
	"role_mappings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"school_mappings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"jit_provisioning" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_providers_name_check" CHECK (length(btrim("name")) between 1 and 100),
	CONSTRAINT "identity_providers_issuer_check" CHECK ("issuer" ~ '^https?://'),
	CONSTRAINT "identity_providers_scopes_check" CHECK (' ' || "scopes" || ' ' LIKE '% openid %'),
	CONSTRAINT "identity_providers_role_mappings_check" CHECK (jsonb_typeof("role_mappings") = 'array'),
	CONSTRAINT "identity_providers_school_mappings_check" CHECK (jsonb_typeof("school_mappings") = 'array'),
	CONSTRAINT "identity_providers_id_org_key" UNIQUE ("id", "organisation_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "identity_providers_org_name_key" ON "identity_providers" USING btree ("organisation_id", lower("name"));
--> statement-breakpoint
CREATE TABLE "user_identities" (
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"provider_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_identities_pk" PRIMARY KEY ("provider_id", "subject"),
	CONSTRAINT "user_identities_provider_fk" FOREIGN KEY ("provider_id", "organisation_id") REFERENCES "identity_providers" ("id", "organisation_id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "user_identities_user_idx" ON "user_identities" USING btree ("user_id");
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "identity_provider_id" uuid REFERENCES "identity_providers"("id") ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "id_token" text;
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "password_login" boolean DEFAULT true NOT NULL;
--> statement-breakpoint
SELECT socle_enable_tenancy('identity_providers', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('user_identities', 'organisation_id');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON identity_providers, user_identities TO socle_app;
--> statement-breakpoint
DROP FUNCTION socle_auth_login_candidates(text);
--> statement-breakpoint
CREATE FUNCTION socle_auth_login_candidates(p_email text)
  RETURNS TABLE (user_id uuid, organisation_id uuid, organisation_slug text, organisation_name text,
                 password_hash text, active boolean, password_login boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  SELECT u.id, u.organisation_id, o.slug, o.name, u.password_hash, u.active, o.password_login
    FROM users u JOIN organisations o ON o.id = u.organisation_id
   WHERE lower(u.email) = lower(p_email)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION socle_auth_login_candidates(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION socle_auth_login_candidates(text) TO socle_app;
--> statement-breakpoint
-- The login page's buttons: names only, enabled providers only.
CREATE FUNCTION socle_identity_login_providers()
  RETURNS TABLE (id uuid, name text, organisation_slug text, organisation_name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  SELECT p.id, p.name, o.slug, o.name
    FROM identity_providers p JOIN organisations o ON o.id = p.organisation_id
   WHERE p.enabled
   ORDER BY o.name, p.name
$$;
--> statement-breakpoint
-- The organisation of one enabled provider, by exact id (SSO start and callback).
CREATE FUNCTION socle_identity_provider_organisation(p_id uuid)
  RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  SELECT p.organisation_id FROM identity_providers p WHERE p.id = p_id AND p.enabled
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION socle_identity_login_providers(), socle_identity_provider_organisation(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION socle_identity_login_providers(), socle_identity_provider_organisation(uuid) TO socle_app;
