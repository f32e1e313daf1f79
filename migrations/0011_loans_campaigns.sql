-- Why: family loans, stage 3 (issue #5, points 8, 9 and 10).
-- 1. Crisis campaigns say why and when the schools are closed (reason,
--    closure dates) and name at least one school. The proposal itself is
--    computed, not stored: what the manager confirms becomes loans tagged
--    with the campaign, counted by the dashboard (index on loans.campaign_id).
-- 2. Families report a problem through their signed link: the message goes
--    to the school (its director(s) and the managers) in `loan_messages`.
--    The text is personal data: the retention purge deletes the messages
--    with the household's other personal data. Links never cross
--    organisations or schools (composite foreign keys).
ALTER TABLE "loan_campaigns" ADD COLUMN "reason" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "loan_campaigns" ADD COLUMN "starts_on" date;
--> statement-breakpoint
ALTER TABLE "loan_campaigns" ADD COLUMN "ends_on" date;
--> statement-breakpoint
ALTER TABLE "loan_campaigns" ADD CONSTRAINT "loan_campaigns_dates_check"
  CHECK ("starts_on" IS NULL OR "ends_on" IS NULL OR "ends_on" >= "starts_on");
--> statement-breakpoint
ALTER TABLE "loan_campaigns" ADD CONSTRAINT "loan_campaigns_schools_check" CHECK (cardinality("school_ids") >= 1);
--> statement-breakpoint
CREATE INDEX "loans_campaign_idx" ON "loans" USING btree ("campaign_id") WHERE "campaign_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "loan_requests_campaign_idx" ON "loan_requests" USING btree ("campaign_id") WHERE "campaign_id" IS NOT NULL;
--> statement-breakpoint
CREATE TABLE "loan_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"loan_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"category" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" uuid,
	CONSTRAINT "loan_messages_category_check" CHECK ("loan_messages"."category" in ('breakdown','damage','loss','theft','question')),
	CONSTRAINT "loan_messages_body_check" CHECK (length("loan_messages"."body") between 1 and 2000),
	CONSTRAINT "loan_messages_handled_check" CHECK ("loan_messages"."handled_by" IS NULL OR "loan_messages"."handled_at" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "loan_messages" ADD CONSTRAINT "loan_messages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "loan_messages" ADD CONSTRAINT "loan_messages_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "loan_messages" ADD CONSTRAINT "loan_messages_loan_org_fk" FOREIGN KEY ("loan_id", "organisation_id") REFERENCES "public"."loans"("id", "organisation_id");
--> statement-breakpoint
ALTER TABLE "loan_messages" ADD CONSTRAINT "loan_messages_school_org_fk" FOREIGN KEY ("school_id", "organisation_id") REFERENCES "public"."schools"("id", "organisation_id");
--> statement-breakpoint
CREATE INDEX "loan_messages_loan_idx" ON "loan_messages" USING btree ("loan_id","created_at");
--> statement-breakpoint
CREATE INDEX "loan_messages_inbox_idx" ON "loan_messages" USING btree ("organisation_id","school_id","created_at");
--> statement-breakpoint
SELECT socle_enable_tenancy('loan_messages', 'organisation_id');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON loan_messages TO socle_app;
