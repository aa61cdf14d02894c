CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"language" text NOT NULL,
	"phrase" text NOT NULL,
	CONSTRAINT "indicators_operation_phrase_unique" UNIQUE("operation_id","language","phrase")
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;