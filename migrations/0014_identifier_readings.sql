ALTER TABLE "findings" ADD COLUMN "service" text;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "display" text;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "read_as" jsonb;