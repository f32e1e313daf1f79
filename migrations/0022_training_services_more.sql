-- Why: a digital-service subscription (issue #8 point 4) can be declared as
-- an expense line of a funding programme, like an invoice line can. The line
-- keeps the subscription and the period it declares (first and last day,
-- inclusive); the same subscription period is never declared twice, in any
-- programme: an exclusion constraint over (subscription, daterange) is the
-- backstop of the service's check (which names the conflicting line). The
-- subscription row is locked while declaring, so concurrent declarations
-- queue. btree_gist is already created by 0018_bookings.
ALTER TABLE "school_subscriptions" ADD CONSTRAINT "school_subscriptions_id_org_key" UNIQUE ("id", "organisation_id");
--> statement-breakpoint
ALTER TABLE "funding_expense_lines" ADD COLUMN "subscription_id" uuid;
--> statement-breakpoint
ALTER TABLE "funding_expense_lines" ADD COLUMN "subscription_from" date;
--> statement-breakpoint
ALTER TABLE "funding_expense_lines" ADD COLUMN "subscription_to" date;
--> statement-breakpoint
ALTER TABLE "funding_expense_lines" ADD CONSTRAINT "funding_expense_lines_subscription_fk" FOREIGN KEY ("subscription_id", "organisation_id") REFERENCES "school_subscriptions" ("id", "organisation_id");
--> statement-breakpoint
ALTER TABLE "funding_expense_lines" ADD CONSTRAINT "funding_expense_lines_subscription_period_check" CHECK (
	("subscription_id" IS NULL AND "subscription_from" IS NULL AND "subscription_to" IS NULL)
	OR ("subscription_id" IS NOT NULL AND "subscription_from" IS NOT NULL AND "subscription_to" IS NOT NULL
		AND "subscription_to" >= "subscription_from" AND "invoice_line_id" IS NULL));
--> statement-breakpoint
ALTER TABLE "funding_expense_lines" ADD CONSTRAINT "funding_expense_lines_subscription_no_overlap" EXCLUDE USING gist (
	"subscription_id" WITH =, daterange("subscription_from", "subscription_to", '[]') WITH &&
) WHERE ("subscription_id" IS NOT NULL);
