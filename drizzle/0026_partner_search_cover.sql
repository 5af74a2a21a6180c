DROP INDEX "app"."customers_search_kana_idx";--> statement-breakpoint
DROP INDEX "app"."customers_active_search_kana_idx";--> statement-breakpoint
DROP INDEX "app"."suppliers_search_kana_idx";--> statement-breakpoint
DROP INDEX "app"."suppliers_active_search_kana_idx";--> statement-breakpoint
-- Hand-written (drizzle cannot declare INCLUDE). ADR 0023: a list search that matches few rows
-- reads the whole tenant; these let it do so as an index-only scan in the list's sort order,
-- checking every filter on the index entry, and stop as soon as a page is full.
CREATE INDEX "customers_code_cover_idx" ON "app"."customers" ("tenant_id", "code")
  INCLUDE ("customer_id", "is_active", "search_name", "search_kana", "search_phone", "staff_user_id", "department_id");--> statement-breakpoint
CREATE INDEX "customers_kana_cover_idx" ON "app"."customers" ("tenant_id", "search_kana", "code")
  INCLUDE ("customer_id", "is_active", "search_name", "search_phone", "staff_user_id", "department_id");--> statement-breakpoint
CREATE INDEX "suppliers_code_cover_idx" ON "app"."suppliers" ("tenant_id", "code")
  INCLUDE ("supplier_id", "is_active", "search_name", "search_kana", "search_phone", "staff_user_id", "department_id");--> statement-breakpoint
CREATE INDEX "suppliers_kana_cover_idx" ON "app"."suppliers" ("tenant_id", "search_kana", "code")
  INCLUDE ("supplier_id", "is_active", "search_name", "search_phone", "staff_user_id", "department_id");
