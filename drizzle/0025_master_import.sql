CREATE TABLE "app"."import_job_records" (
	"tenant_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"record_id" uuid NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL,
	CONSTRAINT "import_job_records_tenant_id_job_id_line_pk" PRIMARY KEY("tenant_id","job_id","line")
);
--> statement-breakpoint
ALTER TABLE "app"."import_job_records" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."import_jobs" (
	"tenant_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"master" text NOT NULL,
	"mode" text NOT NULL,
	"stage" text DEFAULT 'preview' NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"file_name" text NOT NULL,
	"file" "bytea",
	"format" text,
	"encoding" text,
	"header_option" text NOT NULL,
	"has_header" boolean,
	"progress" smallint DEFAULT 0 NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"create_count" integer DEFAULT 0 NOT NULL,
	"update_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ignored_headers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preview" jsonb DEFAULT '{"headers":[],"rows":[]}'::jsonb NOT NULL,
	"failure" text,
	"created_by" uuid NOT NULL,
	"actor" jsonb NOT NULL,
	"runner_id" text,
	"heartbeat_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_jobs_tenant_id_job_id_pk" PRIMARY KEY("tenant_id","job_id"),
	CONSTRAINT "import_jobs_progress_check" CHECK ("app"."import_jobs"."progress" BETWEEN 0 AND 100)
);
--> statement-breakpoint
ALTER TABLE "app"."import_jobs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "app"."import_job_records" ADD CONSTRAINT "import_job_records_job_fk" FOREIGN KEY ("tenant_id","job_id") REFERENCES "app"."import_jobs"("tenant_id","job_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."import_jobs" ADD CONSTRAINT "import_jobs_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "app"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."import_jobs" ADD CONSTRAINT "import_jobs_created_by_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "app"."users"("tenant_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_job_records_record_idx" ON "app"."import_job_records" USING btree ("tenant_id","record_id");--> statement-breakpoint
CREATE INDEX "import_jobs_created_idx" ON "app"."import_jobs" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "import_jobs_created_by_idx" ON "app"."import_jobs" USING btree ("tenant_id","created_by");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."import_job_records" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."import_jobs" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));