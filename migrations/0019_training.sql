-- Why: training (accompagnement, issue #8 point 3). Sessions for teachers,
-- families, périscolaire staff and technicians; registrations within the
-- capacity (the service locks the session row, so the last seat goes to one
-- request only); attendance per registrant for staff and a head count only
-- for families (no family name is ever stored); anonymous feedback scores
-- (no link to the registrant). Staff without an account are recorded once
-- per school as a name ("training_trainees"): the least data that lets the
-- "teachers trained" indicator count people, not attendances; their names
-- are purged after the retention window (module README).
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"audience" text NOT NULL,
	"topic" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"school_id" uuid,
	"room_id" uuid REFERENCES "rooms"("id"),
	"place" text,
	"online" boolean DEFAULT false NOT NULL,
	"online_url" text,
	"trainer" text NOT NULL,
	"capacity" integer,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"head_count" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_audience_check" CHECK ("audience" in ('teachers','families','periscolaire','technicians')),
	CONSTRAINT "training_sessions_status_check" CHECK ("status" in ('planned','held','cancelled')),
	CONSTRAINT "training_sessions_topic_check" CHECK (length(btrim("topic")) between 1 and 200),
	CONSTRAINT "training_sessions_trainer_check" CHECK (length(btrim("trainer")) between 1 and 200),
	CONSTRAINT "training_sessions_duration_check" CHECK ("duration_minutes" between 5 and 1440),
	CONSTRAINT "training_sessions_capacity_check" CHECK ("capacity" IS NULL OR "capacity" between 1 and 10000),
	CONSTRAINT "training_sessions_materials_check" CHECK (jsonb_typeof("materials") = 'array'),
	-- Somewhere to go: a room (of the session's school), a place, or online.
	CONSTRAINT "training_sessions_where_check" CHECK ("online" OR "room_id" IS NOT NULL OR "place" IS NOT NULL),
	CONSTRAINT "training_sessions_room_school_check" CHECK ("room_id" IS NULL OR "school_id" IS NOT NULL),
	-- Families: a head count, never names; staff: attendance per registrant.
	CONSTRAINT "training_sessions_head_count_check" CHECK (
	  "head_count" IS NULL OR ("audience" = 'families' AND "head_count" between 0 and 100000)),
	CONSTRAINT "training_sessions_id_org_key" UNIQUE ("id", "organisation_id"),
	CONSTRAINT "training_sessions_school_fk" FOREIGN KEY ("school_id", "organisation_id") REFERENCES "schools" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE INDEX "training_sessions_org_start_idx" ON "training_sessions" USING btree ("organisation_id", "starts_at");
--> statement-breakpoint
CREATE INDEX "training_sessions_school_idx" ON "training_sessions" USING btree ("school_id", "starts_at");
--> statement-breakpoint
CREATE TABLE "training_trainees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"school_id" uuid NOT NULL,
	-- Null once purged: the row stays so past attendances still count people once.
	"name" text,
	"purged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_trainees_name_check" CHECK ("name" IS NULL OR length(btrim("name")) between 2 and 200),
	CONSTRAINT "training_trainees_purged_check" CHECK (("name" IS NULL) = ("purged_at" IS NOT NULL)),
	CONSTRAINT "training_trainees_id_org_key" UNIQUE ("id", "organisation_id"),
	CONSTRAINT "training_trainees_school_fk" FOREIGN KEY ("school_id", "organisation_id") REFERENCES "schools" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "training_trainees_school_name_key" ON "training_trainees" USING btree ("school_id", lower("name")) WHERE "name" IS NOT NULL;
--> statement-breakpoint
CREATE TABLE "training_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"session_id" uuid NOT NULL,
	"user_id" uuid REFERENCES "users"("id"),
	"trainee_id" uuid,
	-- The school the registrant works for (counts them for that school).
	"school_id" uuid,
	"attended" boolean,
	"feedback_given" boolean DEFAULT false NOT NULL,
	"registered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_registrations_who_check" CHECK (("user_id" IS NULL) <> ("trainee_id" IS NULL)),
	CONSTRAINT "training_registrations_session_fk" FOREIGN KEY ("session_id", "organisation_id") REFERENCES "training_sessions" ("id", "organisation_id") ON DELETE CASCADE,
	CONSTRAINT "training_registrations_trainee_fk" FOREIGN KEY ("trainee_id", "organisation_id") REFERENCES "training_trainees" ("id", "organisation_id"),
	CONSTRAINT "training_registrations_school_fk" FOREIGN KEY ("school_id", "organisation_id") REFERENCES "schools" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "training_registrations_user_key" ON "training_registrations" USING btree ("session_id", "user_id") WHERE "user_id" IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "training_registrations_trainee_key" ON "training_registrations" USING btree ("session_id", "trainee_id") WHERE "trainee_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "training_registrations_school_idx" ON "training_registrations" USING btree ("school_id") WHERE "attended";
--> statement-breakpoint
CREATE INDEX "training_registrations_trainee_idx" ON "training_registrations" USING btree ("trainee_id");
--> statement-breakpoint
-- Anonymous: no registrant, no time; only the session and the score.
CREATE TABLE "training_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"session_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	CONSTRAINT "training_feedback_score_check" CHECK ("score" between 1 and 5),
	CONSTRAINT "training_feedback_session_fk" FOREIGN KEY ("session_id", "organisation_id") REFERENCES "training_sessions" ("id", "organisation_id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "training_feedback_session_idx" ON "training_feedback" USING btree ("session_id");
--> statement-breakpoint
SELECT socle_enable_tenancy('training_sessions', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('training_trainees', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('training_registrations', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('training_feedback', 'organisation_id');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON training_sessions, training_trainees, training_registrations TO socle_app;
--> statement-breakpoint
-- Scores are never edited: added, or deleted with their session.
GRANT SELECT, INSERT, DELETE ON training_feedback TO socle_app;
