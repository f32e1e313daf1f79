-- Why: family loans (issue "Family loans"), the module that holds personal
-- data about children and families. Personal data only in household_contacts,
-- pupils and loans.accepted_name, deleted by the retention job; households
-- keep a pseudonym. One open loan line per asset (partial unique index).
-- Links never cross organisations or schools (composite foreign keys). The
-- instance's secrets (link signing, IP hashing) are owner-only.
CREATE TABLE "platform_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eligibility_reasons" (
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"eligible" boolean NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "eligibility_reasons_organisation_id_code_pk" PRIMARY KEY("organisation_id","code"),
	CONSTRAINT "eligibility_reasons_code_check" CHECK ("eligibility_reasons"."code" ~ '^[a-z0-9_]{2,40}$')
);
--> statement-breakpoint
CREATE TABLE "household_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"address_line" text NOT NULL,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"phone" text,
	"email" text,
	CONSTRAINT "household_contacts_rank_check" CHECK ("household_contacts"."rank" in (1, 2)),
	CONSTRAINT "household_contacts_reach_check" CHECK ("household_contacts"."phone" is not null or "household_contacts"."email" is not null)
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"locale" text DEFAULT 'fr' NOT NULL,
	"purged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_locale_check" CHECK ("households"."locale" in ('fr','en'))
);
--> statement-breakpoint
CREATE TABLE "loan_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"school_ids" uuid[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due_date" date,
	"opened_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "loan_campaigns_status_check" CHECK ("loan_campaigns"."status" in ('open','closed'))
);
--> statement-breakpoint
CREATE TABLE "loan_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"loan_id" uuid NOT NULL,
	"asset_id" uuid,
	"kind" text NOT NULL,
	"declared_on" date NOT NULL,
	"police_report_ref" text,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"settled_at" timestamp with time zone,
	"location_activated_at" timestamp with time zone,
	"location_activated_by" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_incidents_kind_check" CHECK ("loan_incidents"."kind" in ('damage','loss','theft')),
	CONSTRAINT "loan_incidents_outcome_check" CHECK ("loan_incidents"."outcome" in ('pending','repaired','replaced','written_off','paid_by_insurance','found')),
	CONSTRAINT "loan_incidents_police_check" CHECK ("loan_incidents"."kind" <> 'theft' or "loan_incidents"."police_report_ref" is not null),
	CONSTRAINT "loan_incidents_location_check" CHECK ("loan_incidents"."location_activated_at" is null or "loan_incidents"."kind" in ('loss','theft'))
);
--> statement-breakpoint
CREATE TABLE "loan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"loan_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"role" text DEFAULT 'device' NOT NULL,
	"open" boolean DEFAULT true NOT NULL,
	"returned_at" timestamp with time zone,
	CONSTRAINT "loan_items_role_check" CHECK ("loan_items"."role" in ('device','charger','case','hotspot','other'))
);
--> statement-breakpoint
CREATE TABLE "loan_reminders" (
	"loan_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_reminders_loan_id_kind_pk" PRIMARY KEY("loan_id","kind")
);
--> statement-breakpoint
CREATE TABLE "loan_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"category_id" uuid,
	"needs_connectivity" boolean DEFAULT false NOT NULL,
	"eligible" boolean NOT NULL,
	"reason_code" text NOT NULL,
	"decided_by" uuid,
	"decided_on" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"campaign_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_requests_status_check" CHECK (status in ('pending','approved','rejected','allocated','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "loans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"status" text DEFAULT 'allocated' NOT NULL,
	"due_date" date NOT NULL,
	"link_nonce" text NOT NULL,
	"allocated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"allocated_by" uuid,
	"accepted_via" text,
	"accepted_at" timestamp with time zone,
	"accepted_name" text,
	"accepted_ip_hash" text,
	"accepted_file_id" uuid,
	"handed_over_at" timestamp with time zone,
	"handed_over_by" uuid,
	"condition_out" text,
	"returned_at" timestamp with time zone,
	"returned_by" uuid,
	"condition_in" text,
	"wiped_at" timestamp with time zone,
	"wiped_by" uuid,
	"closed_at" timestamp with time zone,
	"campaign_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loans_status_check" CHECK (status in ('allocated','accepted','handed_over','returned','closed','cancelled')),
	CONSTRAINT "loans_condition_out_check" CHECK ("loans"."condition_out" is null or "loans"."condition_out" in ('ok','damaged','accessories_missing')),
	CONSTRAINT "loans_condition_in_check" CHECK ("loans"."condition_in" is null or "loans"."condition_in" in ('ok','damaged','accessories_missing')),
	CONSTRAINT "loans_accepted_via_check" CHECK ("loans"."accepted_via" is null or "loans"."accepted_via" in ('link','paper'))
);
--> statement-breakpoint
CREATE TABLE "pupils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"class_id" uuid
);
--> statement-breakpoint
ALTER TABLE "eligibility_reasons" ADD CONSTRAINT "eligibility_reasons_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_contacts" ADD CONSTRAINT "household_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_contacts" ADD CONSTRAINT "household_contacts_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_campaigns" ADD CONSTRAINT "loan_campaigns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_campaigns" ADD CONSTRAINT "loan_campaigns_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_incidents" ADD CONSTRAINT "loan_incidents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_incidents" ADD CONSTRAINT "loan_incidents_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_incidents" ADD CONSTRAINT "loan_incidents_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_incidents" ADD CONSTRAINT "loan_incidents_location_activated_by_users_id_fk" FOREIGN KEY ("location_activated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_incidents" ADD CONSTRAINT "loan_incidents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_items" ADD CONSTRAINT "loan_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_items" ADD CONSTRAINT "loan_items_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_items" ADD CONSTRAINT "loan_items_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_reminders" ADD CONSTRAINT "loan_reminders_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_reminders" ADD CONSTRAINT "loan_reminders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_requests" ADD CONSTRAINT "loan_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_requests" ADD CONSTRAINT "loan_requests_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_requests" ADD CONSTRAINT "loan_requests_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_requests" ADD CONSTRAINT "loan_requests_category_id_asset_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."asset_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_requests" ADD CONSTRAINT "loan_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_requests" ADD CONSTRAINT "loan_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_requests" ADD CONSTRAINT "loan_requests_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_requests" ADD CONSTRAINT "loan_requests_campaign_id_loan_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."loan_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_request_id_loan_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."loan_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_allocated_by_users_id_fk" FOREIGN KEY ("allocated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_accepted_file_id_files_id_fk" FOREIGN KEY ("accepted_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_handed_over_by_users_id_fk" FOREIGN KEY ("handed_over_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_wiped_by_users_id_fk" FOREIGN KEY ("wiped_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_campaign_id_loan_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."loan_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupils" ADD CONSTRAINT "pupils_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupils" ADD CONSTRAINT "pupils_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupils" ADD CONSTRAINT "pupils_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "household_contacts_rank_key" ON "household_contacts" USING btree ("household_id","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "households_org_pseudonym_key" ON "households" USING btree ("organisation_id","pseudonym");--> statement-breakpoint
CREATE UNIQUE INDEX "loan_items_one_open_loan_per_asset" ON "loan_items" USING btree ("asset_id") WHERE "loan_items"."open";--> statement-breakpoint
CREATE INDEX "loan_items_loan_idx" ON "loan_items" USING btree ("loan_id");--> statement-breakpoint
CREATE INDEX "loan_requests_org_status_idx" ON "loan_requests" USING btree ("organisation_id","status","created_at");--> statement-breakpoint
CREATE INDEX "loans_org_status_idx" ON "loans" USING btree ("organisation_id","status","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "loans_request_open_key" ON "loans" USING btree ("request_id") WHERE "loans"."status" not in ('closed','cancelled');--> statement-breakpoint
ALTER TABLE households ADD CONSTRAINT households_id_org_key UNIQUE (id, organisation_id);
--> statement-breakpoint
ALTER TABLE loan_requests ADD CONSTRAINT loan_requests_id_org_key UNIQUE (id, organisation_id);
--> statement-breakpoint
ALTER TABLE loans ADD CONSTRAINT loans_id_org_key UNIQUE (id, organisation_id);
--> statement-breakpoint
ALTER TABLE loan_campaigns ADD CONSTRAINT loan_campaigns_id_org_key UNIQUE (id, organisation_id);
--> statement-breakpoint
ALTER TABLE households ADD CONSTRAINT households_school_org_fk FOREIGN KEY (school_id, organisation_id) REFERENCES schools (id, organisation_id);
--> statement-breakpoint
ALTER TABLE household_contacts ADD CONSTRAINT household_contacts_household_org_fk FOREIGN KEY (household_id, organisation_id) REFERENCES households (id, organisation_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE pupils ADD CONSTRAINT pupils_household_org_fk FOREIGN KEY (household_id, organisation_id) REFERENCES households (id, organisation_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE loan_requests ADD CONSTRAINT loan_requests_school_org_fk FOREIGN KEY (school_id, organisation_id) REFERENCES schools (id, organisation_id);
--> statement-breakpoint
ALTER TABLE loan_requests ADD CONSTRAINT loan_requests_household_org_fk FOREIGN KEY (household_id, organisation_id) REFERENCES households (id, organisation_id);
--> statement-breakpoint
ALTER TABLE loan_requests ADD CONSTRAINT loan_requests_category_org_fk FOREIGN KEY (category_id, organisation_id) REFERENCES asset_categories (id, organisation_id);
--> statement-breakpoint
ALTER TABLE loan_requests ADD CONSTRAINT loan_requests_reason_fk FOREIGN KEY (organisation_id, reason_code) REFERENCES eligibility_reasons (organisation_id, code);
--> statement-breakpoint
ALTER TABLE loans ADD CONSTRAINT loans_request_org_fk FOREIGN KEY (request_id, organisation_id) REFERENCES loan_requests (id, organisation_id);
--> statement-breakpoint
ALTER TABLE loans ADD CONSTRAINT loans_household_org_fk FOREIGN KEY (household_id, organisation_id) REFERENCES households (id, organisation_id);
--> statement-breakpoint
ALTER TABLE loans ADD CONSTRAINT loans_school_org_fk FOREIGN KEY (school_id, organisation_id) REFERENCES schools (id, organisation_id);
--> statement-breakpoint
ALTER TABLE loan_items ADD CONSTRAINT loan_items_loan_org_fk FOREIGN KEY (loan_id, organisation_id) REFERENCES loans (id, organisation_id);
--> statement-breakpoint
ALTER TABLE loan_items ADD CONSTRAINT loan_items_asset_org_fk FOREIGN KEY (asset_id, organisation_id) REFERENCES assets (id, organisation_id);
--> statement-breakpoint
ALTER TABLE loan_incidents ADD CONSTRAINT loan_incidents_loan_org_fk FOREIGN KEY (loan_id, organisation_id) REFERENCES loans (id, organisation_id);
--> statement-breakpoint
ALTER TABLE loan_reminders ADD CONSTRAINT loan_reminders_loan_org_fk FOREIGN KEY (loan_id, organisation_id) REFERENCES loans (id, organisation_id);
--> statement-breakpoint
SELECT socle_enable_tenancy('households', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('household_contacts', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('pupils', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('eligibility_reasons', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('loan_campaigns', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('loan_requests', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('loans', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('loan_items', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('loan_incidents', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('loan_reminders', 'organisation_id');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON households, household_contacts, pupils, eligibility_reasons, loan_campaigns,
  loan_requests, loans, loan_items, loan_incidents, loan_reminders TO socle_app;
--> statement-breakpoint
ALTER TABLE platform_secrets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE platform_secrets FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY owner_all ON platform_secrets TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
--> statement-breakpoint
-- The family page has no account and no organisation before its link is
-- checked: this lookup (by the loan id carried in the link) is the only
-- cross-tenant read it makes; the link's signature is verified with the
-- returned nonce before anything else is read.
CREATE FUNCTION socle_public_loan(p_loan_id uuid)
  RETURNS TABLE (organisation_id uuid, link_nonce text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT l.organisation_id, l.link_nonce FROM loans l WHERE l.id = p_loan_id $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION socle_public_loan(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION socle_public_loan(uuid) TO socle_app;
