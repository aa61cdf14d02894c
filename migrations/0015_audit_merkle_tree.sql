CREATE TABLE "audit_heads" (
	"chain" text NOT NULL,
	"tree_size" bigint NOT NULL,
	"root_hash" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	"sealed" boolean DEFAULT false NOT NULL,
	CONSTRAINT "audit_heads_chain_tree_size_pk" PRIMARY KEY("chain","tree_size")
);
--> statement-breakpoint
CREATE TABLE "audit_nodes" (
	"chain" text NOT NULL,
	"level" integer NOT NULL,
	"node_index" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_nodes_chain_level_node_index_pk" PRIMARY KEY("chain","level","node_index")
);
--> statement-breakpoint
DROP INDEX "audit_chain_unique";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "leaf_hash" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "position" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_position_unique" ON "audit_events" USING btree ("chain","position");--> statement-breakpoint
CREATE INDEX "audit_pending_idx" ON "audit_events" USING btree ("chain","id") WHERE "audit_events"."position" is null;--> statement-breakpoint
ALTER TABLE "audit_events" DROP COLUMN "chain_index";--> statement-breakpoint
ALTER TABLE "audit_events" DROP COLUMN "prev_hash";--> statement-breakpoint
ALTER TABLE "audit_events" DROP COLUMN "hash";