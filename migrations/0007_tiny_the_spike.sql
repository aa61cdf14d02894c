ALTER TABLE "audit_events" ADD COLUMN "chain" text DEFAULT 'global' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "chain_index" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_unique" ON "audit_events" USING btree ("chain","chain_index");