CREATE TABLE "app"."login_throttles" (
	"tenant_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"subject" text NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "login_throttles_tenant_id_scope_subject_pk" PRIMARY KEY("tenant_id","scope","subject")
);
--> statement-breakpoint
ALTER TABLE "app"."login_throttles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "app"."sessions" ADD COLUMN "stage" text DEFAULT 'full' NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."users" ADD COLUMN "mfa_secret" text;--> statement-breakpoint
ALTER TABLE "app"."users" ADD COLUMN "mfa_pending_secret" text;--> statement-breakpoint
ALTER TABLE "app"."users" ADD COLUMN "mfa_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "app"."users" ADD COLUMN "mfa_last_step" bigint;--> statement-breakpoint
ALTER TABLE "app"."users" ADD COLUMN "mfa_recovery_hashes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."tenants" ADD COLUMN "mfa_required" text DEFAULT 'off' NOT NULL;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."login_throttles" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));