-- Why: family loans, stage 2 (issue #5, points 6, 7 and 11).
-- 1. Outgoing mail: each organisation's SMTP settings (the password
--    encrypted with the instance key, never readable in clear from the
--    database) and a mail log that is also the outbox — one row per message
--    with an idempotency key, so a job or a button run twice sends nothing
--    twice. Family addresses in the log are personal data: `recipient` is
--    cleared with the household's other personal data (retention purge,
--    erasure on request); the keyed hash stays for the record.
-- 2. Incidents get notes (personal data, cleared by the purge) and the date
--    the incident was settled.
CREATE TABLE "mail_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"security" text DEFAULT 'starttls' NOT NULL,
	"username" text,
	"password_enc" text,
	"from_address" text NOT NULL,
	"reply_to" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_settings_port_check" CHECK ("mail_settings"."port" between 1 and 65535),
	CONSTRAINT "mail_settings_security_check" CHECK ("mail_settings"."security" in ('tls','starttls','none'))
);
--> statement-breakpoint
CREATE TABLE "mail_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"key" text,
	"template" text NOT NULL,
	"locale" text DEFAULT 'fr' NOT NULL,
	"loan_id" uuid,
	"household_id" uuid,
	"recipient" text,
	"recipient_hash" text NOT NULL,
	"subject" text NOT NULL,
	"status" text DEFAULT 'sending' NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"error" text,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_log_status_check" CHECK ("mail_log"."status" in ('sending','sent','failed')),
	CONSTRAINT "mail_log_locale_check" CHECK ("mail_log"."locale" in ('fr','en'))
);
--> statement-breakpoint
ALTER TABLE "mail_settings" ADD CONSTRAINT "mail_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD CONSTRAINT "mail_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_log" ADD CONSTRAINT "mail_log_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_log" ADD CONSTRAINT "mail_log_loan_org_fk" FOREIGN KEY ("loan_id", "organisation_id") REFERENCES "public"."loans"("id", "organisation_id");--> statement-breakpoint
ALTER TABLE "mail_log" ADD CONSTRAINT "mail_log_household_org_fk" FOREIGN KEY ("household_id", "organisation_id") REFERENCES "public"."households"("id", "organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_log_key" ON "mail_log" USING btree ("organisation_id","key") WHERE "mail_log"."key" is not null;--> statement-breakpoint
CREATE INDEX "mail_log_org_created_idx" ON "mail_log" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "mail_log_loan_idx" ON "mail_log" USING btree ("loan_id");--> statement-breakpoint
CREATE INDEX "mail_log_household_idx" ON "mail_log" USING btree ("household_id");--> statement-breakpoint
ALTER TABLE "loan_incidents" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "loan_incidents" ADD COLUMN "settled_on" date;--> statement-breakpoint
ALTER TABLE "loan_incidents" ADD CONSTRAINT "loan_incidents_settled_check" CHECK (("loan_incidents"."outcome" = 'pending') = ("loan_incidents"."settled_on" is null));--> statement-breakpoint
CREATE INDEX "loan_incidents_loan_idx" ON "loan_incidents" USING btree ("loan_id");--> statement-breakpoint
SELECT socle_enable_tenancy('mail_settings', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('mail_log', 'organisation_id');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON mail_settings TO socle_app;
--> statement-breakpoint
-- The log is history: the application adds rows and updates their status
-- (or clears a family address); it never deletes them.
GRANT SELECT, INSERT, UPDATE ON mail_log TO socle_app;
