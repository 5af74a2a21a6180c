ALTER TABLE "app"."tenants" ADD COLUMN "plan" text DEFAULT 'trial' NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."tenants" ADD COLUMN "trial_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "app"."tenants" ADD COLUMN "contract_ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "app"."tenants" ADD COLUMN "contact_email" text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE "app"."tenants" SET "plan" = 'standard' WHERE "status" = 'active';
