CREATE TABLE "app"."tax_rates" (
	"tenant_id" uuid NOT NULL,
	"code" text COLLATE "C" NOT NULL,
	"is_preset" boolean NOT NULL,
	"printed_name" text NOT NULL,
	"rate_percent" numeric(5, 2) NOT NULL,
	"category" text NOT NULL,
	"sort_order" integer NOT NULL,
	"is_hidden" boolean DEFAULT false NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_rates_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
ALTER TABLE "app"."tax_rates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "app"."tax_rates" ADD CONSTRAINT "tax_rates_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "app"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."tax_rates" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));