ALTER TABLE "evidence" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "integrity_failed_at" timestamp with time zone;