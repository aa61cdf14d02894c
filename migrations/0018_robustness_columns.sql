ALTER TABLE "users" ADD COLUMN "totp_last_step" integer;--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "integrity_failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reference_lists" ADD COLUMN "complete" boolean DEFAULT true NOT NULL;