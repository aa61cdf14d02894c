ALTER TABLE "memberships" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "revocation_requested_by" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "revocation_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "require_totp" boolean DEFAULT false NOT NULL;