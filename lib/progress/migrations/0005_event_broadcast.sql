ALTER TABLE "events" ADD COLUMN "broadcast_message" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "broadcast_at" timestamp with time zone;