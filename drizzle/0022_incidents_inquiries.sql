CREATE TABLE "app"."incident_tenants" (
	"incident_id" uuid NOT NULL,
	"affected_tenant_id" uuid NOT NULL,
	CONSTRAINT "incident_tenants_incident_id_affected_tenant_id_pk" PRIMARY KEY("incident_id","affected_tenant_id")
);
--> statement-breakpoint
ALTER TABLE "app"."incident_tenants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."incident_updates" (
	"update_id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"status" text NOT NULL,
	"message" text NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app"."incident_updates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."incidents" (
	"incident_id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"severity" text NOT NULL,
	"status" text NOT NULL,
	"all_tenants" boolean DEFAULT false NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"declared_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"public_message" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app"."incidents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."inquiries" (
	"tenant_id" uuid NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiries_tenant_id_inquiry_id_pk" PRIMARY KEY("tenant_id","inquiry_id")
);
--> statement-breakpoint
ALTER TABLE "app"."inquiries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."inquiry_messages" (
	"tenant_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"author" text NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiry_messages_tenant_id_message_id_pk" PRIMARY KEY("tenant_id","message_id")
);
--> statement-breakpoint
ALTER TABLE "app"."inquiry_messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "app"."incident_tenants" ADD CONSTRAINT "incident_tenants_incident_id_incidents_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "app"."incidents"("incident_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."incident_updates" ADD CONSTRAINT "incident_updates_incident_id_incidents_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "app"."incidents"("incident_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."incidents" ADD CONSTRAINT "incidents_created_by_operators_operator_id_fk" FOREIGN KEY ("created_by") REFERENCES "app"."operators"("operator_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."inquiries" ADD CONSTRAINT "inquiries_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "app"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."inquiry_messages" ADD CONSTRAINT "inquiry_messages_tenant_id_inquiry_id_inquiries_tenant_id_inquiry_id_fk" FOREIGN KEY ("tenant_id","inquiry_id") REFERENCES "app"."inquiries"("tenant_id","inquiry_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_tenants_tenant_idx" ON "app"."incident_tenants" USING btree ("affected_tenant_id");--> statement-breakpoint
CREATE INDEX "incident_updates_incident_idx" ON "app"."incident_updates" USING btree ("incident_id","posted_at");--> statement-breakpoint
CREATE INDEX "incidents_detected_idx" ON "app"."incidents" USING btree ("detected_at");--> statement-breakpoint
CREATE INDEX "inquiries_status_idx" ON "app"."inquiries" USING btree ("tenant_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "inquiry_messages_inquiry_idx" ON "app"."inquiry_messages" USING btree ("tenant_id","inquiry_id","posted_at");--> statement-breakpoint
CREATE POLICY "operator_plane" ON "app"."incident_tenants" AS PERMISSIVE FOR ALL TO public USING (current_setting('app.operator_plane', true) = 'on') WITH CHECK (current_setting('app.operator_plane', true) = 'on');--> statement-breakpoint
CREATE POLICY "affected_tenant" ON "app"."incident_tenants" AS PERMISSIVE FOR SELECT TO public USING (affected_tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "operator_plane" ON "app"."incident_updates" AS PERMISSIVE FOR ALL TO public USING (current_setting('app.operator_plane', true) = 'on') WITH CHECK (current_setting('app.operator_plane', true) = 'on');--> statement-breakpoint
CREATE POLICY "public_declared" ON "app"."incident_updates" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "operator_plane" ON "app"."incidents" AS PERMISSIVE FOR ALL TO public USING (current_setting('app.operator_plane', true) = 'on') WITH CHECK (current_setting('app.operator_plane', true) = 'on');--> statement-breakpoint
CREATE POLICY "public_declared" ON "app"."incidents" AS PERMISSIVE FOR SELECT TO public USING (declared_at IS NOT NULL);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."inquiries" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "operator_plane" ON "app"."inquiries" AS PERMISSIVE FOR ALL TO public USING (current_setting('app.operator_plane', true) = 'on') WITH CHECK (current_setting('app.operator_plane', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."inquiry_messages" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "operator_plane" ON "app"."inquiry_messages" AS PERMISSIVE FOR ALL TO public USING (current_setting('app.operator_plane', true) = 'on') WITH CHECK (current_setting('app.operator_plane', true) = 'on');