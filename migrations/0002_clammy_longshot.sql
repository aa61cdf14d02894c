CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"platform_id" uuid NOT NULL,
	"finding_id" uuid,
	"url" text,
	"captured_at" timestamp with time zone NOT NULL,
	"captured_by" uuid NOT NULL,
	"country" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_path" text NOT NULL,
	"handling" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"platform_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"author_id" uuid NOT NULL,
	"country" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"handling" text NOT NULL,
	"note" text,
	"language" text,
	"links" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"aliases" text[],
	"identified" boolean,
	"nationality" text,
	"role" text,
	"identifier_kind" text,
	"value" text,
	"normalized_value" text,
	"result" text,
	"reference" text,
	"minor" boolean,
	"age_estimate" integer,
	"exploitation" text,
	"referral" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"identifier_kind" text NOT NULL,
	"normalized_value" text NOT NULL,
	"finding_id" uuid NOT NULL,
	"matched_finding_id" uuid,
	"reference_entry_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolution_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"operation_id" uuid NOT NULL,
	"identifier_kind" text NOT NULL,
	"normalized_value" text NOT NULL,
	"label" text
);
--> statement-breakpoint
CREATE TABLE "reference_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"entry_count" integer NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "default_handling" text DEFAULT 'TLP:AMBER' NOT NULL;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_captured_by_memberships_id_fk" FOREIGN KEY ("captured_by") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_author_id_memberships_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hits" ADD CONSTRAINT "hits_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hits" ADD CONSTRAINT "hits_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hits" ADD CONSTRAINT "hits_matched_finding_id_findings_id_fk" FOREIGN KEY ("matched_finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hits" ADD CONSTRAINT "hits_reference_entry_id_reference_entries_id_fk" FOREIGN KEY ("reference_entry_id") REFERENCES "public"."reference_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hits" ADD CONSTRAINT "hits_resolved_by_memberships_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_entries" ADD CONSTRAINT "reference_entries_list_id_reference_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."reference_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_lists" ADD CONSTRAINT "reference_lists_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_lists" ADD CONSTRAINT "reference_lists_uploaded_by_memberships_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_operation_idx" ON "evidence" USING btree ("operation_id","platform_id");--> statement-breakpoint
CREATE INDEX "findings_operation_kind_idx" ON "findings" USING btree ("operation_id","kind");--> statement-breakpoint
CREATE INDEX "findings_platform_idx" ON "findings" USING btree ("platform_id");--> statement-breakpoint
CREATE INDEX "findings_match_idx" ON "findings" USING btree ("operation_id","normalized_value");--> statement-breakpoint
CREATE INDEX "hits_operation_idx" ON "hits" USING btree ("operation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "hits_pair_unique" ON "hits" USING btree ("finding_id","matched_finding_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hits_reference_unique" ON "hits" USING btree ("finding_id","reference_entry_id");--> statement-breakpoint
CREATE INDEX "reference_entries_match_idx" ON "reference_entries" USING btree ("operation_id","normalized_value");