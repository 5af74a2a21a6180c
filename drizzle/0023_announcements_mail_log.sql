CREATE TABLE "app"."announcement_reads" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"announcement_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "announcement_reads_tenant_id_user_id_announcement_id_pk" PRIMARY KEY("tenant_id","user_id","announcement_id")
);
--> statement-breakpoint
ALTER TABLE "app"."announcement_reads" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."announcements" (
	"announcement_id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone,
	"operator_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app"."announcements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "app"."announcement_reads" ADD CONSTRAINT "announcement_reads_tenant_id_user_id_users_tenant_id_user_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "app"."users"("tenant_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."announcements" ADD CONSTRAINT "announcements_operator_id_operators_operator_id_fk" FOREIGN KEY ("operator_id") REFERENCES "app"."operators"("operator_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "announcements_published_idx" ON "app"."announcements" USING btree ("published_at");--> statement-breakpoint
CREATE POLICY "operator_mail_log" ON "app"."mail_outbox" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.operator_plane', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."announcement_reads" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "operator_plane" ON "app"."announcements" AS PERMISSIVE FOR ALL TO public USING (current_setting('app.operator_plane', true) = 'on') WITH CHECK (current_setting('app.operator_plane', true) = 'on');--> statement-breakpoint
CREATE POLICY "announcements_published" ON "app"."announcements" AS PERMISSIVE FOR SELECT TO public USING ("app"."announcements"."published_at" <= now());