CREATE TABLE "app"."company_bank_accounts" (
	"tenant_id" uuid NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"sort_order" integer NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"bank_name" text NOT NULL,
	"bank_code" text DEFAULT '' NOT NULL,
	"branch_name" text NOT NULL,
	"branch_code" text DEFAULT '' NOT NULL,
	"account_type" text NOT NULL,
	"account_number" text NOT NULL,
	"account_holder" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_bank_accounts_tenant_id_bank_account_id_pk" PRIMARY KEY("tenant_id","bank_account_id"),
	CONSTRAINT "company_bank_accounts_type_check" CHECK ("app"."company_bank_accounts"."account_type" IN ('ordinary', 'checking', 'savings')),
	CONSTRAINT "company_bank_accounts_number_check" CHECK ("app"."company_bank_accounts"."account_number" ~ '^[0-9]{7}$')
);
--> statement-breakpoint
ALTER TABLE "app"."company_bank_accounts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."company_images" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_images_tenant_id_kind_pk" PRIMARY KEY("tenant_id","kind"),
	CONSTRAINT "company_images_kind_check" CHECK ("app"."company_images"."kind" IN ('logo', 'seal')),
	CONSTRAINT "company_images_content_type_check" CHECK ("app"."company_images"."content_type" IN ('image/png', 'image/jpeg')),
	CONSTRAINT "company_images_size_check" CHECK ("app"."company_images"."byte_size" BETWEEN 1 AND 1048576)
);
--> statement-breakpoint
ALTER TABLE "app"."company_images" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."company_profiles" (
	"tenant_id" uuid NOT NULL,
	"company_name" text NOT NULL,
	"company_kana" text DEFAULT '' NOT NULL,
	"representative_title" text DEFAULT '' NOT NULL,
	"representative_name" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"address1" text DEFAULT '' NOT NULL,
	"address2" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"fax" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"registration_number" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_profiles_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "app"."company_profiles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."document_entry_checks" (
	"tenant_id" uuid NOT NULL,
	"project" text NOT NULL,
	"quantity" text NOT NULL,
	"unit_price" text NOT NULL,
	"cost" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_entry_checks_tenant_id_pk" PRIMARY KEY("tenant_id"),
	CONSTRAINT "document_entry_checks_mode_check" CHECK ("app"."document_entry_checks"."project" IN ('warn', 'block', 'allow') AND "app"."document_entry_checks"."quantity" IN ('warn', 'block', 'allow')
            AND "app"."document_entry_checks"."unit_price" IN ('warn', 'block', 'allow') AND "app"."document_entry_checks"."cost" IN ('warn', 'block', 'allow'))
);
--> statement-breakpoint
ALTER TABLE "app"."document_entry_checks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."document_print_settings" (
	"tenant_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"show_logo" boolean NOT NULL,
	"show_seal" boolean NOT NULL,
	"show_bank_accounts" boolean NOT NULL,
	"show_registration_number" boolean NOT NULL,
	"footer_note" text DEFAULT '' NOT NULL,
	"address_source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_print_settings_tenant_id_document_type_pk" PRIMARY KEY("tenant_id","document_type"),
	CONSTRAINT "document_print_settings_type_check" CHECK ("app"."document_print_settings"."document_type" IN ('quote', 'orderAcknowledgement', 'deliveryNote', 'invoice', 'receipt', 'purchaseOrder')),
	CONSTRAINT "document_print_settings_address_check" CHECK ("app"."document_print_settings"."address_source" IN ('company', 'department')),
	CONSTRAINT "document_print_settings_footer_check" CHECK (char_length("app"."document_print_settings"."footer_note") <= 200)
);
--> statement-breakpoint
ALTER TABLE "app"."document_print_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "app"."company_bank_accounts" ADD CONSTRAINT "company_bank_accounts_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "app"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."company_images" ADD CONSTRAINT "company_images_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "app"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."company_profiles" ADD CONSTRAINT "company_profiles_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "app"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."document_entry_checks" ADD CONSTRAINT "document_entry_checks_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "app"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."document_print_settings" ADD CONSTRAINT "document_print_settings_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "app"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "company_bank_accounts_default_key" ON "app"."company_bank_accounts" USING btree ("tenant_id") WHERE "app"."company_bank_accounts"."is_default";--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."company_bank_accounts" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."company_images" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."company_profiles" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."document_entry_checks" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."document_print_settings" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));