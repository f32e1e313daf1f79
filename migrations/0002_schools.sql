-- Why: the schools registry (issue "Schools registry"): full identity of a
-- school from the Annuaire de l'éducation, pupils and classes per rentrée,
-- buildings and rooms (a classroom belongs to a class in a given year) and
-- network facts (loi n° 2015-136 art. 7). Every new table is tenant-scoped
-- with forced RLS like the others; the UAI check letter is enforced by the
-- database too, as the backstop of the import and API validation.
CREATE TABLE "buildings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"levels" text[] DEFAULT '{}'::text[] NOT NULL,
	"pupils" integer,
	"ulis" boolean DEFAULT false NOT NULL,
	"room_id" uuid,
	"generated" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "classes_levels_check" CHECK ("classes"."levels" <@ array['TPS','PS','MS','GS','CP','CE1','CE2','CM1','CM2']::text[]),
	CONSTRAINT "classes_pupils_check" CHECK (coalesce("classes"."pupils", 0) >= 0),
	CONSTRAINT "classes_year_check" CHECK ("classes"."year" between 1990 and 2100)
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"building_id" uuid,
	"name" text NOT NULL,
	"kind" text DEFAULT 'classroom' NOT NULL,
	"floor" text,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rooms_kind_check" CHECK ("rooms"."kind" in ('classroom','computer_room','library','staff_room','office','technical','periscolaire','other'))
);
--> statement-breakpoint
CREATE TABLE "school_networks" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"internet_access" text,
	"bandwidth_down_mbps" numeric(9, 2),
	"bandwidth_up_mbps" numeric(9, 2),
	"wired_network" text,
	"wifi_present" boolean,
	"conseil_ecole_informed_on" date,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_networks_access_check" CHECK ("school_networks"."internet_access" in ('fibre','vdsl','adsl','cable','4g_5g','satellite','other','none')),
	CONSTRAINT "school_networks_wired_check" CHECK ("school_networks"."wired_network" in ('yes','partial','no')),
	CONSTRAINT "school_networks_bandwidth_check" CHECK (coalesce("school_networks"."bandwidth_down_mbps", 0) >= 0 and coalesce("school_networks"."bandwidth_up_mbps", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "school_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"pupils" integer,
	"classes_count" integer,
	"pupils_by_level" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_years_year_check" CHECK ("school_years"."year" between 1990 and 2100),
	CONSTRAINT "school_years_counts_check" CHECK (coalesce("school_years"."pupils", 0) >= 0 and coalesce("school_years"."classes_count", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "usual_name" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "sector" text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "postcode" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "commune_code" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "commune_name" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "priority_education" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "circonscription_code" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "circonscription_name" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "ips" numeric(5, 1);--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "ips_year" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "opened_on" date;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "closing_announced" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "school_group" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "source" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_networks" ADD CONSTRAINT "school_networks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_networks" ADD CONSTRAINT "school_networks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_years" ADD CONSTRAINT "school_years_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_years" ADD CONSTRAINT "school_years_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buildings_school_name_key" ON "buildings" USING btree ("school_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "classes_school_year_name_key" ON "classes" USING btree ("school_id","year","name");--> statement-breakpoint
CREATE UNIQUE INDEX "classes_room_year_key" ON "classes" USING btree ("room_id","year");--> statement-breakpoint
CREATE INDEX "classes_org_year_idx" ON "classes" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_school_name_key" ON "rooms" USING btree ("school_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "school_years_school_year_key" ON "school_years" USING btree ("school_id","year");--> statement-breakpoint
CREATE INDEX "schools_org_name_idx" ON "schools" USING btree ("organisation_id","name");--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_sector_check" CHECK ("schools"."sector" in ('public','private'));--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_priority_check" CHECK ("schools"."priority_education" in ('none','REP','REP+'));--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_lat_check" CHECK ("schools"."latitude" between -90 and 90);--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_lon_check" CHECK ("schools"."longitude" between -180 and 180);--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_dates_check" CHECK ("schools"."closed_on" is null or "schools"."opened_on" is null or "schools"."closed_on" >= "schools"."opened_on");--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_uai_checksum" CHECK (substr("uai", 8, 1) = substr('ABCDEFGHJKLMNPRSTUVWXYZ', (substr("uai", 1, 7)::int % 23) + 1, 1));
--> statement-breakpoint
SELECT socle_enable_tenancy('school_years', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('buildings', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('rooms', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('classes', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('school_networks', 'organisation_id');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON school_years, buildings, rooms, classes, school_networks TO socle_app;
--> statement-breakpoint
-- Links never cross a school or an organisation: composite foreign keys
-- (foreign keys are checked without row-level security, so RLS alone would
-- not stop a row pointing at another tenant's school).
ALTER TABLE schools ADD CONSTRAINT schools_id_org_key UNIQUE (id, organisation_id);
--> statement-breakpoint
ALTER TABLE buildings ADD CONSTRAINT buildings_id_school_key UNIQUE (id, school_id);
--> statement-breakpoint
ALTER TABLE rooms ADD CONSTRAINT rooms_id_school_key UNIQUE (id, school_id);
--> statement-breakpoint
ALTER TABLE school_years ADD CONSTRAINT school_years_school_org_fk FOREIGN KEY (school_id, organisation_id) REFERENCES schools (id, organisation_id);
--> statement-breakpoint
ALTER TABLE buildings ADD CONSTRAINT buildings_school_org_fk FOREIGN KEY (school_id, organisation_id) REFERENCES schools (id, organisation_id);
--> statement-breakpoint
ALTER TABLE rooms ADD CONSTRAINT rooms_school_org_fk FOREIGN KEY (school_id, organisation_id) REFERENCES schools (id, organisation_id);
--> statement-breakpoint
ALTER TABLE classes ADD CONSTRAINT classes_school_org_fk FOREIGN KEY (school_id, organisation_id) REFERENCES schools (id, organisation_id);
--> statement-breakpoint
ALTER TABLE school_networks ADD CONSTRAINT school_networks_school_org_fk FOREIGN KEY (school_id, organisation_id) REFERENCES schools (id, organisation_id);
--> statement-breakpoint
ALTER TABLE user_schools ADD CONSTRAINT user_schools_school_org_fk FOREIGN KEY (school_id, organisation_id) REFERENCES schools (id, organisation_id);
--> statement-breakpoint
ALTER TABLE rooms ADD CONSTRAINT rooms_building_same_school_fk FOREIGN KEY (building_id, school_id) REFERENCES buildings (id, school_id);
--> statement-breakpoint
ALTER TABLE classes ADD CONSTRAINT classes_room_same_school_fk FOREIGN KEY (room_id, school_id) REFERENCES rooms (id, school_id);
