-- Why: bookings of carts, devices and rooms for a class or a périscolaire
-- activity (issue #8 point 2). No double booking is the database's
-- guarantee, not only the service's: an exclusion constraint on
-- (resource, time range) over the bookings that hold their slot
-- (requested, confirmed, picked_up). uuid equality in a GiST index needs
-- btree_gist (trusted extension on PostgreSQL 13+; PGlite loads it when the
-- database is opened, see src/server/db/connection.ts). Weekly series are
-- stored as one row per occurrence so the same constraint checks each of
-- them. Per-resource settings hold the approval flag. Calendar feeds (ICS)
-- are reached by a secret token stored as a SHA-256 hash; the token lookup is
-- the only cross-tenant read (SECURITY DEFINER function, like family links).
-- Links never cross organisations or schools (composite foreign keys where
-- the target has an (id, organisation_id) or (id, school_id) key; users and
-- rooms by id, RLS and the service keep those inside the organisation);
-- tenant tables, RLS forced.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE TABLE "booking_resource_settings" (
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"asset_id" uuid,
	"room_id" uuid,
	"resource_id" uuid GENERATED ALWAYS AS (coalesce("asset_id", "room_id")) STORED NOT NULL,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_resource_settings_pk" PRIMARY KEY ("resource_id"),
	CONSTRAINT "booking_resource_settings_one_check" CHECK (num_nonnulls("asset_id", "room_id") = 1),
	CONSTRAINT "booking_resource_settings_asset_fk" FOREIGN KEY ("asset_id", "organisation_id") REFERENCES "assets" ("id", "organisation_id") ON DELETE CASCADE,
	CONSTRAINT "booking_resource_settings_room_fk" FOREIGN KEY ("room_id") REFERENCES "rooms" ("id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE "booking_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"school_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"occurrences" integer,
	"booked_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_series_weekday_check" CHECK ("weekday" between 1 and 7),
	CONSTRAINT "booking_series_times_check" CHECK ("end_time" > "start_time"),
	CONSTRAINT "booking_series_end_check" CHECK (num_nonnulls("ends_on", "occurrences") = 1 AND ("ends_on" IS NULL OR "ends_on" >= "starts_on") AND coalesce("occurrences", 1) between 1 and 60),
	CONSTRAINT "booking_series_id_org_key" UNIQUE ("id", "organisation_id"),
	CONSTRAINT "booking_series_school_fk" FOREIGN KEY ("school_id", "organisation_id") REFERENCES "schools" ("id", "organisation_id"),
	CONSTRAINT "booking_series_user_fk" FOREIGN KEY ("booked_by") REFERENCES "users" ("id")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"school_id" uuid NOT NULL,
	"series_id" uuid,
	"resource_kind" text NOT NULL,
	"asset_id" uuid,
	"room_id" uuid,
	"resource_id" uuid GENERATED ALWAYS AS (coalesce("asset_id", "room_id")) STORED NOT NULL,
	"class_id" uuid,
	"activity" text,
	"booked_by" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"during" tstzrange GENERATED ALWAYS AS (tstzrange("starts_at", "ends_at", '[)')) STORED NOT NULL,
	"status" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"picked_up_by" uuid,
	"picked_up_at" timestamp with time zone,
	"expected_contents" jsonb,
	"returned_by" uuid,
	"returned_at" timestamp with time zone,
	"return_check" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_status_check" CHECK ("status" in ('requested','confirmed','cancelled','picked_up','returned')),
	CONSTRAINT "bookings_kind_check" CHECK ("resource_kind" in ('cart','device','room')),
	CONSTRAINT "bookings_resource_check" CHECK (num_nonnulls("asset_id", "room_id") = 1 AND ("resource_kind" = 'room') = ("room_id" IS NOT NULL)),
	CONSTRAINT "bookings_for_check" CHECK (num_nonnulls("class_id", "activity") = 1),
	CONSTRAINT "bookings_activity_check" CHECK ("activity" IS NULL OR length(btrim("activity")) between 1 and 200),
	CONSTRAINT "bookings_times_check" CHECK ("ends_at" > "starts_at" AND "ends_at" - "starts_at" <= interval '14 days'),
	CONSTRAINT "bookings_notes_check" CHECK (length("notes") <= 2000),
	CONSTRAINT "bookings_picked_up_check" CHECK (("picked_up_at" IS NOT NULL) = ("status" in ('picked_up','returned'))),
	CONSTRAINT "bookings_returned_check" CHECK (("returned_at" IS NOT NULL) = ("status" = 'returned')),
	CONSTRAINT "bookings_id_org_key" UNIQUE ("id", "organisation_id"),
	CONSTRAINT "bookings_school_fk" FOREIGN KEY ("school_id", "organisation_id") REFERENCES "schools" ("id", "organisation_id"),
	CONSTRAINT "bookings_series_fk" FOREIGN KEY ("series_id", "organisation_id") REFERENCES "booking_series" ("id", "organisation_id"),
	CONSTRAINT "bookings_asset_fk" FOREIGN KEY ("asset_id", "organisation_id") REFERENCES "assets" ("id", "organisation_id"),
	CONSTRAINT "bookings_room_fk" FOREIGN KEY ("room_id", "school_id") REFERENCES "rooms" ("id", "school_id"),
	CONSTRAINT "bookings_class_fk" FOREIGN KEY ("class_id", "school_id") REFERENCES "classes" ("id", "school_id"),
	CONSTRAINT "bookings_user_fk" FOREIGN KEY ("booked_by") REFERENCES "users" ("id"),
	CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist ("resource_id" WITH =, "during" WITH &&)
		WHERE ("status" in ('requested','confirmed','picked_up'))
);
--> statement-breakpoint
CREATE INDEX "bookings_school_during_idx" ON "bookings" USING gist ("school_id", "during");
--> statement-breakpoint
CREATE INDEX "bookings_booked_by_idx" ON "bookings" USING btree ("booked_by", "starts_at");
--> statement-breakpoint
CREATE INDEX "bookings_series_idx" ON "bookings" USING btree ("series_id") WHERE "series_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "bookings_class_idx" ON "bookings" USING btree ("class_id") WHERE "class_id" IS NOT NULL;
--> statement-breakpoint
CREATE TABLE "booking_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"school_id" uuid,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "booking_feeds_kind_check" CHECK ("kind" in ('school','user') AND ("kind" = 'school') = ("school_id" IS NOT NULL)),
	CONSTRAINT "booking_feeds_hash_check" CHECK ("token_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "booking_feeds_token_hash_key" UNIQUE ("token_hash"),
	CONSTRAINT "booking_feeds_user_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
	CONSTRAINT "booking_feeds_school_fk" FOREIGN KEY ("school_id", "organisation_id") REFERENCES "schools" ("id", "organisation_id")
);
--> statement-breakpoint
-- One live feed per user and target: rotating revokes the previous token.
CREATE UNIQUE INDEX "booking_feeds_live_key" ON "booking_feeds" USING btree
  ("user_id", "kind", coalesce("school_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "revoked_at" IS NULL;
--> statement-breakpoint
SELECT socle_enable_tenancy('booking_resource_settings', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('booking_series', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('bookings', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('booking_feeds', 'organisation_id');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON booking_resource_settings, booking_series, bookings, booking_feeds TO socle_app;
--> statement-breakpoint
-- A calendar application fetching a feed has no account and no organisation:
-- this lookup by the token's hash is the only cross-tenant read it makes.
CREATE FUNCTION socle_booking_feed(p_token_hash text)
  RETURNS TABLE (id uuid, organisation_id uuid, user_id uuid, kind text, school_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT f.id, f.organisation_id, f.user_id, f.kind, f.school_id FROM booking_feeds f
        WHERE f.token_hash = p_token_hash AND f.revoked_at IS NULL $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION socle_booking_feed(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION socle_booking_feed(text) TO socle_app;
