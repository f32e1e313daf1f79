-- Why: in-app notifications (first: the weekly digest of warranties ending
-- soon), visible to the roles they are for, tenant-scoped like the rest.
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"roles" text[] NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_org_time_idx" ON "notifications" USING btree ("organisation_id","created_at");--> statement-breakpoint
SELECT socle_enable_tenancy('notifications', 'organisation_id');
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON notifications TO socle_app;
