CREATE TABLE "app"."tenant_deletions" (
	"deletion_id" uuid PRIMARY KEY NOT NULL,
	"deleted_tenant_id" uuid NOT NULL,
	"was_trial" boolean NOT NULL,
	"contract_ended_at" timestamp with time zone NOT NULL,
	"purge_due_at" timestamp with time zone NOT NULL,
	"purged_at" timestamp with time zone NOT NULL,
	"row_counts" jsonb NOT NULL,
	"total_rows" bigint NOT NULL,
	"backup_key_id" text,
	CONSTRAINT "tenant_deletions_tenant_key" UNIQUE("deleted_tenant_id")
);
--> statement-breakpoint
ALTER TABLE "app"."tenant_deletions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."tenant_purge_reminders" (
	"tenant_id" uuid NOT NULL,
	"reminder" text NOT NULL,
	"purge_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tenant_purge_reminders_tenant_id_reminder_pk" PRIMARY KEY("tenant_id","reminder")
);
--> statement-breakpoint
ALTER TABLE "app"."tenant_purge_reminders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "app"."tenant_purge_reminders" ADD CONSTRAINT "tenant_purge_reminders_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "app"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "app"."tenant_purge_reminders" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));