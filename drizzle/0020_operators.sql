CREATE TABLE "app"."break_glass_grants" (
	"grant_id" uuid PRIMARY KEY NOT NULL,
	"target_tenant_id" uuid NOT NULL,
	"operator_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app"."break_glass_grants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."operator_audit_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"operator_id" uuid,
	"actor_label" text NOT NULL,
	"event" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"target_tenant_id" uuid,
	"ip" text NOT NULL,
	"user_agent" text NOT NULL,
	"request_id" text NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
ALTER TABLE "app"."operator_audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."operator_login_throttles" (
	"scope" text NOT NULL,
	"subject" text NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "operator_login_throttles_scope_subject_pk" PRIMARY KEY("scope","subject")
);
--> statement-breakpoint
ALTER TABLE "app"."operator_login_throttles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."operator_sessions" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"operator_id" uuid NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"stage" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "operator_sessions_token_hash_key" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "app"."operator_sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."operators" (
	"operator_id" uuid PRIMARY KEY NOT NULL,
	"login_id" text COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"mfa_secret" text,
	"mfa_pending_secret" text,
	"mfa_last_step" integer,
	"mfa_enabled_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "operators_login_id_key" UNIQUE("login_id")
);
--> statement-breakpoint
ALTER TABLE "app"."operators" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "app"."break_glass_grants" ADD CONSTRAINT "break_glass_grants_operator_id_operators_operator_id_fk" FOREIGN KEY ("operator_id") REFERENCES "app"."operators"("operator_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."operator_sessions" ADD CONSTRAINT "operator_sessions_operator_id_operators_operator_id_fk" FOREIGN KEY ("operator_id") REFERENCES "app"."operators"("operator_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "break_glass_grants_tenant_idx" ON "app"."break_glass_grants" USING btree ("target_tenant_id","expires_at");--> statement-breakpoint
CREATE INDEX "operator_audit_log_tenant_idx" ON "app"."operator_audit_log" USING btree ("target_tenant_id","seq");--> statement-breakpoint
CREATE POLICY "tenant_operator_plane" ON "app"."tenants" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.operator_plane', true) = 'on');--> statement-breakpoint
CREATE POLICY "operator_plane" ON "app"."break_glass_grants" AS PERMISSIVE FOR ALL TO public USING (current_setting('app.operator_plane', true) = 'on') WITH CHECK (current_setting('app.operator_plane', true) = 'on');--> statement-breakpoint
CREATE POLICY "operator_plane" ON "app"."operator_audit_log" AS PERMISSIVE FOR ALL TO public USING (current_setting('app.operator_plane', true) = 'on') WITH CHECK (current_setting('app.operator_plane', true) = 'on');--> statement-breakpoint
CREATE POLICY "operator_plane" ON "app"."operator_login_throttles" AS PERMISSIVE FOR ALL TO public USING (current_setting('app.operator_plane', true) = 'on') WITH CHECK (current_setting('app.operator_plane', true) = 'on');--> statement-breakpoint
CREATE POLICY "operator_plane" ON "app"."operator_sessions" AS PERMISSIVE FOR ALL TO public USING (current_setting('app.operator_plane', true) = 'on') WITH CHECK (current_setting('app.operator_plane', true) = 'on');--> statement-breakpoint
CREATE POLICY "operator_plane" ON "app"."operators" AS PERMISSIVE FOR ALL TO public USING (current_setting('app.operator_plane', true) = 'on') WITH CHECK (current_setting('app.operator_plane', true) = 'on');--> statement-breakpoint
-- Hand-added: the operator audit log is append-only for the runtime role; its sequence must be usable.
REVOKE UPDATE, DELETE, TRUNCATE ON app.operator_audit_log FROM akinai_app;--> statement-breakpoint
GRANT USAGE ON SEQUENCE app.operator_audit_log_seq_seq TO akinai_app;--> statement-breakpoint
-- Operator tables are filtered for the owner too: the ops CLI also has to say it is the operator plane.
ALTER TABLE app.operators FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE app.operator_sessions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE app.operator_login_throttles FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE app.operator_audit_log FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE app.break_glass_grants FORCE ROW LEVEL SECURITY;
