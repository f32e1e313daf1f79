-- Why: the rest of the helpdesk (issue #8 point 1).
-- 1. Readable ticket numbers, per organisation and year of opening (school
--    time): T-2026-00042. A counter row per (organisation, year) is bumped
--    by `INSERT … ON CONFLICT DO UPDATE … RETURNING` in a BEFORE INSERT
--    trigger: the row lock makes concurrent openings wait for each other,
--    so two tickets never share a number, and a rolled-back opening gives
--    its number back (no gap, unlike a sequence). Every insert gets its
--    number this way (the application, the demo seed, imports); the number
--    never changes afterwards.
-- 2. Attachments of tickets (photos of a broken screen, PDFs): the bytes and
--    their metadata are the files module's (`files`, entity_type
--    'helpdesk_ticket'); this table says which ticket and whether the file
--    is internal (helpdesk team and auditors only, like internal comments).
CREATE TABLE "helpdesk_ticket_counters" (
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "helpdesk_ticket_counters_pk" PRIMARY KEY ("organisation_id", "year"),
	CONSTRAINT "helpdesk_ticket_counters_year_check" CHECK ("year" between 2000 and 9999),
	CONSTRAINT "helpdesk_ticket_counters_last_check" CHECK ("last_number" > 0)
);
--> statement-breakpoint
ALTER TABLE "helpdesk_tickets" ADD COLUMN "number" text;
--> statement-breakpoint
-- Tickets opened before this migration: numbered in the order they were opened.
UPDATE "helpdesk_tickets" t SET "number" = 'T-' || n.y || '-' || CASE WHEN n.rank < 100000 THEN lpad(n.rank::text, 5, '0') ELSE n.rank::text END
  FROM (SELECT "id", extract(year FROM "created_at" AT TIME ZONE 'Europe/Paris')::int AS y,
               row_number() OVER (PARTITION BY "organisation_id", extract(year FROM "created_at" AT TIME ZONE 'Europe/Paris')
                                  ORDER BY "created_at", "id") AS rank
          FROM "helpdesk_tickets") n
 WHERE n."id" = t."id";
--> statement-breakpoint
INSERT INTO "helpdesk_ticket_counters" ("organisation_id", "year", "last_number")
SELECT "organisation_id", extract(year FROM "created_at" AT TIME ZONE 'Europe/Paris')::int, count(*)
  FROM "helpdesk_tickets" GROUP BY 1, 2;
--> statement-breakpoint
ALTER TABLE "helpdesk_tickets" ALTER COLUMN "number" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "helpdesk_tickets" ADD CONSTRAINT "helpdesk_tickets_number_check" CHECK ("number" ~ '^T-[0-9]{4}-[0-9]{5,}$');
--> statement-breakpoint
ALTER TABLE "helpdesk_tickets" ADD CONSTRAINT "helpdesk_tickets_number_key" UNIQUE ("organisation_id", "number");
--> statement-breakpoint
CREATE FUNCTION socle_helpdesk_ticket_number() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  y integer;
  n integer;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW."number" IS DISTINCT FROM OLD."number" THEN
      RAISE EXCEPTION 'a ticket number never changes' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  y := extract(year FROM NEW."created_at" AT TIME ZONE 'Europe/Paris')::integer;
  INSERT INTO "helpdesk_ticket_counters" AS c ("organisation_id", "year", "last_number")
  VALUES (NEW."organisation_id", y, 1)
  ON CONFLICT ("organisation_id", "year") DO UPDATE SET "last_number" = c."last_number" + 1
  RETURNING c."last_number" INTO n;
  NEW."number" := 'T-' || y || '-' || CASE WHEN n < 100000 THEN lpad(n::text, 5, '0') ELSE n::text END;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "helpdesk_tickets_number" BEFORE INSERT OR UPDATE OF "number" ON "helpdesk_tickets"
  FOR EACH ROW EXECUTE FUNCTION socle_helpdesk_ticket_number();
--> statement-breakpoint
-- The list's search by number ("T-2026-00042", "2026-00042", "42").
CREATE INDEX "helpdesk_tickets_number_idx" ON "helpdesk_tickets" USING btree ("organisation_id", "number" text_pattern_ops);
--> statement-breakpoint
CREATE TABLE "helpdesk_ticket_files" (
	"file_id" uuid PRIMARY KEY NOT NULL REFERENCES "files"("id") ON DELETE CASCADE,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"ticket_id" uuid NOT NULL,
	-- Internal: helpdesk team and auditors only, never shown to school staff.
	"internal" boolean DEFAULT false NOT NULL,
	CONSTRAINT "helpdesk_ticket_files_ticket_fk" FOREIGN KEY ("ticket_id", "organisation_id") REFERENCES "helpdesk_tickets" ("id", "organisation_id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "helpdesk_ticket_files_ticket_idx" ON "helpdesk_ticket_files" USING btree ("ticket_id");
--> statement-breakpoint
SELECT socle_enable_tenancy('helpdesk_ticket_counters', 'organisation_id');
--> statement-breakpoint
SELECT socle_enable_tenancy('helpdesk_ticket_files', 'organisation_id');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON helpdesk_ticket_counters TO socle_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON helpdesk_ticket_files TO socle_app;
