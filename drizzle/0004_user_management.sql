ALTER TABLE "app"."users" ADD COLUMN "kana" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."users" ADD COLUMN "email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."users" ADD COLUMN "department" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."users" ADD COLUMN "initial_password_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "app"."users" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;