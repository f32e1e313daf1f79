-- Why: programme and co-funding, stage 1 (issue #6; DOMAIN.md §6).
-- A programme (operation) with its schools in scope and its cost items
-- ("postes", each with a planned budget HT); funders and one convention per
-- funder and programme (rate rule as JSON, caps, advance, instalment cap,
-- own-share minimum, publicity obligations, rank = the order funders are
-- spread in); suppliers (SIRET, unique per organisation); expense lines
-- (invoice amounts HT/VAT/TTC with HT + VAT = TTC, payment, eligibility and
-- eligible amount, split over schools). Money is bigint cents HT; rates are
-- basis points. Links never cross organisations (composite foreign keys);
-- every table is a tenant table with RLS forced.
CREATE TABLE "funding_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"archive_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_programmes_name_check" CHECK (length("name") between 1 and 300),
	CONSTRAINT "funding_programmes_period_check" CHECK ("period_end" >= "period_start"),
	CONSTRAINT "funding_programmes_archive_check" CHECK ("archive_until" IS NULL OR "archive_until" >= "period_end"),
	CONSTRAINT "funding_programmes_id_org_key" UNIQUE ("id", "organisation_id")
);
--> statement-breakpoint
CREATE TABLE "funding_programme_schools" (
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	CONSTRAINT "funding_programme_schools_pk" PRIMARY KEY ("programme_id", "school_id"),
	CONSTRAINT "funding_programme_schools_programme_fk" FOREIGN KEY ("programme_id", "organisation_id") REFERENCES "funding_programmes" ("id", "organisation_id") ON DELETE CASCADE,
	CONSTRAINT "funding_programme_schools_school_fk" FOREIGN KEY ("school_id", "organisation_id") REFERENCES "schools" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE TABLE "funding_cost_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"budget_cents" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_cost_items_kind_check" CHECK ("kind" in ('equipment','infrastructure_works','services_resources','training','communication','other')),
	CONSTRAINT "funding_cost_items_code_check" CHECK ("code" ~ '^[A-Za-z0-9_.-]{1,20}$'),
	CONSTRAINT "funding_cost_items_budget_check" CHECK ("budget_cents" >= 0),
	CONSTRAINT "funding_cost_items_id_org_key" UNIQUE ("id", "organisation_id"),
	CONSTRAINT "funding_cost_items_id_programme_key" UNIQUE ("id", "programme_id"),
	CONSTRAINT "funding_cost_items_code_key" UNIQUE ("programme_id", "code"),
	CONSTRAINT "funding_cost_items_programme_fk" FOREIGN KEY ("programme_id", "organisation_id") REFERENCES "funding_programmes" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE TABLE "funders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funders_kind_check" CHECK ("kind" in ('eu_feder','eu_react','state_snee','state_dsil','departement','region','own_funds','other')),
	CONSTRAINT "funders_name_check" CHECK (length("name") between 1 and 200),
	CONSTRAINT "funders_id_org_key" UNIQUE ("id", "organisation_id")
);
--> statement-breakpoint
CREATE TABLE "funding_conventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"funder_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"signed_on" date,
	"eligible_from" date,
	"eligible_to" date,
	"eligible_cost_item_ids" uuid[],
	"rate_rule" jsonb NOT NULL,
	"cap_total_cents" bigint,
	"cap_per_class_cents" bigint,
	"cap_per_pupil_cents" bigint,
	"cap_per_school_cents" bigint,
	"advance_cents" bigint DEFAULT 0 NOT NULL,
	"instalment_cap_bp" integer DEFAULT 8000 NOT NULL,
	"own_share_min_bp" integer DEFAULT 2000 NOT NULL,
	"publicity_text" text DEFAULT '' NOT NULL,
	"publicity_flags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rank" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_conventions_window_check" CHECK ("eligible_from" IS NULL OR "eligible_to" IS NULL OR "eligible_to" >= "eligible_from"),
	CONSTRAINT "funding_conventions_caps_check" CHECK (coalesce("cap_total_cents", 0) >= 0 AND coalesce("cap_per_class_cents", 0) >= 0 AND coalesce("cap_per_pupil_cents", 0) >= 0 AND coalesce("cap_per_school_cents", 0) >= 0 AND "advance_cents" >= 0),
	CONSTRAINT "funding_conventions_bp_check" CHECK ("instalment_cap_bp" between 0 and 10000 AND "own_share_min_bp" between 0 and 10000),
	CONSTRAINT "funding_conventions_rule_check" CHECK (jsonb_typeof("rate_rule") = 'object' AND "rate_rule" ->> 'kind' in ('flat','tiered')),
	CONSTRAINT "funding_conventions_rank_check" CHECK ("rank" >= 1),
	CONSTRAINT "funding_conventions_funder_key" UNIQUE ("programme_id", "funder_id"),
	CONSTRAINT "funding_conventions_rank_key" UNIQUE ("programme_id", "rank"),
	CONSTRAINT "funding_conventions_programme_fk" FOREIGN KEY ("programme_id", "organisation_id") REFERENCES "funding_programmes" ("id", "organisation_id"),
	CONSTRAINT "funding_conventions_funder_fk" FOREIGN KEY ("funder_id", "organisation_id") REFERENCES "funders" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"name" text NOT NULL,
	"siret" text NOT NULL,
	"generated" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suppliers_siret_check" CHECK ("siret" ~ '^[0-9]{14}$'),
	CONSTRAINT "suppliers_name_check" CHECK (length("name") between 1 and 200),
	CONSTRAINT "suppliers_siret_key" UNIQUE ("organisation_id", "siret"),
	CONSTRAINT "suppliers_id_org_key" UNIQUE ("id", "organisation_id")
);
--> statement-breakpoint
CREATE TABLE "funding_expense_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"cost_item_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"invoice_number" text NOT NULL,
	"invoice_date" date NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"ht_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	"ttc_cents" bigint NOT NULL,
	"paid_on" date,
	"mandate_number" text,
	"eligibility" text DEFAULT 'eligible' NOT NULL,
	"eligible_cents" bigint NOT NULL,
	"eligibility_reason" text,
	"generated" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_expense_lines_amounts_check" CHECK ("ht_cents" >= 0 AND "vat_cents" >= 0 AND "ht_cents" + "vat_cents" = "ttc_cents"),
	CONSTRAINT "funding_expense_lines_eligibility_check" CHECK (
		("eligibility" = 'eligible' AND "eligible_cents" = "ht_cents")
		OR ("eligibility" = 'partly' AND "eligible_cents" >= 0 AND "eligible_cents" < "ht_cents" AND "eligibility_reason" IS NOT NULL)
		OR ("eligibility" = 'not_eligible' AND "eligible_cents" = 0 AND "eligibility_reason" IS NOT NULL)),
	CONSTRAINT "funding_expense_lines_id_org_key" UNIQUE ("id", "organisation_id"),
	CONSTRAINT "funding_expense_lines_programme_fk" FOREIGN KEY ("programme_id", "organisation_id") REFERENCES "funding_programmes" ("id", "organisation_id"),
	CONSTRAINT "funding_expense_lines_cost_item_fk" FOREIGN KEY ("cost_item_id", "organisation_id") REFERENCES "funding_cost_items" ("id", "organisation_id"),
	CONSTRAINT "funding_expense_lines_cost_item_programme_fk" FOREIGN KEY ("cost_item_id", "programme_id") REFERENCES "funding_cost_items" ("id", "programme_id"),
	CONSTRAINT "funding_expense_lines_supplier_fk" FOREIGN KEY ("supplier_id", "organisation_id") REFERENCES "suppliers" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE TABLE "funding_expense_line_schools" (
	"organisation_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "funding_expense_line_schools_pk" PRIMARY KEY ("line_id", "school_id"),
	CONSTRAINT "funding_expense_line_schools_amount_check" CHECK ("amount_cents" >= 0),
	CONSTRAINT "funding_expense_line_schools_line_fk" FOREIGN KEY ("line_id", "organisation_id") REFERENCES "funding_expense_lines" ("id", "organisation_id") ON DELETE CASCADE,
	CONSTRAINT "funding_expense_line_schools_school_fk" FOREIGN KEY ("school_id", "organisation_id") REFERENCES "schools" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE INDEX "funding_programmes_org_idx" ON "funding_programmes" USING btree ("organisation_id", "period_start");
--> statement-breakpoint
CREATE INDEX "funding_programme_schools_school_idx" ON "funding_programme_schools" USING btree ("school_id");
--> statement-breakpoint
CREATE INDEX "funding_conventions_funder_idx" ON "funding_conventions" USING btree ("funder_id");
--> statement-breakpoint
CREATE INDEX "funding_expense_lines_programme_idx" ON "funding_expense_lines" USING btree ("programme_id", "cost_item_id", "invoice_date");
--> statement-breakpoint
CREATE INDEX "funding_expense_lines_supplier_idx" ON "funding_expense_lines" USING btree ("supplier_id");
--> statement-breakpoint
CREATE INDEX "funding_expense_line_schools_school_idx" ON "funding_expense_line_schools" USING btree ("school_id");
--> statement-breakpoint
SELECT socle_enable_tenancy('funding_programmes', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('funding_programme_schools', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('funding_cost_items', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('funders', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('funding_conventions', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('suppliers', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('funding_expense_lines', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('funding_expense_line_schools', 'organisation_id');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON funding_programmes, funding_programme_schools, funding_cost_items, funders,
  funding_conventions, suppliers, funding_expense_lines, funding_expense_line_schools TO socle_app;
