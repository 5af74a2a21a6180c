DROP INDEX "app"."products_search_kana_idx";--> statement-breakpoint
DROP INDEX "app"."products_active_code_idx";--> statement-breakpoint
-- Hand-written (drizzle cannot declare INCLUDE), as for the partners in 0026 (ADR 0023): the
-- product list's search is one index-only pass in the list's sort order.
CREATE INDEX "products_code_cover_idx" ON "app"."products" ("tenant_id", "code")
  INCLUDE ("product_id", "is_active", "search_name", "search_kana", "jan_code");--> statement-breakpoint
CREATE INDEX "products_kana_cover_idx" ON "app"."products" ("tenant_id", "search_kana", "code")
  INCLUDE ("product_id", "is_active", "search_name", "jan_code");
