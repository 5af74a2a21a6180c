CREATE TABLE "app"."units" (
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "units_tenant_id_unit_id_pk" PRIMARY KEY("tenant_id","unit_id"),
	CONSTRAINT "units_name_key" UNIQUE("tenant_id","name")
);
--> statement-breakpoint
ALTER TABLE "app"."units" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "app"."units" ADD CONSTRAINT "units_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "app"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."units" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));