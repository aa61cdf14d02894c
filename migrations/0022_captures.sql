CREATE TABLE "captures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"platform_id" uuid NOT NULL,
	"finding_id" uuid,
	"url" text NOT NULL,
	"handling" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_by_user" uuid NOT NULL,
	"country" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"captured_at" timestamp with time zone,
	"final_url" text,
	"http_status" integer,
	"title" text,
	"headers" jsonb,
	"tls" jsonb,
	"manifest_sha256" text,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"failure_code" text,
	"failure_details" jsonb
);
--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "capture_role" text;--> statement-breakpoint
ALTER TABLE "captures" ADD CONSTRAINT "captures_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "captures" ADD CONSTRAINT "captures_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "captures" ADD CONSTRAINT "captures_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "captures" ADD CONSTRAINT "captures_requested_by_memberships_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "captures_operation_idx" ON "captures" USING btree ("operation_id","platform_id");--> statement-breakpoint
CREATE INDEX "captures_queue_idx" ON "captures" USING btree ("status","requested_at");