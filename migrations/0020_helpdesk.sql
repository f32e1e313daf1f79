-- Why: the helpdesk (issue #8 point 1). Tickets opened by school staff,
-- technicians and managers (and by families through their loan link, with
-- no household data: source 'family', no opener, the loan's device linked),
-- assigned to technicians, with public and internal comments, a
-- satisfaction score by the opener, and SLA due times counted in working
-- hours of the organisation calendar. The due times are computed by the
-- service (pure working-time arithmetic, module README) and stored, so lists
-- filter and sort on breaches in SQL; they are recomputed at every change
-- of the ticket and when the calendar changes. Time in `waiting` (and
-- between a resolution and a reopening) pauses the resolution clock:
-- `paused_minutes` sums it, `waiting_since` marks a pause in progress.
-- Linked assets stay inside the organisation (composite key) and remember
-- whether this ticket sent them to repair. Comments are append-only.
CREATE TABLE "helpdesk_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"school_id" uuid NOT NULL,
	"room_id" uuid,
	"source" text DEFAULT 'staff' NOT NULL,
	"category" text NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"opened_by" uuid REFERENCES "users"("id"),
	"assignee_id" uuid REFERENCES "users"("id"),
	"response_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"waiting_since" timestamp with time zone,
	"paused_minutes" integer DEFAULT 0 NOT NULL,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"satisfaction_score" smallint,
	"satisfaction_comment" text,
	"satisfaction_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helpdesk_tickets_source_check" CHECK ("source" in ('staff','family')),
	CONSTRAINT "helpdesk_tickets_category_check" CHECK ("category" in ('breakdown','request','network','account','training')),
	CONSTRAINT "helpdesk_tickets_priority_check" CHECK ("priority" in ('low','normal','high','urgent')),
	CONSTRAINT "helpdesk_tickets_status_check" CHECK ("status" in ('new','assigned','in_progress','waiting','resolved','closed')),
	CONSTRAINT "helpdesk_tickets_title_check" CHECK (length(btrim("title")) between 1 and 200),
	CONSTRAINT "helpdesk_tickets_description_check" CHECK (length("description") <= 10000),
	-- A family has no account: its tickets have no opener, staff tickets always one.
	CONSTRAINT "helpdesk_tickets_opener_check" CHECK (("source" = 'family') = ("opened_by" IS NULL)),
	CONSTRAINT "helpdesk_tickets_new_check" CHECK ("status" <> 'new' OR "assignee_id" IS NULL),
	CONSTRAINT "helpdesk_tickets_assigned_check" CHECK ("status" not in ('assigned','in_progress','waiting') OR "assignee_id" IS NOT NULL),
	CONSTRAINT "helpdesk_tickets_resolved_check" CHECK (("status" in ('resolved','closed')) = ("resolved_at" IS NOT NULL)),
	CONSTRAINT "helpdesk_tickets_closed_check" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL)),
	CONSTRAINT "helpdesk_tickets_waiting_check" CHECK (("status" = 'waiting') = ("waiting_since" IS NOT NULL)),
	CONSTRAINT "helpdesk_tickets_paused_check" CHECK ("paused_minutes" >= 0),
	CONSTRAINT "helpdesk_tickets_satisfaction_check" CHECK (
	  ("satisfaction_score" IS NULL OR "satisfaction_score" between 1 and 5)
	  AND ("satisfaction_score" IS NULL) = ("satisfaction_at" IS NULL)
	  AND ("satisfaction_comment" IS NULL OR ("satisfaction_score" IS NOT NULL AND length("satisfaction_comment") <= 2000))),
	CONSTRAINT "helpdesk_tickets_id_org_key" UNIQUE ("id", "organisation_id"),
	CONSTRAINT "helpdesk_tickets_school_fk" FOREIGN KEY ("school_id", "organisation_id") REFERENCES "schools" ("id", "organisation_id"),
	CONSTRAINT "helpdesk_tickets_room_fk" FOREIGN KEY ("room_id", "school_id") REFERENCES "rooms" ("id", "school_id")
);
--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_org_status_idx" ON "helpdesk_tickets" USING btree ("organisation_id", "status", "created_at");
--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_school_idx" ON "helpdesk_tickets" USING btree ("school_id", "status");
--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_assignee_idx" ON "helpdesk_tickets" USING btree ("assignee_id") WHERE "status" not in ('resolved','closed');
--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_opener_idx" ON "helpdesk_tickets" USING btree ("opened_by");
--> statement-breakpoint
CREATE TABLE "helpdesk_ticket_assets" (
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"ticket_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"sent_to_repair_at" timestamp with time zone,
	"back_from_repair_at" timestamp with time zone,
	CONSTRAINT "helpdesk_ticket_assets_pk" PRIMARY KEY ("ticket_id", "asset_id"),
	CONSTRAINT "helpdesk_ticket_assets_repair_check" CHECK ("back_from_repair_at" IS NULL OR "sent_to_repair_at" IS NOT NULL),
	CONSTRAINT "helpdesk_ticket_assets_ticket_fk" FOREIGN KEY ("ticket_id", "organisation_id") REFERENCES "helpdesk_tickets" ("id", "organisation_id") ON DELETE CASCADE,
	CONSTRAINT "helpdesk_ticket_assets_asset_fk" FOREIGN KEY ("asset_id", "organisation_id") REFERENCES "assets" ("id", "organisation_id")
);
--> statement-breakpoint
CREATE INDEX "helpdesk_ticket_assets_asset_idx" ON "helpdesk_ticket_assets" USING btree ("asset_id");
--> statement-breakpoint
CREATE TABLE "helpdesk_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"ticket_id" uuid NOT NULL,
	"author_id" uuid REFERENCES "users"("id"),
	-- Internal: technicians, managers and auditors only; never shown to school staff.
	"internal" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helpdesk_comments_body_check" CHECK (length(btrim("body")) between 1 and 10000),
	CONSTRAINT "helpdesk_comments_ticket_fk" FOREIGN KEY ("ticket_id", "organisation_id") REFERENCES "helpdesk_tickets" ("id", "organisation_id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "helpdesk_comments_ticket_idx" ON "helpdesk_comments" USING btree ("ticket_id", "created_at");
--> statement-breakpoint
SELECT socle_enable_tenancy('helpdesk_tickets', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('helpdesk_ticket_assets', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('helpdesk_comments', 'organisation_id');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON helpdesk_tickets, helpdesk_ticket_assets TO socle_app;
--> statement-breakpoint
-- Comments are never edited nor deleted by the application.
GRANT SELECT, INSERT ON helpdesk_comments TO socle_app;
