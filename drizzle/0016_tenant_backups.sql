CREATE SCHEMA "backup";
--> statement-breakpoint
CREATE TABLE "backup"."tenant_backup_keys" (
	"key_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"wrapped_key" "bytea",
	"created_at" timestamp with time zone NOT NULL,
	"destroyed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "backup"."tenant_backups" (
	"backup_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"key_id" uuid NOT NULL,
	"format_version" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"row_counts" jsonb NOT NULL,
	"file_path" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_backup_keys_live_key" ON "backup"."tenant_backup_keys" USING btree ("tenant_id") WHERE destroyed_at IS NULL;--> statement-breakpoint
CREATE INDEX "tenant_backups_tenant_started" ON "backup"."tenant_backups" USING btree ("tenant_id","started_at");