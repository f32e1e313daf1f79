-- Why: the budget view of a national-scale programme (200,000 expense lines)
-- must answer in < 300 ms (issue #6, performance). Re-running the
-- largest-remainder allocation on every read takes seconds, so the shares
-- are stored (`funding_line_shares`, migration 0015) together with each
-- school's part of a line's eligible amount (`eligible_cents` below), and
-- recomputed on the next read after anything they depend on changed.
-- Statement-level triggers (transition tables: one UPDATE per statement, not
-- per row, so bulk writes stay cheap) mark the programme `shares_stale` when
-- its lines (amounts, eligibility, cost item, invoice date or number: the
-- statement order breaks ties), their school split, its conventions, its
-- cost items, its schools in scope, or those schools' class and pupil counts
-- (the per-class / per-pupil caps) change. Changes that do not affect shares
-- (payment date, mandate number) leave the programme fresh.
-- The budget view itself (sums over every line, school, month, funder and
-- claim) is cached as JSON on the programme (`budget_cache`) and dropped by
-- the same triggers on any change of its lines (payment dates included),
-- splits, conventions, cost items, schools, claims and purchase orders.
ALTER TABLE "funding_programmes" ADD COLUMN "budget_cache" jsonb;
--> statement-breakpoint
ALTER TABLE "funding_expense_line_schools" ADD COLUMN "eligible_cents" bigint;
--> statement-breakpoint
ALTER TABLE "funding_expense_line_schools" ADD CONSTRAINT "funding_expense_line_schools_eligible_check" CHECK ("eligible_cents" IS NULL OR ("eligible_cents" >= 0 AND "eligible_cents" <= "amount_cents"));
--> statement-breakpoint
CREATE FUNCTION socle_funding_stale_from_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE funding_programmes SET shares_stale = true, budget_cache = NULL
   WHERE (NOT shares_stale OR budget_cache IS NOT NULL) AND id IN (SELECT DISTINCT programme_id FROM new_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION socle_funding_stale_from_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE funding_programmes SET shares_stale = true, budget_cache = NULL
   WHERE (NOT shares_stale OR budget_cache IS NOT NULL) AND id IN (SELECT DISTINCT programme_id FROM old_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION socle_funding_lines_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE funding_programmes SET budget_cache = NULL
   WHERE budget_cache IS NOT NULL AND id IN (
     SELECT programme_id FROM new_rows UNION SELECT programme_id FROM old_rows);
  UPDATE funding_programmes SET shares_stale = true
   WHERE NOT shares_stale AND id IN (
     SELECT n.programme_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.programme_id IS DISTINCT FROM o.programme_id
         OR n.cost_item_id IS DISTINCT FROM o.cost_item_id
         OR n.eligible_cents IS DISTINCT FROM o.eligible_cents
         OR n.eligibility IS DISTINCT FROM o.eligibility
         OR n.ht_cents IS DISTINCT FROM o.ht_cents
         OR n.invoice_date IS DISTINCT FROM o.invoice_date
         OR n.invoice_number IS DISTINCT FROM o.invoice_number
     UNION
     SELECT o.programme_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.programme_id IS DISTINCT FROM o.programme_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION socle_funding_split_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE funding_programmes SET shares_stale = true, budget_cache = NULL
     WHERE (NOT shares_stale OR budget_cache IS NOT NULL) AND id IN (
       SELECT l.programme_id FROM funding_expense_lines l WHERE l.id IN (SELECT DISTINCT line_id FROM old_rows));
  ELSE
    UPDATE funding_programmes SET shares_stale = true, budget_cache = NULL
     WHERE (NOT shares_stale OR budget_cache IS NOT NULL) AND id IN (
       SELECT l.programme_id FROM funding_expense_lines l WHERE l.id IN (SELECT DISTINCT line_id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION socle_funding_school_years_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE funding_programmes SET shares_stale = true, budget_cache = NULL
     WHERE (NOT shares_stale OR budget_cache IS NOT NULL) AND id IN (
       SELECT ps.programme_id FROM funding_programme_schools ps WHERE ps.school_id IN (SELECT DISTINCT school_id FROM old_rows));
  ELSE
    UPDATE funding_programmes SET shares_stale = true, budget_cache = NULL
     WHERE (NOT shares_stale OR budget_cache IS NOT NULL) AND id IN (
       SELECT ps.programme_id FROM funding_programme_schools ps WHERE ps.school_id IN (SELECT DISTINCT school_id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION socle_funding_budget_from_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE funding_programmes SET budget_cache = NULL
   WHERE budget_cache IS NOT NULL AND id IN (SELECT DISTINCT programme_id FROM new_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION socle_funding_budget_from_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE funding_programmes SET budget_cache = NULL
   WHERE budget_cache IS NOT NULL AND id IN (SELECT DISTINCT programme_id FROM old_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION socle_funding_budget_from_order_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE funding_programmes SET budget_cache = NULL
     WHERE budget_cache IS NOT NULL AND id IN (
       SELECT o.programme_id FROM purchase_orders o WHERE o.id IN (SELECT DISTINCT order_id FROM old_rows));
  ELSE
    UPDATE funding_programmes SET budget_cache = NULL
     WHERE budget_cache IS NOT NULL AND id IN (
       SELECT o.programme_id FROM purchase_orders o WHERE o.id IN (SELECT DISTINCT order_id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER funding_lines_stale_ins AFTER INSERT ON funding_expense_lines REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_stale_from_new();
--> statement-breakpoint
CREATE TRIGGER funding_lines_stale_del AFTER DELETE ON funding_expense_lines REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_stale_from_old();
--> statement-breakpoint
CREATE TRIGGER funding_lines_stale_upd AFTER UPDATE ON funding_expense_lines REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_lines_updated();
--> statement-breakpoint
CREATE TRIGGER funding_split_stale_ins AFTER INSERT ON funding_expense_line_schools REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_split_changed();
--> statement-breakpoint
CREATE TRIGGER funding_split_stale_del AFTER DELETE ON funding_expense_line_schools REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_split_changed();
--> statement-breakpoint
CREATE TRIGGER funding_conventions_stale_ins AFTER INSERT ON funding_conventions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_stale_from_new();
--> statement-breakpoint
CREATE TRIGGER funding_conventions_stale_upd AFTER UPDATE ON funding_conventions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_stale_from_new();
--> statement-breakpoint
CREATE TRIGGER funding_conventions_stale_del AFTER DELETE ON funding_conventions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_stale_from_old();
--> statement-breakpoint
CREATE TRIGGER funding_cost_items_stale_ins AFTER INSERT ON funding_cost_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_stale_from_new();
--> statement-breakpoint
CREATE TRIGGER funding_cost_items_stale_upd AFTER UPDATE ON funding_cost_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_stale_from_new();
--> statement-breakpoint
CREATE TRIGGER funding_cost_items_stale_del AFTER DELETE ON funding_cost_items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_stale_from_old();
--> statement-breakpoint
CREATE TRIGGER funding_programme_schools_stale_ins AFTER INSERT ON funding_programme_schools REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_stale_from_new();
--> statement-breakpoint
CREATE TRIGGER funding_programme_schools_stale_del AFTER DELETE ON funding_programme_schools REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_stale_from_old();
--> statement-breakpoint
CREATE TRIGGER school_years_funding_stale_ins AFTER INSERT ON school_years REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_school_years_changed();
--> statement-breakpoint
CREATE TRIGGER school_years_funding_stale_upd AFTER UPDATE ON school_years REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_school_years_changed();
--> statement-breakpoint
CREATE TRIGGER school_years_funding_stale_del AFTER DELETE ON school_years REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_school_years_changed();
--> statement-breakpoint
CREATE TRIGGER funding_claims_budget_ins AFTER INSERT ON funding_claims REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_budget_from_new();
--> statement-breakpoint
CREATE TRIGGER funding_claims_budget_upd AFTER UPDATE ON funding_claims REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_budget_from_new();
--> statement-breakpoint
CREATE TRIGGER funding_claims_budget_del AFTER DELETE ON funding_claims REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_budget_from_old();
--> statement-breakpoint
CREATE TRIGGER purchase_orders_budget_ins AFTER INSERT ON purchase_orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_budget_from_new();
--> statement-breakpoint
CREATE TRIGGER purchase_orders_budget_upd_new AFTER UPDATE ON purchase_orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_budget_from_new();
--> statement-breakpoint
CREATE TRIGGER purchase_orders_budget_upd_old AFTER UPDATE ON purchase_orders REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_budget_from_old();
--> statement-breakpoint
CREATE TRIGGER purchase_orders_budget_del AFTER DELETE ON purchase_orders REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_budget_from_old();
--> statement-breakpoint
CREATE TRIGGER purchase_order_lines_budget_ins AFTER INSERT ON purchase_order_lines REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_budget_from_order_lines();
--> statement-breakpoint
CREATE TRIGGER purchase_order_lines_budget_upd AFTER UPDATE ON purchase_order_lines REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_budget_from_order_lines();
--> statement-breakpoint
CREATE TRIGGER purchase_order_lines_budget_del AFTER DELETE ON purchase_order_lines REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION socle_funding_budget_from_order_lines();
