CREATE TABLE "platform_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"platform_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"content_url" text,
	"legal_request_needed" boolean DEFAULT false NOT NULL,
	"state" text NOT NULL,
	"platform_reference" text,
	"note" text,
	"author_id" uuid NOT NULL,
	"country" text NOT NULL,
	"history" jsonb NOT NULL,
	"sent_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sightings" DROP CONSTRAINT "sightings_finding_id_unique";--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "route" text[];--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "origin" text GENERATED ALWAYS AS (route[1]) STORED;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "destination" text GENERATED ALWAYS AS (route[array_upper(route, 1)]) STORED;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "means" text[];--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "price_minor" integer;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "currency" text;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "stages" jsonb;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "stages_beyond_price" boolean;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "contacts" jsonb;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "advertiser_id" uuid;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "themes" text[] DEFAULT '{sexual,labour}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_requests" ADD CONSTRAINT "platform_requests_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_requests" ADD CONSTRAINT "platform_requests_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_requests" ADD CONSTRAINT "platform_requests_author_id_memberships_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "platform_requests_operation_idx" ON "platform_requests" USING btree ("operation_id","state");--> statement-breakpoint
CREATE INDEX "platform_requests_platform_idx" ON "platform_requests" USING btree ("platform_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sightings_finding_value_unique" ON "sightings" USING btree ("finding_id","identifier_kind","value");