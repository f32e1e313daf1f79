-- Why: the socle numérique (issue #7) and the digital services it counts
-- (issue #8 point 4, built here as the first consumer). A référentiel grid is
-- versioned: every save is a new immutable version, the highest one is the
-- grid in force, older versions stay readable for the history. Compliance is
-- computed live from assets, network facts, subscriptions and training, so
-- nothing here stores a status — only the managers' justified overrides, the
-- catalogue's reference prices that price the gaps, and saved plans.
ALTER TABLE "asset_categories" ADD COLUMN "reference_price_cents" bigint;
--> statement-breakpoint
ALTER TABLE "asset_categories" ADD COLUMN "install_cost_cents" bigint;
--> statement-breakpoint
ALTER TABLE "asset_categories" ADD CONSTRAINT "asset_categories_prices_check"
  CHECK (coalesce("reference_price_cents", 0) >= 0 AND coalesce("install_cost_cents", 0) >= 0);
--> statement-breakpoint
CREATE TABLE "digital_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"supplier_id" uuid,
	"description" text DEFAULT '' NOT NULL,
	"pricing" text DEFAULT 'per_school' NOT NULL,
	"unit_price_cents" bigint,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digital_services_name_check" CHECK (length("name") between 1 and 200),
	CONSTRAINT "digital_services_kind_check" CHECK ("kind" in ('ent','cloud','school_server','resources','software','mdm','filtering','other')),
	CONSTRAINT "digital_services_pricing_check" CHECK ("pricing" in ('per_school','per_pupil','per_seat')),
	CONSTRAINT "digital_services_price_check" CHECK (coalesce("unit_price_cents", 0) >= 0),
	CONSTRAINT "digital_services_id_org_key" UNIQUE ("id", "organisation_id"),
	CONSTRAINT "digital_services_supplier_fk" FOREIGN KEY ("supplier_id", "organisation_id") REFERENCES "suppliers" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "digital_services_org_name_key" ON "digital_services" USING btree ("organisation_id", lower("name"));
--> statement-breakpoint
CREATE TABLE "school_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"school_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"seats" integer,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"yearly_cost_cents" bigint,
	"contract_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_subscriptions_dates_check" CHECK ("ends_on" IS NULL OR "ends_on" >= "starts_on"),
	CONSTRAINT "school_subscriptions_seats_check" CHECK ("seats" IS NULL OR "seats" > 0),
	CONSTRAINT "school_subscriptions_cost_check" CHECK (coalesce("yearly_cost_cents", 0) >= 0),
	CONSTRAINT "school_subscriptions_school_fk" FOREIGN KEY ("school_id", "organisation_id") REFERENCES "schools" ("id", "organisation_id"),
	CONSTRAINT "school_subscriptions_service_fk" FOREIGN KEY ("service_id", "organisation_id") REFERENCES "digital_services" ("id", "organisation_id"),
	CONSTRAINT "school_subscriptions_contract_fk" FOREIGN KEY ("contract_id", "organisation_id") REFERENCES "contracts" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE INDEX "school_subscriptions_school_idx" ON "school_subscriptions" USING btree ("school_id", "starts_on");
--> statement-breakpoint
CREATE INDEX "school_subscriptions_service_idx" ON "school_subscriptions" USING btree ("service_id");
--> statement-breakpoint
CREATE TABLE "baseline_grids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"preset" text,
	"school_kinds" text[] NOT NULL,
	"criteria" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "baseline_grids_version_check" CHECK ("version" >= 1),
	CONSTRAINT "baseline_grids_name_check" CHECK (length("name") between 1 and 200),
	CONSTRAINT "baseline_grids_criteria_check" CHECK (jsonb_typeof("criteria") = 'array'),
	CONSTRAINT "baseline_grids_kinds_check" CHECK ("school_kinds" <@ array['maternelle','elementaire','primaire','application']::text[])
);
--> statement-breakpoint
CREATE UNIQUE INDEX "baseline_grids_org_version_key" ON "baseline_grids" USING btree ("organisation_id", "version");
--> statement-breakpoint
CREATE TABLE "baseline_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"school_id" uuid NOT NULL,
	"class_id" uuid,
	"criterion_key" text NOT NULL,
	"status" text NOT NULL,
	"justification" text NOT NULL,
	"evidence" text NOT NULL,
	"expires_on" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "baseline_overrides_status_check" CHECK ("status" in ('met','partly','missing')),
	CONSTRAINT "baseline_overrides_key_check" CHECK ("criterion_key" ~ '^[a-z0-9_]{2,40}$'),
	CONSTRAINT "baseline_overrides_text_check" CHECK (length(btrim("justification")) between 3 and 2000 AND length(btrim("evidence")) between 3 and 1000),
	CONSTRAINT "baseline_overrides_school_fk" FOREIGN KEY ("school_id", "organisation_id") REFERENCES "schools" ("id", "organisation_id"),
	CONSTRAINT "baseline_overrides_class_fk" FOREIGN KEY ("class_id") REFERENCES "classes" ("id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE UNIQUE INDEX "baseline_overrides_target_key" ON "baseline_overrides" USING btree
  ("school_id", coalesce("class_id", '00000000-0000-0000-0000-000000000000'::uuid), "criterion_key");
--> statement-breakpoint
CREATE TABLE "baseline_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"name" text NOT NULL,
	"grid_version" integer NOT NULL,
	"params" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "baseline_plans_name_check" CHECK (length("name") between 1 and 200)
);
--> statement-breakpoint
CREATE INDEX "baseline_plans_org_idx" ON "baseline_plans" USING btree ("organisation_id", "created_at");
--> statement-breakpoint
SELECT socle_enable_tenancy('digital_services', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('school_subscriptions', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('baseline_grids', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('baseline_overrides', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('baseline_plans', 'organisation_id');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON digital_services, school_subscriptions, baseline_overrides, baseline_plans TO socle_app;
--> statement-breakpoint
-- Grid versions are immutable: saved, never edited or deleted.
GRANT SELECT, INSERT ON baseline_grids TO socle_app;
