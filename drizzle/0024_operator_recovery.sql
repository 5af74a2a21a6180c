ALTER TABLE "app"."operators" ADD COLUMN "mfa_recovery_hashes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE INDEX "operator_audit_log_operator_idx" ON "app"."operator_audit_log" USING btree ("operator_id","seq");--> statement-breakpoint
CREATE INDEX "operator_audit_log_event_idx" ON "app"."operator_audit_log" USING btree ("event","seq");