-- Why: programme and co-funding, stage 2 (issue #6; DOMAIN.md §6).
-- Procurement: contracts (marchés, with lots, ceiling, UGAP flag), purchase
-- orders and their lines (catalogue model, quantity, unit price HT, VAT rate,
-- destination school), deliveries receiving order lines (the assets they
-- create point back to the order line and the delivery), invoices and their
-- lines matched to order lines; an expense line may now come from one
-- invoice line (at most one expense line per invoice line).
-- Payment claims to a funder (advance, instalment, final; draft → submitted →
-- checked → paid) and their lines: UNIQUE (convention, expense line) is the
-- database's guarantee that a line is never claimed twice to one funder.
-- Indicators (computed or entered, with targets) and the publicity checklist
-- per programme. Stored per-line shares (recomputed when the programme's
-- lines or conventions change) so the budget view reads sums, not a
-- re-allocation. Money is bigint cents HT; rates basis points; links never
-- cross organisations (composite foreign keys); tenant tables, RLS forced.
ALTER TABLE "funding_programmes" ADD COLUMN "completed_on" date;
--> statement-breakpoint
ALTER TABLE "funding_programmes" ADD COLUMN "shares_stale" boolean DEFAULT true NOT NULL;
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"supplier_id" uuid,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"procedure" text NOT NULL,
	"notified_on" date,
	"starts_on" date,
	"ends_on" date,
	"lots" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ceiling_cents" bigint,
	"ugap" boolean DEFAULT false NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"generated" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_reference_check" CHECK (length("reference") between 1 and 100),
	CONSTRAINT "contracts_title_check" CHECK (length("title") between 1 and 300),
	CONSTRAINT "contracts_procedure_check" CHECK ("procedure" in ('appel_offres_ouvert','appel_offres_restreint','procedure_adaptee','procedure_negociee','accord_cadre','marche_subsequent','ugap','sans_publicite','other')),
	CONSTRAINT "contracts_dates_check" CHECK ("starts_on" IS NULL OR "ends_on" IS NULL OR "ends_on" >= "starts_on"),
	CONSTRAINT "contracts_ceiling_check" CHECK (coalesce("ceiling_cents", 0) >= 0),
	CONSTRAINT "contracts_lots_check" CHECK (jsonb_typeof("lots") = 'array'),
	CONSTRAINT "contracts_reference_key" UNIQUE ("organisation_id", "reference"),
	CONSTRAINT "contracts_id_org_key" UNIQUE ("id", "organisation_id"),
	CONSTRAINT "contracts_supplier_fk" FOREIGN KEY ("supplier_id", "organisation_id") REFERENCES "suppliers" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE TABLE "purchase_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"number" text NOT NULL,
	"supplier_id" uuid NOT NULL,
	"contract_id" uuid,
	"lot_number" integer,
	"programme_id" uuid,
	"cost_item_id" uuid,
	"ordered_on" date NOT NULL,
	"expected_on" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"generated" boolean DEFAULT false NOT NULL,
	"created_by" uuid REFERENCES "users"("id"),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_orders_number_check" CHECK (length("number") between 1 and 50),
	CONSTRAINT "purchase_orders_status_check" CHECK ("status" in ('draft','ordered','partly_received','received','cancelled')),
	CONSTRAINT "purchase_orders_number_key" UNIQUE ("organisation_id", "number"),
	CONSTRAINT "purchase_orders_id_org_key" UNIQUE ("id", "organisation_id"),
	CONSTRAINT "purchase_orders_supplier_fk" FOREIGN KEY ("supplier_id", "organisation_id") REFERENCES "suppliers" ("id", "organisation_id"),
	CONSTRAINT "purchase_orders_contract_fk" FOREIGN KEY ("contract_id", "organisation_id") REFERENCES "contracts" ("id", "organisation_id"),
	CONSTRAINT "purchase_orders_programme_fk" FOREIGN KEY ("programme_id", "organisation_id") REFERENCES "funding_programmes" ("id", "organisation_id"),
	CONSTRAINT "purchase_orders_cost_item_fk" FOREIGN KEY ("cost_item_id", "programme_id") REFERENCES "funding_cost_items" ("id", "programme_id")
);
--> statement-breakpoint
CREATE TABLE "purchase_order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"model_id" uuid REFERENCES "asset_models"("id"),
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"vat_rate_bp" integer DEFAULT 2000 NOT NULL,
	"ht_cents" bigint NOT NULL,
	"school_id" uuid,
	"cost_item_id" uuid,
	"received_quantity" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "purchase_order_lines_description_check" CHECK (length("description") between 1 and 1000),
	CONSTRAINT "purchase_order_lines_amounts_check" CHECK ("quantity" > 0 AND "unit_price_cents" >= 0 AND "ht_cents" = "quantity" * "unit_price_cents"),
	CONSTRAINT "purchase_order_lines_vat_check" CHECK ("vat_rate_bp" between 0 and 10000),
	CONSTRAINT "purchase_order_lines_received_check" CHECK ("received_quantity" between 0 and "quantity"),
	CONSTRAINT "purchase_order_lines_id_org_key" UNIQUE ("id", "organisation_id"),
	CONSTRAINT "purchase_order_lines_order_fk" FOREIGN KEY ("order_id", "organisation_id") REFERENCES "purchase_orders" ("id", "organisation_id") ON DELETE CASCADE,
	CONSTRAINT "purchase_order_lines_school_fk" FOREIGN KEY ("school_id", "organisation_id") REFERENCES "schools" ("id", "organisation_id"),
	CONSTRAINT "purchase_order_lines_cost_item_fk" FOREIGN KEY ("cost_item_id", "organisation_id") REFERENCES "funding_cost_items" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"note_ref" text,
	"stock_location_id" uuid REFERENCES "stock_locations"("id"),
	"received_by" uuid REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_note_check" CHECK ("note_ref" IS NULL OR length("note_ref") <= 100),
	CONSTRAINT "deliveries_id_org_key" UNIQUE ("id", "organisation_id"),
	CONSTRAINT "deliveries_order_fk" FOREIGN KEY ("order_id", "organisation_id") REFERENCES "purchase_orders" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE TABLE "delivery_lines" (
	"organisation_id" uuid NOT NULL,
	"delivery_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "delivery_lines_pk" PRIMARY KEY ("delivery_id", "order_line_id"),
	CONSTRAINT "delivery_lines_quantity_check" CHECK ("quantity" > 0),
	CONSTRAINT "delivery_lines_delivery_fk" FOREIGN KEY ("delivery_id", "organisation_id") REFERENCES "deliveries" ("id", "organisation_id") ON DELETE CASCADE,
	CONSTRAINT "delivery_lines_order_line_fk" FOREIGN KEY ("order_line_id", "organisation_id") REFERENCES "purchase_order_lines" ("id", "organisation_id")
);
--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "order_line_id" uuid REFERENCES "purchase_order_lines"("id");
--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "delivery_id" uuid REFERENCES "deliveries"("id");
--> statement-breakpoint
CREATE INDEX "assets_order_line_idx" ON "assets" USING btree ("order_line_id") WHERE "order_line_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "assets_delivery_idx" ON "assets" USING btree ("delivery_id") WHERE "delivery_id" IS NOT NULL;
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"supplier_id" uuid NOT NULL,
	"order_id" uuid,
	"number" text NOT NULL,
	"invoice_date" date NOT NULL,
	"ht_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	"ttc_cents" bigint NOT NULL,
	"paid_on" date,
	"mandate_number" text,
	"file_id" uuid REFERENCES "files"("id"),
	"notes" text DEFAULT '' NOT NULL,
	"generated" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_number_check" CHECK (length("number") between 1 and 100),
	CONSTRAINT "invoices_amounts_check" CHECK ("ht_cents" >= 0 AND "vat_cents" >= 0 AND "ht_cents" + "vat_cents" = "ttc_cents"),
	CONSTRAINT "invoices_mandate_check" CHECK ("mandate_number" IS NULL OR length("mandate_number") <= 100),
	CONSTRAINT "invoices_number_key" UNIQUE ("organisation_id", "supplier_id", "number"),
	CONSTRAINT "invoices_id_org_key" UNIQUE ("id", "organisation_id"),
	CONSTRAINT "invoices_supplier_fk" FOREIGN KEY ("supplier_id", "organisation_id") REFERENCES "suppliers" ("id", "organisation_id"),
	CONSTRAINT "invoices_order_fk" FOREIGN KEY ("order_id", "organisation_id") REFERENCES "purchase_orders" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"order_line_id" uuid,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"vat_rate_bp" integer DEFAULT 2000 NOT NULL,
	"ht_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	CONSTRAINT "invoice_lines_description_check" CHECK (length("description") between 1 and 1000),
	CONSTRAINT "invoice_lines_amounts_check" CHECK ("quantity" > 0 AND "unit_price_cents" >= 0 AND "ht_cents" = "quantity" * "unit_price_cents" AND "vat_cents" >= 0),
	CONSTRAINT "invoice_lines_vat_check" CHECK ("vat_rate_bp" between 0 and 10000),
	CONSTRAINT "invoice_lines_id_org_key" UNIQUE ("id", "organisation_id"),
	CONSTRAINT "invoice_lines_invoice_fk" FOREIGN KEY ("invoice_id", "organisation_id") REFERENCES "invoices" ("id", "organisation_id") ON DELETE CASCADE,
	CONSTRAINT "invoice_lines_order_line_fk" FOREIGN KEY ("order_line_id", "organisation_id") REFERENCES "purchase_order_lines" ("id", "organisation_id")
);
--> statement-breakpoint
ALTER TABLE "funding_expense_lines" ADD COLUMN "invoice_id" uuid;
--> statement-breakpoint
ALTER TABLE "funding_expense_lines" ADD COLUMN "invoice_line_id" uuid;
--> statement-breakpoint
ALTER TABLE "funding_expense_lines" ADD CONSTRAINT "funding_expense_lines_invoice_fk" FOREIGN KEY ("invoice_id", "organisation_id") REFERENCES "invoices" ("id", "organisation_id");
--> statement-breakpoint
ALTER TABLE "funding_expense_lines" ADD CONSTRAINT "funding_expense_lines_invoice_line_fk" FOREIGN KEY ("invoice_line_id", "organisation_id") REFERENCES "invoice_lines" ("id", "organisation_id");
--> statement-breakpoint
ALTER TABLE "funding_expense_lines" ADD CONSTRAINT "funding_expense_lines_invoice_line_key" UNIQUE ("invoice_line_id");
--> statement-breakpoint
ALTER TABLE "funding_expense_lines" ADD CONSTRAINT "funding_expense_lines_invoice_line_needs_invoice" CHECK ("invoice_line_id" IS NULL OR "invoice_id" IS NOT NULL);
--> statement-breakpoint
CREATE TABLE "funding_line_shares" (
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"convention_id" uuid NOT NULL,
	"cents" bigint NOT NULL,
	CONSTRAINT "funding_line_shares_pk" PRIMARY KEY ("line_id", "convention_id"),
	CONSTRAINT "funding_line_shares_cents_check" CHECK ("cents" >= 0),
	CONSTRAINT "funding_line_shares_line_fk" FOREIGN KEY ("line_id", "organisation_id") REFERENCES "funding_expense_lines" ("id", "organisation_id") ON DELETE CASCADE,
	CONSTRAINT "funding_line_shares_programme_fk" FOREIGN KEY ("programme_id", "organisation_id") REFERENCES "funding_programmes" ("id", "organisation_id") ON DELETE CASCADE
);
--> statement-breakpoint
ALTER TABLE "funding_conventions" ADD CONSTRAINT "funding_conventions_id_org_key" UNIQUE ("id", "organisation_id");
--> statement-breakpoint
ALTER TABLE "funding_line_shares" ADD CONSTRAINT "funding_line_shares_convention_fk" FOREIGN KEY ("convention_id", "organisation_id") REFERENCES "funding_conventions" ("id", "organisation_id") ON DELETE CASCADE;
--> statement-breakpoint
CREATE TABLE "funding_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"convention_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"period_from" date,
	"period_to" date,
	"eligible_cents" bigint DEFAULT 0 NOT NULL,
	"claimed_cents" bigint DEFAULT 0 NOT NULL,
	"accepted_cents" bigint,
	"received_cents" bigint,
	"submitted_on" date,
	"checked_on" date,
	"received_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid REFERENCES "users"("id"),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_claims_kind_check" CHECK ("kind" in ('advance','instalment','final')),
	CONSTRAINT "funding_claims_status_check" CHECK ("status" in ('draft','submitted','checked','paid')),
	CONSTRAINT "funding_claims_period_check" CHECK ("period_from" IS NULL OR "period_to" IS NULL OR "period_to" >= "period_from"),
	CONSTRAINT "funding_claims_amounts_check" CHECK ("eligible_cents" >= 0 AND "claimed_cents" >= 0 AND coalesce("accepted_cents", 0) >= 0 AND coalesce("received_cents", 0) >= 0),
	CONSTRAINT "funding_claims_number_key" UNIQUE ("convention_id", "number"),
	CONSTRAINT "funding_claims_id_org_key" UNIQUE ("id", "organisation_id"),
	CONSTRAINT "funding_claims_id_convention_key" UNIQUE ("id", "convention_id"),
	CONSTRAINT "funding_claims_programme_fk" FOREIGN KEY ("programme_id", "organisation_id") REFERENCES "funding_programmes" ("id", "organisation_id"),
	CONSTRAINT "funding_claims_convention_fk" FOREIGN KEY ("convention_id", "organisation_id") REFERENCES "funding_conventions" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "funding_claims_one_final_key" ON "funding_claims" USING btree ("convention_id") WHERE "kind" = 'final';
