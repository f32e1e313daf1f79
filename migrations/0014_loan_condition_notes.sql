-- Why: family loans (issue #5, point 5): the condition at handover and at
-- return gets free notes beside ok / damaged / accessories missing ("screen
-- scratched, charger missing"). They may name people, so they are treated as
-- the household's personal data: shown only to the roles that see it,
-- cleared by the retention purge and by an erasure on request, never copied
-- into the audit trail. The table keeps its RLS policies and grants.
ALTER TABLE "loans" ADD COLUMN "condition_out_notes" text;--> statement-breakpoint
ALTER TABLE "loans" ADD COLUMN "condition_in_notes" text;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_condition_notes_length_check" CHECK (("condition_out_notes" is null or char_length("condition_out_notes") <= 2000) and ("condition_in_notes" is null or char_length("condition_in_notes") <= 2000));
