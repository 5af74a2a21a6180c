CREATE TABLE "app"."mfa_key_check" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mfa_key_check_single_row" CHECK ("app"."mfa_key_check"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "app"."mfa_key_check" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "operator_plane" ON "app"."mfa_key_check" AS PERMISSIVE FOR ALL TO public USING (current_setting('app.operator_plane', true) = 'on') WITH CHECK (current_setting('app.operator_plane', true) = 'on');--> statement-breakpoint
-- The runtime may write the check value once (first start); replacing it is the ops CLI's (owner) job.
REVOKE UPDATE, DELETE, TRUNCATE ON app.mfa_key_check FROM akinai_app;