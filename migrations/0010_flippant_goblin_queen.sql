CREATE TABLE "disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"country" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"strength" text NOT NULL,
	"key" text NOT NULL,
	"identifier_kind" text NOT NULL,
	"parties" integer DEFAULT 0 NOT NULL,
	"public_parties" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolution_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sightings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"identifier_kind" text NOT NULL,
	"value" text NOT NULL,
	"handle" text,
	"service" text,
	"author_id" uuid NOT NULL,
	"country" text NOT NULL,
	"handling" text NOT NULL,
	"platform_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "sightings_finding_id_unique" UNIQUE("finding_id")
);
--> statement-breakpoint
ALTER TABLE "hits" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "hits" CASCADE;--> statement-breakpoint
ALTER TABLE "reference_entries" ADD COLUMN "handle" text;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_decided_by_memberships_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_resolved_by_memberships_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sightings" ADD CONSTRAINT "sightings_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sightings" ADD CONSTRAINT "sightings_author_id_memberships_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sightings" ADD CONSTRAINT "sightings_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disclosures_match_country_unique" ON "disclosures" USING btree ("match_id","country");--> statement-breakpoint
CREATE UNIQUE INDEX "matches_key_unique" ON "matches" USING btree ("operation_id","strength","key");--> statement-breakpoint
CREATE INDEX "matches_operation_idx" ON "matches" USING btree ("operation_id","status");--> statement-breakpoint
CREATE INDEX "sightings_value_idx" ON "sightings" USING btree ("operation_id","value");--> statement-breakpoint
CREATE INDEX "sightings_handle_idx" ON "sightings" USING btree ("operation_id","handle");--> statement-breakpoint
CREATE INDEX "reference_entries_handle_idx" ON "reference_entries" USING btree ("operation_id","handle");