--> statement-breakpoint
CREATE UNIQUE INDEX "funding_claims_one_advance_key" ON "funding_claims" USING btree ("convention_id") WHERE "kind" = 'advance';
--> statement-breakpoint
CREATE TABLE "funding_claim_lines" (
	"organisation_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"convention_id" uuid NOT NULL,
	"expense_line_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"eligible_cents" bigint NOT NULL,
	"aid_cents" bigint NOT NULL,
	"accepted_cents" bigint,
	"rejection_reason" text,
	CONSTRAINT "funding_claim_lines_pk" PRIMARY KEY ("claim_id", "expense_line_id"),
	CONSTRAINT "funding_claim_lines_once_per_funder_key" UNIQUE ("convention_id", "expense_line_id"),
	CONSTRAINT "funding_claim_lines_amounts_check" CHECK ("eligible_cents" >= 0 AND "aid_cents" >= 0 AND "aid_cents" <= "eligible_cents" AND ("accepted_cents" IS NULL OR "accepted_cents" between 0 AND "aid_cents")),
	CONSTRAINT "funding_claim_lines_reason_check" CHECK ("accepted_cents" IS NULL OR "accepted_cents" = "aid_cents" OR "rejection_reason" IS NOT NULL),
	CONSTRAINT "funding_claim_lines_claim_fk" FOREIGN KEY ("claim_id", "convention_id") REFERENCES "funding_claims" ("id", "convention_id") ON DELETE CASCADE,
	CONSTRAINT "funding_claim_lines_claim_org_fk" FOREIGN KEY ("claim_id", "organisation_id") REFERENCES "funding_claims" ("id", "organisation_id") ON DELETE CASCADE,
	CONSTRAINT "funding_claim_lines_line_fk" FOREIGN KEY ("expense_line_id", "organisation_id") REFERENCES "funding_expense_lines" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE TABLE "funding_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"convention_id" uuid,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"baseline" bigint DEFAULT 0 NOT NULL,
	"target" bigint NOT NULL,
	"manual_value" bigint,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_indicators_code_check" CHECK ("code" ~ '^[A-Za-z0-9_.-]{1,30}$'),
	CONSTRAINT "funding_indicators_label_check" CHECK (length("label") between 1 and 300),
	CONSTRAINT "funding_indicators_source_check" CHECK ("source" in ('schools_equipped','classes_equipped','devices_deployed','pupils_covered','teachers_trained','co35_capacity','manual')),
	CONSTRAINT "funding_indicators_values_check" CHECK ("target" >= 0 AND "baseline" >= 0 AND coalesce("manual_value", 0) >= 0),
	CONSTRAINT "funding_indicators_code_key" UNIQUE ("programme_id", "code"),
	CONSTRAINT "funding_indicators_programme_fk" FOREIGN KEY ("programme_id", "organisation_id") REFERENCES "funding_programmes" ("id", "organisation_id") ON DELETE CASCADE,
	CONSTRAINT "funding_indicators_convention_fk" FOREIGN KEY ("convention_id", "organisation_id") REFERENCES "funding_conventions" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE TABLE "funding_publicity_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"due_on" date,
	"done_on" date,
	"evidence_file_id" uuid REFERENCES "files"("id"),
	"evidence_url" text,
	"notes" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_publicity_items_kind_check" CHECK ("kind" in ('website_description','a3_poster','permanent_plaque','billboard','communication','other')),
	CONSTRAINT "funding_publicity_items_label_check" CHECK (length("label") between 1 and 300),
	CONSTRAINT "funding_publicity_items_url_check" CHECK ("evidence_url" IS NULL OR "evidence_url" ~ '^https?://'),
	CONSTRAINT "funding_publicity_items_programme_fk" FOREIGN KEY ("programme_id", "organisation_id") REFERENCES "funding_programmes" ("id", "organisation_id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "contracts_supplier_idx" ON "contracts" USING btree ("supplier_id");
--> statement-breakpoint
CREATE INDEX "purchase_orders_org_idx" ON "purchase_orders" USING btree ("organisation_id", "ordered_on");
--> statement-breakpoint
CREATE INDEX "purchase_orders_programme_idx" ON "purchase_orders" USING btree ("programme_id");
--> statement-breakpoint
CREATE INDEX "purchase_orders_supplier_idx" ON "purchase_orders" USING btree ("supplier_id");
--> statement-breakpoint
CREATE INDEX "purchase_order_lines_order_idx" ON "purchase_order_lines" USING btree ("order_id", "position");
--> statement-breakpoint
CREATE INDEX "deliveries_order_idx" ON "deliveries" USING btree ("order_id");
--> statement-breakpoint
CREATE INDEX "delivery_lines_order_line_idx" ON "delivery_lines" USING btree ("order_line_id");
--> statement-breakpoint
CREATE INDEX "invoices_org_idx" ON "invoices" USING btree ("organisation_id", "invoice_date");
--> statement-breakpoint
CREATE INDEX "invoices_order_idx" ON "invoices" USING btree ("order_id");
--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("invoice_id", "position");
--> statement-breakpoint
CREATE INDEX "invoice_lines_order_line_idx" ON "invoice_lines" USING btree ("order_line_id");
--> statement-breakpoint
CREATE INDEX "funding_expense_lines_invoice_idx" ON "funding_expense_lines" USING btree ("invoice_id");
--> statement-breakpoint
CREATE INDEX "funding_line_shares_programme_idx" ON "funding_line_shares" USING btree ("programme_id", "convention_id");
--> statement-breakpoint
CREATE INDEX "funding_claims_programme_idx" ON "funding_claims" USING btree ("programme_id", "convention_id");
--> statement-breakpoint
CREATE INDEX "funding_claim_lines_line_idx" ON "funding_claim_lines" USING btree ("expense_line_id");
--> statement-breakpoint
SELECT socle_enable_tenancy('contracts', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('purchase_orders', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('purchase_order_lines', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('deliveries', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('delivery_lines', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('invoices', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('invoice_lines', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('funding_line_shares', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('funding_claims', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('funding_claim_lines', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('funding_indicators', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('funding_publicity_items', 'organisation_id');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON contracts, purchase_orders, purchase_order_lines, deliveries, delivery_lines,
  invoices, invoice_lines, funding_line_shares, funding_claims, funding_claim_lines, funding_indicators,
  funding_publicity_items TO socle_app;
