CREATE TABLE "app"."customer_product_prices" (
	"tenant_id" uuid NOT NULL,
	"price_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"unit_price" numeric(13, 4),
	"partner_product_code" text DEFAULT '' NOT NULL,
	"valid_from" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_product_prices_tenant_id_price_id_pk" PRIMARY KEY("tenant_id","price_id"),
	CONSTRAINT "customer_product_prices_key" UNIQUE NULLS NOT DISTINCT("tenant_id","product_id","customer_id","valid_from")
);
--> statement-breakpoint
ALTER TABLE "app"."customer_product_prices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."products" (
	"tenant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"code" text COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"kana" text DEFAULT '' NOT NULL,
	"spec" text DEFAULT '' NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"quantity_per_case" numeric(9, 4),
	"quantity_decimals" smallint DEFAULT 0 NOT NULL,
	"price_decimals" smallint DEFAULT 0 NOT NULL,
	"unit_price1" numeric(13, 4),
	"unit_price2" numeric(13, 4),
	"unit_price3" numeric(13, 4),
	"unit_price4" numeric(13, 4),
	"unit_price5" numeric(13, 4),
	"cost" numeric(13, 4),
	"tax_mode" text DEFAULT 'exclusive' NOT NULL,
	"tax_rate_code" text NOT NULL,
	"is_stock_managed" boolean DEFAULT true NOT NULL,
	"valuation_method" text DEFAULT 'lastPurchasePrice' NOT NULL,
	"jan_code" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"search_name" text COLLATE "C" NOT NULL,
	"search_kana" text COLLATE "C" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_tenant_id_product_id_pk" PRIMARY KEY("tenant_id","product_id"),
	CONSTRAINT "products_code_key" UNIQUE("tenant_id","code")
);
--> statement-breakpoint
ALTER TABLE "app"."products" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "app"."customer_product_prices" ADD CONSTRAINT "customer_product_prices_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "app"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."customer_product_prices" ADD CONSTRAINT "customer_product_prices_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "app"."customers"("tenant_id","customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."customer_product_prices" ADD CONSTRAINT "customer_product_prices_product_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "app"."products"("tenant_id","product_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."products" ADD CONSTRAINT "products_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "app"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_product_prices_customer_idx" ON "app"."customer_product_prices" USING btree ("tenant_id","customer_id","product_id");--> statement-breakpoint
CREATE INDEX "products_search_kana_idx" ON "app"."products" USING btree ("tenant_id","search_kana","code");--> statement-breakpoint
CREATE INDEX "products_active_code_idx" ON "app"."products" USING btree ("tenant_id","code") WHERE is_active;--> statement-breakpoint
CREATE INDEX "products_jan_idx" ON "app"."products" USING btree ("tenant_id","jan_code") WHERE jan_code <> '';--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."customer_product_prices" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."products" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));