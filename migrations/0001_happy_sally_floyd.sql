DROP INDEX "platforms_claimed_by_idx";--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "platforms_claim_expiry_idx" ON "platforms" USING btree ("status","last_activity_at");--> statement-breakpoint
CREATE INDEX "platforms_claimed_by_idx" ON "platforms" USING btree ("claimed_by","status");