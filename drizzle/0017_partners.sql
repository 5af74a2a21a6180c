CREATE TABLE "app"."suppliers" (
	"tenant_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"code" text COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"kana" text DEFAULT '' NOT NULL,
	"short_name" text DEFAULT '' NOT NULL,
	"honorific" text DEFAULT '御中' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"address1" text DEFAULT '' NOT NULL,
	"address2" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"fax" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"search_name" text COLLATE "C" NOT NULL,
	"search_kana" text COLLATE "C" NOT NULL,
	"search_phone" text GENERATED ALWAYS AS (regexp_replace(phone, '[^0-9]', '', 'g')) STORED NOT NULL,
	"pay_to_supplier_id" uuid,
	"closing_kind" text DEFAULT 'periodic' NOT NULL,
	"closing_days" integer[] DEFAULT '{31}'::integer[] NOT NULL,
	"payment_months_after" integer DEFAULT 1 NOT NULL,
	"payment_day" integer DEFAULT 31 NOT NULL,
	"payment_method" text DEFAULT 'transfer' NOT NULL,
	"holiday_shift" text DEFAULT 'none' NOT NULL,
	"tax_unit" text DEFAULT 'document' NOT NULL,
	"tax_rounding" text DEFAULT 'down' NOT NULL,
	"price_class" integer DEFAULT 1 NOT NULL,
	"rate_percent" numeric(5, 2) DEFAULT '100' NOT NULL,
	"price_rounding" text DEFAULT 'down' NOT NULL,
	"staff_user_id" uuid,
	"department_id" uuid,
	"registration_number" text DEFAULT '' NOT NULL,
	"registration_status" text DEFAULT 'unregistered' NOT NULL,
	"registered_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suppliers_tenant_id_supplier_id_pk" PRIMARY KEY("tenant_id","supplier_id"),
	CONSTRAINT "suppliers_code_key" UNIQUE("tenant_id","code"),
	CONSTRAINT "suppliers_price_class_check" CHECK ("app"."suppliers"."price_class" BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE "app"."suppliers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."code_numbering_settings" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"is_auto" boolean DEFAULT false NOT NULL,
	"width" integer DEFAULT 6 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "code_numbering_settings_tenant_id_kind_pk" PRIMARY KEY("tenant_id","kind"),
	CONSTRAINT "code_numbering_settings_width_check" CHECK ("app"."code_numbering_settings"."width" BETWEEN 3 AND 15)
);
--> statement-breakpoint
ALTER TABLE "app"."code_numbering_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "search_phone" text GENERATED ALWAYS AS (regexp_replace(phone, '[^0-9]', '', 'g')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "bill_to_customer_id" uuid;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "collect_from_customer_id" uuid;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "closing_kind" text DEFAULT 'periodic' NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "closing_days" integer[] DEFAULT '{31}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "payment_months_after" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "payment_day" integer DEFAULT 31 NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "payment_method" text DEFAULT 'transfer' NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "holiday_shift" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "tax_unit" text DEFAULT 'document' NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "tax_rounding" text DEFAULT 'down' NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "price_class" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "rate_percent" numeric(5, 2) DEFAULT '100' NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "price_rounding" text DEFAULT 'down' NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "staff_user_id" uuid;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "department_id" uuid;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD COLUMN "credit_limit" numeric(15, 0);--> statement-breakpoint
ALTER TABLE "app"."suppliers" ADD CONSTRAINT "suppliers_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "app"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."suppliers" ADD CONSTRAINT "suppliers_pay_to_fk" FOREIGN KEY ("tenant_id","pay_to_supplier_id") REFERENCES "app"."suppliers"("tenant_id","supplier_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."suppliers" ADD CONSTRAINT "suppliers_staff_fk" FOREIGN KEY ("tenant_id","staff_user_id") REFERENCES "app"."users"("tenant_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."suppliers" ADD CONSTRAINT "suppliers_department_fk" FOREIGN KEY ("tenant_id","department_id") REFERENCES "app"."departments"("tenant_id","department_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."code_numbering_settings" ADD CONSTRAINT "code_numbering_settings_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "app"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suppliers_search_kana_idx" ON "app"."suppliers" USING btree ("tenant_id","search_kana","code");--> statement-breakpoint
CREATE INDEX "suppliers_active_search_kana_idx" ON "app"."suppliers" USING btree ("tenant_id","search_kana","code") WHERE is_active;--> statement-breakpoint
CREATE INDEX "suppliers_pay_to_idx" ON "app"."suppliers" USING btree ("tenant_id","pay_to_supplier_id");--> statement-breakpoint
CREATE INDEX "suppliers_staff_idx" ON "app"."suppliers" USING btree ("tenant_id","staff_user_id","code");--> statement-breakpoint
CREATE INDEX "suppliers_department_idx" ON "app"."suppliers" USING btree ("tenant_id","department_id","code");--> statement-breakpoint
ALTER TABLE "app"."customers" ADD CONSTRAINT "customers_bill_to_fk" FOREIGN KEY ("tenant_id","bill_to_customer_id") REFERENCES "app"."customers"("tenant_id","customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD CONSTRAINT "customers_collect_from_fk" FOREIGN KEY ("tenant_id","collect_from_customer_id") REFERENCES "app"."customers"("tenant_id","customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD CONSTRAINT "customers_staff_fk" FOREIGN KEY ("tenant_id","staff_user_id") REFERENCES "app"."users"("tenant_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."customers" ADD CONSTRAINT "customers_department_fk" FOREIGN KEY ("tenant_id","department_id") REFERENCES "app"."departments"("tenant_id","department_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_bill_to_idx" ON "app"."customers" USING btree ("tenant_id","bill_to_customer_id");--> statement-breakpoint
CREATE INDEX "customers_collect_from_idx" ON "app"."customers" USING btree ("tenant_id","collect_from_customer_id");--> statement-breakpoint
CREATE INDEX "customers_staff_idx" ON "app"."customers" USING btree ("tenant_id","staff_user_id","code");--> statement-breakpoint
CREATE INDEX "customers_department_idx" ON "app"."customers" USING btree ("tenant_id","department_id","code");--> statement-breakpoint
ALTER TABLE "app"."customers" ADD CONSTRAINT "customers_price_class_check" CHECK ("app"."customers"."price_class" BETWEEN 1 AND 5);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."suppliers" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."code_numbering_settings" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));