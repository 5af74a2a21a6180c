ALTER TABLE "app"."permission_groups" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_log_occurred_at_idx" ON "app"."audit_log" USING btree ("tenant_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "app"."audit_log" USING btree ("tenant_id","actor_user_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_event_idx" ON "app"."audit_log" USING btree ("tenant_id","event","seq");--> statement-breakpoint
CREATE POLICY "tenant_ops_listing" ON "app"."tenants" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.ops_all_tenants', true) = 'on' AND current_user = (SELECT pg_catalog.pg_get_userbyid(c.relowner) FROM pg_catalog.pg_class c WHERE c.oid = 'app.tenants'::regclass));