-- Why: the equipment inventory (issue "Equipment inventory and lifecycle"):
-- catalogue, assets with lifecycle status and location, asset events, stock
-- locations, tag counters and inventory rounds. The lifecycle state machine
-- of src/server/modules/inventory/rules.ts is copied into
-- asset_status_transitions and enforced by a trigger, the backstop of the
-- service's own check. Composite foreign keys keep every link inside one
-- organisation (and a room inside the asset's school).
CREATE TABLE "asset_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"role" text DEFAULT 'other' NOT NULL,
	"custom_fields_schema" jsonb,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_categories_code_check" CHECK ("asset_categories"."code" ~ '^[a-z0-9_]{2,40}$'),
	CONSTRAINT "asset_categories_role_check" CHECK (role in ('projection','teacher_computer','pupil_device','desktop','document_camera','network_ap','network_switch','server','printer','cart','hotspot','accessory','other'))
);
--> statement-breakpoint
CREATE TABLE "asset_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"from_location" jsonb,
	"to_location" jsonb,
	"note" text,
	"batch_id" uuid
);
--> statement-breakpoint
CREATE TABLE "asset_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"manufacturer_id" uuid,
	"name" text NOT NULL,
	"model_number" text,
	"specs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"unit_price_cents" bigint,
	"install_cost_cents" bigint,
	"expected_life_years" integer,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_models_price_check" CHECK (coalesce("asset_models"."unit_price_cents", 0) >= 0 and coalesce("asset_models"."install_cost_cents", 0) >= 0),
	CONSTRAINT "asset_models_life_check" CHECK ("asset_models"."expected_life_years" is null or "asset_models"."expected_life_years" between 1 and 50)
);
--> statement-breakpoint
CREATE TABLE "asset_status_transitions" (
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	CONSTRAINT "asset_status_transitions_from_status_to_status_pk" PRIMARY KEY("from_status","to_status")
);
--> statement-breakpoint
CREATE TABLE "asset_tag_counters" (
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"next" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "asset_tag_counters_organisation_id_year_pk" PRIMARY KEY("organisation_id","year")
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"serial" text,
	"model_id" uuid NOT NULL,
	"status" text NOT NULL,
	"school_id" uuid,
	"room_id" uuid,
	"class_id" uuid,
	"cart_id" uuid,
	"stock_location_id" uuid,
	"previous_state" jsonb,
	"purchase_date" date,
	"purchase_price_cents" bigint,
	"supplier" text,
	"order_ref" text,
	"invoice_ref" text,
	"warranty_end" date,
	"mdm_enrolled" boolean DEFAULT false NOT NULL,
	"wifi_switchable_off" boolean,
	"notes" text,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"generated" boolean DEFAULT false NOT NULL,
	"last_audited_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assets_status_check" CHECK (status in ('ordered','in_stock','preparing','deployed','in_cart','on_loan','returned','in_repair','lost','stolen','retired','donated')),
	CONSTRAINT "assets_not_own_cart" CHECK ("assets"."cart_id" is null or "assets"."cart_id" <> "assets"."id"),
	CONSTRAINT "assets_cart_status" CHECK (("assets"."cart_id" is not null) = ("assets"."status" = 'in_cart')),
	CONSTRAINT "assets_price_check" CHECK (coalesce("assets"."purchase_price_cents", 0) >= 0),
	CONSTRAINT "assets_tag_check" CHECK (length("assets"."tag") between 1 and 64)
);
--> statement-breakpoint
CREATE TABLE "inventory_round_expected" (
	"round_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	CONSTRAINT "inventory_round_expected_round_id_asset_id_pk" PRIMARY KEY("round_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "inventory_round_scans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"asset_id" uuid,
	"scanned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"scanned_by" uuid
);
--> statement-breakpoint
CREATE TABLE "inventory_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scope_kind" text NOT NULL,
	"school_id" uuid,
	"room_id" uuid,
	"cart_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"corrections_applied_at" timestamp with time zone,
	"notes" text,
	CONSTRAINT "inventory_rounds_scope_check" CHECK ("inventory_rounds"."scope_kind" in ('school','room','cart')),
	CONSTRAINT "inventory_rounds_status_check" CHECK ("inventory_rounds"."status" in ('open','closed','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "manufacturers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'warehouse' NOT NULL,
	"school_id" uuid,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_locations_kind_check" CHECK ("stock_locations"."kind" in ('warehouse','technician','school_store'))
);
--> statement-breakpoint
ALTER TABLE "asset_categories" ADD CONSTRAINT "asset_categories_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_events" ADD CONSTRAINT "asset_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_events" ADD CONSTRAINT "asset_events_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_events" ADD CONSTRAINT "asset_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_models" ADD CONSTRAINT "asset_models_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_models" ADD CONSTRAINT "asset_models_category_id_asset_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."asset_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_models" ADD CONSTRAINT "asset_models_manufacturer_id_manufacturers_id_fk" FOREIGN KEY ("manufacturer_id") REFERENCES "public"."manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_tag_counters" ADD CONSTRAINT "asset_tag_counters_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_model_id_asset_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."asset_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_cart_id_assets_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_stock_location_id_stock_locations_id_fk" FOREIGN KEY ("stock_location_id") REFERENCES "public"."stock_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_round_expected" ADD CONSTRAINT "inventory_round_expected_round_id_inventory_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."inventory_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_round_expected" ADD CONSTRAINT "inventory_round_expected_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_round_expected" ADD CONSTRAINT "inventory_round_expected_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_round_scans" ADD CONSTRAINT "inventory_round_scans_round_id_inventory_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."inventory_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_round_scans" ADD CONSTRAINT "inventory_round_scans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_round_scans" ADD CONSTRAINT "inventory_round_scans_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_round_scans" ADD CONSTRAINT "inventory_round_scans_scanned_by_users_id_fk" FOREIGN KEY ("scanned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_rounds" ADD CONSTRAINT "inventory_rounds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_rounds" ADD CONSTRAINT "inventory_rounds_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_rounds" ADD CONSTRAINT "inventory_rounds_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_rounds" ADD CONSTRAINT "inventory_rounds_cart_id_assets_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_rounds" ADD CONSTRAINT "inventory_rounds_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_rounds" ADD CONSTRAINT "inventory_rounds_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manufacturers" ADD CONSTRAINT "manufacturers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_locations" ADD CONSTRAINT "stock_locations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_locations" ADD CONSTRAINT "stock_locations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "asset_categories_org_code_key" ON "asset_categories" USING btree ("organisation_id","code");--> statement-breakpoint
CREATE INDEX "asset_events_asset_idx" ON "asset_events" USING btree ("asset_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "asset_models_org_name_key" ON "asset_models" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "assets_org_tag_key" ON "assets" USING btree ("organisation_id","tag");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_model_serial_key" ON "assets" USING btree ("model_id","serial") WHERE "assets"."serial" is not null;--> statement-breakpoint
CREATE INDEX "assets_org_school_status_idx" ON "assets" USING btree ("organisation_id","school_id","status");--> statement-breakpoint
CREATE INDEX "assets_org_status_idx" ON "assets" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "assets_cart_idx" ON "assets" USING btree ("cart_id");--> statement-breakpoint
CREATE INDEX "assets_room_idx" ON "assets" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "assets_model_idx" ON "assets" USING btree ("model_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_round_scans_round_tag_key" ON "inventory_round_scans" USING btree ("round_id","tag");--> statement-breakpoint
CREATE INDEX "inventory_rounds_org_idx" ON "inventory_rounds" USING btree ("organisation_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "manufacturers_org_name_key" ON "manufacturers" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "stock_locations_org_name_key" ON "stock_locations" USING btree ("organisation_id","name");--> statement-breakpoint
INSERT INTO asset_status_transitions (from_status, to_status) VALUES
  ('ordered','in_stock'),
  ('ordered','in_repair'),
  ('ordered','lost'),
  ('ordered','stolen'),
  ('ordered','retired'),
  ('ordered','donated'),
  ('in_stock','preparing'),
  ('in_stock','in_repair'),
  ('in_stock','lost'),
  ('in_stock','stolen'),
  ('in_stock','retired'),
  ('in_stock','donated'),
  ('preparing','deployed'),
  ('preparing','in_cart'),
  ('preparing','in_stock'),
  ('preparing','in_repair'),
  ('preparing','lost'),
  ('preparing','stolen'),
  ('preparing','retired'),
  ('preparing','donated'),
  ('deployed','in_cart'),
  ('deployed','on_loan'),
  ('deployed','in_stock'),
  ('deployed','in_repair'),
  ('deployed','lost'),
  ('deployed','stolen'),
  ('deployed','retired'),
  ('deployed','donated'),
  ('in_cart','deployed'),
  ('in_cart','on_loan'),
  ('in_cart','in_stock'),
  ('in_cart','in_repair'),
  ('in_cart','lost'),
  ('in_cart','stolen'),
  ('in_cart','retired'),
  ('in_cart','donated'),
  ('on_loan','returned'),
  ('on_loan','in_repair'),
  ('on_loan','lost'),
  ('on_loan','stolen'),
  ('on_loan','retired'),
  ('on_loan','donated'),
  ('returned','in_stock'),
  ('returned','in_repair'),
  ('returned','lost'),
  ('returned','stolen'),
  ('returned','retired'),
  ('returned','donated'),
  ('in_repair','in_stock'),
  ('in_repair','preparing'),
  ('in_repair','deployed'),
  ('in_repair','in_cart'),
  ('in_repair','returned'),
  ('in_repair','lost'),
  ('in_repair','stolen'),
  ('in_repair','retired'),
  ('in_repair','donated'),
  ('lost','in_stock'),
  ('lost','in_repair'),
  ('lost','stolen'),
  ('lost','retired'),
  ('lost','donated'),
  ('stolen','in_stock'),
  ('stolen','in_repair'),
  ('stolen','lost'),
  ('stolen','retired'),
  ('stolen','donated'),
  ('retired','donated');
--> statement-breakpoint
CREATE FUNCTION socle_assets_check_transition() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM asset_status_transitions WHERE from_status = OLD.status AND to_status = NEW.status) THEN
    RAISE EXCEPTION 'ASSET_INVALID_TRANSITION: % -> %', OLD.status, NEW.status USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER assets_status_transition BEFORE UPDATE OF status ON assets
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION socle_assets_check_transition();
--> statement-breakpoint
ALTER TABLE asset_categories ADD CONSTRAINT asset_categories_id_org_key UNIQUE (id, organisation_id);
--> statement-breakpoint
ALTER TABLE manufacturers ADD CONSTRAINT manufacturers_id_org_key UNIQUE (id, organisation_id);
--> statement-breakpoint
ALTER TABLE asset_models ADD CONSTRAINT asset_models_id_org_key UNIQUE (id, organisation_id);
--> statement-breakpoint
ALTER TABLE stock_locations ADD CONSTRAINT stock_locations_id_org_key UNIQUE (id, organisation_id);
--> statement-breakpoint
ALTER TABLE assets ADD CONSTRAINT assets_id_org_key UNIQUE (id, organisation_id);
--> statement-breakpoint
ALTER TABLE inventory_rounds ADD CONSTRAINT inventory_rounds_id_org_key UNIQUE (id, organisation_id);
--> statement-breakpoint
ALTER TABLE classes ADD CONSTRAINT classes_id_school_key UNIQUE (id, school_id);
--> statement-breakpoint
ALTER TABLE asset_models ADD CONSTRAINT asset_models_category_org_fk FOREIGN KEY (category_id, organisation_id) REFERENCES asset_categories (id, organisation_id);
--> statement-breakpoint
ALTER TABLE asset_models ADD CONSTRAINT asset_models_manufacturer_org_fk FOREIGN KEY (manufacturer_id, organisation_id) REFERENCES manufacturers (id, organisation_id);
--> statement-breakpoint
ALTER TABLE stock_locations ADD CONSTRAINT stock_locations_school_org_fk FOREIGN KEY (school_id, organisation_id) REFERENCES schools (id, organisation_id);
--> statement-breakpoint
ALTER TABLE assets ADD CONSTRAINT assets_model_org_fk FOREIGN KEY (model_id, organisation_id) REFERENCES asset_models (id, organisation_id);
--> statement-breakpoint
ALTER TABLE assets ADD CONSTRAINT assets_school_org_fk FOREIGN KEY (school_id, organisation_id) REFERENCES schools (id, organisation_id);
--> statement-breakpoint
ALTER TABLE assets ADD CONSTRAINT assets_room_school_fk FOREIGN KEY (room_id, school_id) REFERENCES rooms (id, school_id);
--> statement-breakpoint
ALTER TABLE assets ADD CONSTRAINT assets_class_school_fk FOREIGN KEY (class_id, school_id) REFERENCES classes (id, school_id);
--> statement-breakpoint
ALTER TABLE assets ADD CONSTRAINT assets_cart_org_fk FOREIGN KEY (cart_id, organisation_id) REFERENCES assets (id, organisation_id);
--> statement-breakpoint
ALTER TABLE assets ADD CONSTRAINT assets_stock_org_fk FOREIGN KEY (stock_location_id, organisation_id) REFERENCES stock_locations (id, organisation_id);
--> statement-breakpoint
ALTER TABLE asset_events ADD CONSTRAINT asset_events_asset_org_fk FOREIGN KEY (asset_id, organisation_id) REFERENCES assets (id, organisation_id);
--> statement-breakpoint
ALTER TABLE inventory_rounds ADD CONSTRAINT inventory_rounds_school_org_fk FOREIGN KEY (school_id, organisation_id) REFERENCES schools (id, organisation_id);
--> statement-breakpoint
ALTER TABLE inventory_rounds ADD CONSTRAINT inventory_rounds_cart_org_fk FOREIGN KEY (cart_id, organisation_id) REFERENCES assets (id, organisation_id);
--> statement-breakpoint
ALTER TABLE inventory_round_expected ADD CONSTRAINT inventory_round_expected_round_org_fk FOREIGN KEY (round_id, organisation_id) REFERENCES inventory_rounds (id, organisation_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE inventory_round_expected ADD CONSTRAINT inventory_round_expected_asset_org_fk FOREIGN KEY (asset_id, organisation_id) REFERENCES assets (id, organisation_id);
--> statement-breakpoint
ALTER TABLE inventory_round_scans ADD CONSTRAINT inventory_round_scans_round_org_fk FOREIGN KEY (round_id, organisation_id) REFERENCES inventory_rounds (id, organisation_id) ON DELETE CASCADE;
--> statement-breakpoint
SELECT socle_enable_tenancy('asset_categories', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('manufacturers', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('asset_models', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('stock_locations', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('assets', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('asset_events', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('asset_tag_counters', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('inventory_rounds', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('inventory_round_expected', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('inventory_round_scans', 'organisation_id');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON asset_categories, manufacturers, asset_models, stock_locations, assets,
  asset_tag_counters, inventory_rounds, inventory_round_expected, inventory_round_scans TO socle_app;
--> statement-breakpoint
-- Asset history is append-only for the application, like the audit trail.
GRANT SELECT, INSERT ON asset_events TO socle_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE asset_events_id_seq, inventory_round_scans_id_seq TO socle_app;
--> statement-breakpoint
GRANT SELECT ON asset_status_transitions TO socle_app;
