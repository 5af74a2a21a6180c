CREATE TABLE "app"."api_tokens" (
	"tenant_id" uuid NOT NULL,
	"token_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"scope" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_tenant_id_token_id_pk" PRIMARY KEY("tenant_id","token_id"),
	CONSTRAINT "api_tokens_token_hash_key" UNIQUE("tenant_id","token_hash")
);
--> statement-breakpoint
ALTER TABLE "app"."api_tokens" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."tenant_settings" (
	"tenant_id" uuid NOT NULL,
	"admin_email" text DEFAULT '' NOT NULL,
	"idle_timeout_minutes" integer DEFAULT 30 NOT NULL,
	"password_expiry_days" integer DEFAULT 0 NOT NULL,
	"password_notice_days" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_settings_tenant_id_pk" PRIMARY KEY("tenant_id"),
	CONSTRAINT "tenant_settings_idle_timeout_check" CHECK ("app"."tenant_settings"."idle_timeout_minutes" BETWEEN 5 AND 60),
	CONSTRAINT "tenant_settings_password_days_check" CHECK ("app"."tenant_settings"."password_expiry_days" >= 0 AND "app"."tenant_settings"."password_notice_days" >= 0
            AND ("app"."tenant_settings"."password_expiry_days" = 0 OR "app"."tenant_settings"."password_notice_days" < "app"."tenant_settings"."password_expiry_days"))
);
--> statement-breakpoint
ALTER TABLE "app"."tenant_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "app"."users" ADD COLUMN "password_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."api_tokens" ADD CONSTRAINT "api_tokens_tenant_id_user_id_users_tenant_id_user_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "app"."users"("tenant_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."tenant_settings" ADD CONSTRAINT "tenant_settings_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "app"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "app"."api_tokens" USING btree ("tenant_id","user_id");--> statement-breakpoint
-- Hand-added backfill (ADR 0010): every tenant gets its settings row, keeping its idle timeout.
-- FORCE RLS would hide the rows from the owner; the repeatable script forces it again after.
ALTER TABLE "app"."tenants" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
INSERT INTO "app"."tenant_settings" ("tenant_id", "idle_timeout_minutes")
  SELECT "tenant_id", least(greatest("idle_timeout_minutes", 5), 60) FROM "app"."tenants";--> statement-breakpoint
ALTER TABLE "app"."tenants" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "app"."tenants" DROP COLUMN "idle_timeout_minutes";--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."api_tokens" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."tenant_settings" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));